import { PeriodicReportEntity } from './infrastructure/periodic-report.entity';

/** The tables of periodic reports. */
export const REPORT_ENTITIES = [PeriodicReportEntity];
