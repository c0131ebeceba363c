import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import { ValidationFailedError, type RequestContext, Transactions } from '@infobank/platform';
import { boardComposition, ListBoardMembersUseCase } from '@infobank/review';
import {
  PERIODIC_REPORT_SCHEMA_ID,
  PERIODIC_REPORT_TYPE,
  REPORT_ABSENT_SECTIONS,
  type PeriodicReportContent,
} from '../domain/periodic-report';
import { hasEnded, parseReportPeriod } from '../domain/report-period';
import { PeriodicReportStore } from '../infrastructure/periodic-report.store';
import { readReportAggregates } from '../infrastructure/report-aggregates.query';
import { ReportPeriodNotEndedError } from '../reports.errors';
import { assertMayReadReports, periodicReportView, type PeriodicReportView } from './periodic-report-view';

/**
 * Writes the periodic report (定期報告) of one ended month, signed by the bank, or returns the one that
 * month already has: a report is made once and never changes.
 */
@Injectable()
export class GeneratePeriodicReportUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly keyRing: BankKeyRing,
    private readonly boardMembers: ListBoardMembersUseCase,
  ) {}

  async execute(ctx: RequestContext, command: { period: string }): Promise<PeriodicReportView & { created: boolean }> {
    assertMayReadReports(ctx.actor);
    const period = parseReportPeriod(command.period);
    if (period === null) throw new ValidationFailedError([{ path: '/period', message: 'must be a month, YYYY-MM' }]);
    const now = ctx.now();
    if (!hasEnded(period, now)) throw new ReportPeriodNotEndedError();
    return this.transactions.run(ctx, async ({ transaction: manager }) => {
      const store = new PeriodicReportStore(manager);
      await store.lockPeriod(period.period);
      const existing = await store.byPeriod(period.period);
      if (existing !== null) return { ...periodicReportView(existing), created: false };

      const composition = boardComposition(await this.boardMembers.execute(ctx));
      const content: PeriodicReportContent = {
        $schema: PERIODIC_REPORT_SCHEMA_ID,
        reportId: randomUUID(),
        period: period.period,
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        generatedAt: now.toISOString(),
        tables: {
          ...(await readReportAggregates(manager, period)),
          boardCompositionWarnings: composition.warnings.map((warning) => ({ code: warning.code, message: warning.message.ja })),
        },
        absent: [...REPORT_ABSENT_SECTIONS],
      };
      const row = {
        id: content.reportId,
        period: period.period,
        trigger: ctx.actor.type === 'board_member' ? ('board' as const) : ('schedule' as const),
        generatedAt: now,
        content,
        contentJws: await this.keyRing.signJws(content, { typ: PERIODIC_REPORT_TYPE }),
      };
      await store.insertOnce(row);
      return { ...periodicReportView(row), created: true };
    });
  }
}
