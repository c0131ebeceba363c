import { Module } from '@nestjs/common';
import { LogVerificationModule } from './log-verification/log-verification.module';
import { ReportsModule } from './reports/reports.module';

/** What the data ethics board reads across contexts: each part is its own module, gathered here. */
@Module({ imports: [LogVerificationModule, ReportsModule], exports: [LogVerificationModule, ReportsModule] })
export class OversightModule {}
