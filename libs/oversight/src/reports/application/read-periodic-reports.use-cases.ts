import { Injectable } from '@nestjs/common';
import { type RequestContext, Transactions } from '@infobank/platform';
import { PeriodicReportStore } from '../infrastructure/periodic-report.store';
import { ReportNotFoundError } from '../reports.errors';
import { assertMayReadReports, periodicReportView, type PeriodicReportSummary, type PeriodicReportView } from './periodic-report-view';

/** Reports listed at most (ten years of months). */
export const MAX_LISTED_REPORTS = 120;

/** Past reports, newest month first. */
@Injectable()
export class ListPeriodicReportsUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(ctx: RequestContext): Promise<PeriodicReportSummary[]> {
    assertMayReadReports(ctx.actor);
    const rows = await this.transactions.run(ctx, (tx) => new PeriodicReportStore(tx.transaction).list(MAX_LISTED_REPORTS));
    return rows.map((row) => ({
      id: row.id,
      period: row.period,
      trigger: row.trigger,
      generatedAt: new Date(row.generatedAt).toISOString(),
    }));
  }
}

/** One report with its signature. */
@Injectable()
export class GetPeriodicReportUseCase {
  constructor(private readonly transactions: Transactions) {}

  async execute(ctx: RequestContext, id: string): Promise<PeriodicReportView> {
    assertMayReadReports(ctx.actor);
    const row = await this.transactions.run(ctx, (tx) => new PeriodicReportStore(tx.transaction).byId(id));
    if (row === null) throw new ReportNotFoundError();
    return periodicReportView(row);
  }
}
