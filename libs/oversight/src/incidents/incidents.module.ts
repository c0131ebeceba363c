import { Module } from '@nestjs/common';
import { CatalogModule } from '@infobank/catalog';
import { ReviewModule } from '@infobank/review';
import { RightsModule } from '@infobank/rights';
import { CloseIncidentUseCase } from './application/close-incident.use-case';
import { GetRegulatorReportUseCase } from './application/get-regulator-report.use-case';
import { ListMyIncidentsUseCase } from './application/list-my-incidents.use-case';
import { NotifyIncidentPageUseCase } from './application/notify-incident-page.use-case';
import { OpenIncidentUseCase } from './application/open-incident.use-case';
import { ProposeOrderFromIncidentUseCase } from './application/propose-order-from-incident.use-case';
import { GetIncidentUseCase, ListIncidentAffectedUseCase, ListIncidentsUseCase } from './application/read-incidents.use-cases';
import { StartIncidentNotificationUseCase } from './application/start-incident-notification.use-case';

const INCIDENT_USE_CASES = [
  OpenIncidentUseCase,
  ListIncidentsUseCase,
  GetIncidentUseCase,
  ListIncidentAffectedUseCase,
  StartIncidentNotificationUseCase,
  NotifyIncidentPageUseCase,
  CloseIncidentUseCase,
  ProposeOrderFromIncidentUseCase,
  GetRegulatorReportUseCase,
  ListMyIncidentsUseCase,
];

/** Incidents: opening one with its impact, telling the affected, closing, the regulator report. Needs PlatformModule. */
@Module({ imports: [CatalogModule, RightsModule, ReviewModule], providers: INCIDENT_USE_CASES, exports: INCIDENT_USE_CASES })
export class IncidentsModule {}
