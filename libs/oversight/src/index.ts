// The public surface of libs/oversight: what the data ethics board and the public read across contexts
// (the audit queries, the public statistics, full log verification, periodic reports, incidents, leak tracing
// and certification evidence).
import { INCIDENT_ENTITIES } from './incidents/incidents.entities';
import { INCIDENT_JOBS } from './incidents/incidents.jobs';
import { LOG_VERIFICATION_ENTITIES } from './log-verification/log-verification.entities';
import { LOG_VERIFICATION_JOBS } from './log-verification/log-verification.jobs';
import { REPORT_ENTITIES } from './reports/reports.entities';
import { REPORT_JOBS } from './reports/reports.jobs';

export * from './audit';
export * from './transparency-statistics';
export * from './log-verification';
export * from './reports';
export * from './incidents';
export * from './leak-tracing';
export * from './evidence';
export { OversightModule } from './oversight.module';

/** The tables of libs/oversight. */
export const OVERSIGHT_ENTITIES = [...LOG_VERIFICATION_ENTITIES, ...REPORT_ENTITIES, ...INCIDENT_ENTITIES];

/** The jobs libs/oversight declares. */
export const OVERSIGHT_JOBS = [...LOG_VERIFICATION_JOBS, ...REPORT_JOBS, ...INCIDENT_JOBS];
