import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { LogVerificationModule } from './log-verification/log-verification.module';
import { ReportsModule } from './reports/reports.module';
import { TransparencyStatisticsModule } from './transparency-statistics/transparency-statistics.module';

/** What the board (and the public) read across contexts: each part is its own module, gathered here. */
@Module({
  imports: [AuditModule, TransparencyStatisticsModule, LogVerificationModule, ReportsModule],
  exports: [AuditModule, TransparencyStatisticsModule, LogVerificationModule, ReportsModule],
})
export class OversightModule {}
