// Periodic reports (定期報告, issue 17 item 3): their use cases, content, formats and schedule.
export * from './domain/periodic-report';
export { PERIODIC_REPORT_JSON_SCHEMA } from './domain/periodic-report.schema';
export * from './domain/report-formats';
export * from './domain/report-period';
export { GenerateMonthlyReportUseCase } from './application/generate-monthly-report.use-case';
export { GeneratePeriodicReportUseCase } from './application/generate-periodic-report.use-case';
export type { PeriodicReportSummary, PeriodicReportView } from './application/periodic-report-view';
export { GetPeriodicReportUseCase, ListPeriodicReportsUseCase, MAX_LISTED_REPORTS } from './application/read-periodic-reports.use-cases';
export * from './reports.errors';
export { GENERATE_MONTHLY_REPORT_JOB, REPORT_JOBS } from './reports.jobs';
export { ReportsModule } from './reports.module';
export { REPORT_FORMATS, REPORT_STYLESHEET_PATH, renderPeriodicReport, type ReportFormat } from './application/render-periodic-report';
