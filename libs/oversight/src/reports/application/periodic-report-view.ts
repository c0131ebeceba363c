import type { Actor } from '@infobank/platform';
import type { PeriodicReportContent } from '../domain/periodic-report';
import type { PeriodicReportEntity, ReportTrigger } from '../infrastructure/periodic-report.entity';
import { ReportsForbiddenError } from '../reports.errors';

/** A report as served: the signed content (read back from the JWS payload) and the JWS itself. */
export interface PeriodicReportView {
  id: string;
  period: string;
  trigger: ReportTrigger;
  generatedAt: string;
  report: PeriodicReportContent;
  /** Compact JWS (`typ: periodic-report+jwt`) signed by the bank; its payload is `report`. */
  jws: string;
}

/** A listed report. */
export interface PeriodicReportSummary {
  id: string;
  period: string;
  trigger: ReportTrigger;
  generatedAt: string;
}

export function periodicReportView(row: PeriodicReportEntity): PeriodicReportView {
  // The JWS payload is exactly what was signed (the jsonb copy has its keys reordered by PostgreSQL).
  const payload = JSON.parse(Buffer.from(row.contentJws.split('.')[1], 'base64url').toString('utf8')) as PeriodicReportContent;
  return {
    id: row.id,
    period: row.period,
    trigger: row.trigger,
    generatedAt: new Date(row.generatedAt).toISOString(),
    report: payload,
    jws: row.contentJws,
  };
}

/** Reports are for the board (and the bank's own schedule). */
export function assertMayReadReports(actor: Actor): void {
  if (actor.type !== 'board_member' && actor.type !== 'system' && actor.type !== 'operator') throw new ReportsForbiddenError();
}
