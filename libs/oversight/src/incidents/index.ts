// Incidents (issue 18 item 1): a breach's impact from provision history or the vault, telling the affected, the regulator report.
export * from './domain/incident';
export * from './domain/incident-texts';
export { CloseIncidentUseCase } from './application/close-incident.use-case';
export { GetRegulatorReportUseCase } from './application/get-regulator-report.use-case';
export { INCIDENT_HANDLERS } from './application/incident-access';
export type { IncidentStepView, IncidentView } from './application/incident-view';
export { ListMyIncidentsUseCase, MAX_MY_INCIDENTS, type MyIncidentView } from './application/list-my-incidents.use-case';
export { INCIDENT_NOTIFY_PAGE, NotifyIncidentPageUseCase } from './application/notify-incident-page.use-case';
export { OpenIncidentUseCase } from './application/open-incident.use-case';
export { ProposeOrderFromIncidentUseCase } from './application/propose-order-from-incident.use-case';
export {
  GetIncidentUseCase,
  ListIncidentAffectedUseCase,
  ListIncidentsUseCase,
  MAX_AFFECTED_PAGE,
  MAX_LISTED_INCIDENTS,
  type AffectedIndividualView,
} from './application/read-incidents.use-cases';
export { StartIncidentNotificationUseCase } from './application/start-incident-notification.use-case';
export * from './incidents.errors';
export { INCIDENT_ENTITIES } from './incidents.entities';
export { INCIDENT_JOBS, NOTIFY_INCIDENT_PAGE_JOB } from './incidents.jobs';
export { IncidentsModule } from './incidents.module';
