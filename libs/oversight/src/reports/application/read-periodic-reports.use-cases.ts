import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { PeriodicReportStore } from '../infrastructure/periodic-report.store';
import { ReportNotFoundError } from '../reports.errors';
import { assertMayReadReports, periodicReportView, type PeriodicReportSummary, type PeriodicReportView } from './periodic-report-view';

/** Reports listed at most (ten years of months). */
export const MAX_LISTED_REPORTS = 120;

/** Past reports, newest month first. */
@Injectable()
export class ListPeriodicReportsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext): Promise<PeriodicReportSummary[]> {
    assertMayReadReports(ctx.actor);
    const rows = await new PeriodicReportStore(ctx.transaction ?? this.dataSource.manager).list(MAX_LISTED_REPORTS);
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
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, id: string): Promise<PeriodicReportView> {
    assertMayReadReports(ctx.actor);
    const row = await new PeriodicReportStore(ctx.transaction ?? this.dataSource.manager).byId(id);
    if (row === null) throw new ReportNotFoundError();
    return periodicReportView(row);
  }
}
