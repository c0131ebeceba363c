import type { EntityManager } from 'typeorm';
import { PeriodicReportEntity } from './periodic-report.entity';

/** Summary columns of a listed report (not its content). */
export type PeriodicReportSummaryRow = Pick<PeriodicReportEntity, 'id' | 'period' | 'trigger' | 'generatedAt'>;

/** The periodic reports: insert once per period, read; never changed. */
export class PeriodicReportStore {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts the report unless its period has one already; returns whether it was inserted. */
  async insertOnce(row: PeriodicReportEntity): Promise<boolean> {
    const result: unknown[] = await this.manager.query(
      `INSERT INTO "periodic_reports" ("id", "period", "trigger", "generated_at", "content", "content_jws")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("period") DO NOTHING RETURNING "id"`,
      [row.id, row.period, row.trigger, row.generatedAt, JSON.stringify(row.content), row.contentJws],
    );
    return result.length === 1;
  }

  /** Serialises report generation per period, so two requests for one month compute it once. */
  async lockPeriod(period: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [REPORT_LOCK_CLASS, period]);
  }

  async byPeriod(period: string): Promise<PeriodicReportEntity | null> {
    return this.manager.findOne(PeriodicReportEntity, { where: { period } });
  }

  async byId(id: string): Promise<PeriodicReportEntity | null> {
    return this.manager.findOne(PeriodicReportEntity, { where: { id } });
  }

  /** Every report, newest period first (at most `limit`). */
  async list(limit: number): Promise<PeriodicReportSummaryRow[]> {
    return this.manager.find(PeriodicReportEntity, {
      select: { id: true, period: true, trigger: true, generatedAt: true },
      order: { period: 'DESC' },
      take: limit,
    });
  }
}

const REPORT_LOCK_CLASS = 73_006;
