import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { EvidenceModule } from './evidence/evidence.module';
import { IncidentsModule } from './incidents/incidents.module';
import { LeakTracingModule } from './leak-tracing/leak-tracing.module';
import { LogVerificationModule } from './log-verification/log-verification.module';
import { ReportsModule } from './reports/reports.module';
import { TransparencyStatisticsModule } from './transparency-statistics/transparency-statistics.module';

/** What the board (and the public) read across contexts: each part is its own module, gathered here. */
@Module({
  imports: [
    AuditModule,
    TransparencyStatisticsModule,
    LogVerificationModule,
    ReportsModule,
    IncidentsModule,
    LeakTracingModule,
    EvidenceModule,
  ],
  exports: [
    AuditModule,
    TransparencyStatisticsModule,
    LogVerificationModule,
    ReportsModule,
    IncidentsModule,
    LeakTracingModule,
    EvidenceModule,
  ],
})
export class OversightModule {}
