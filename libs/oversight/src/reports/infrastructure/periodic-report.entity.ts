import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { PeriodicReportContent } from '../domain/periodic-report';

/** Who asked for a report: a board member, or the worker's monthly schedule. */
export type ReportTrigger = 'board' | 'schedule';

/**
 * A periodic report (定期報告), one per month, signed by the bank. Append-only (trigger; the runtime role
 * may only insert and read). Matches migration CreatePeriodicReports.
 */
@Entity({ name: 'periodic_reports' })
@Unique('uq_periodic_reports_period', ['period'])
@Check('ck_periodic_reports_period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_periodic_reports_trigger', `"trigger" IN ('board', 'schedule')`)
export class PeriodicReportEntity {
  @PrimaryColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_periodic_reports' })
  id: string;

  /** The month, `YYYY-MM` (Japan time). */
  @Column('text', { name: 'period' })
  period: string;

  @Column('text', { name: 'trigger' })
  trigger: ReportTrigger;

  @Column('timestamptz', { name: 'generated_at' })
  generatedAt: Date;

  /** The report as signed (for queries; the JWS payload is the authoritative copy). */
  @Column('jsonb', { name: 'content' })
  content: PeriodicReportContent;

  /** The report as a compact JWS signed by the bank (`typ: periodic-report+jwt`). */
  @Column('text', { name: 'content_jws' })
  contentJws: string;
}
