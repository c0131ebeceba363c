import { ValidationFailedError } from '@infobank/platform';
import { isReportTable, reportHtml, reportTableCsv } from '../domain/report-formats';
import type { PeriodicReportView } from './periodic-report-view';

/** The formats a report is served in. */
export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;

/** A report's format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Where the report page's stylesheet is served (the CSP allows only same-origin stylesheets). */
export const REPORT_STYLESHEET_PATH = '/v1/reports/report.css';

/**
 * A report in the asked format: JSON (the signed content and its JWS), one table as CSV, or the
 * printable Japanese page. CSV needs `table`; an unknown table is a validation error naming it.
 */
export function renderPeriodicReport(
  view: PeriodicReportView,
  request: { format?: ReportFormat; table?: string },
): { contentType: string; body: string | PeriodicReportView; fileName?: string } {
  const format = request.format ?? 'json';
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', body: view };
  if (format === 'html') return { contentType: 'text/html; charset=utf-8', body: reportHtml(view.report, REPORT_STYLESHEET_PATH) };
  if (!isReportTable(request.table))
    throw new ValidationFailedError([{ path: '/table', message: 'must name one of the report tables for CSV' }]);
  return {
    contentType: 'text/csv; charset=utf-8',
    body: reportTableCsv(view.report, request.table),
    fileName: `report-${view.period}-${request.table}.csv`,
  };
}
