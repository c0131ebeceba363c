import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { TransparencyStatisticsModule } from './transparency-statistics/transparency-statistics.module';

/** What the board (and the public) read across contexts: audit queries and transparency statistics. */
@Module({
  imports: [AuditModule, TransparencyStatisticsModule],
  exports: [AuditModule, TransparencyStatisticsModule],
})
export class OversightModule {}
