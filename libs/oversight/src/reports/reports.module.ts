import { Module } from '@nestjs/common';
import { ReviewModule } from '@infobank/review';
import { GenerateMonthlyReportUseCase } from './application/generate-monthly-report.use-case';
import { GeneratePeriodicReportUseCase } from './application/generate-periodic-report.use-case';
import { GetPeriodicReportUseCase, ListPeriodicReportsUseCase } from './application/read-periodic-reports.use-cases';

const REPORT_PROVIDERS = [
  GeneratePeriodicReportUseCase,
  GenerateMonthlyReportUseCase,
  ListPeriodicReportsUseCase,
  GetPeriodicReportUseCase,
];

/** Periodic reports (定期報告). Needs PlatformModule and the bank key ring (CryptoModule.forPlatform()). */
@Module({ imports: [ReviewModule], providers: REPORT_PROVIDERS, exports: REPORT_PROVIDERS })
export class ReportsModule {}
