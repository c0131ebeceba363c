import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@infobank/platform';
import { lastEndedPeriod } from '../domain/report-period';
import { GeneratePeriodicReportUseCase } from './generate-periodic-report.use-case';

/** The worker's monthly schedule: the last ended month gets its report (once; later runs find it made). */
@Injectable()
export class GenerateMonthlyReportUseCase {
  constructor(private readonly generate: GeneratePeriodicReportUseCase) {}

  async execute(ctx: RequestContext): Promise<{ period: string; created: boolean }> {
    const report = await this.generate.execute(ctx, { period: lastEndedPeriod(ctx.now()) });
    return { period: report.period, created: report.created };
  }
}
