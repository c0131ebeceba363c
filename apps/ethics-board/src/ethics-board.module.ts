import { Module } from '@nestjs/common';
import { CatalogHttpModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { OversightModule } from '@infobank/oversight';
import { WebAppModule } from '@infobank/platform';
import { TransparencyLogHttpModule } from '@infobank/transparency-log';
import { ReviewModule } from '@infobank/review';
import { RevocationModule } from '@infobank/revocation';
import { AuditController } from './audit/audit.controller';
import { AttestationsController } from './attestations/attestations.controller';
import { BoardAuthModule } from './auth/board-auth.module';
import { BoardCompositionController } from './board/composition.controller';
import { CasesController } from './cases/cases.controller';
import { LogVerificationsController } from './log-verifications/log-verifications.controller';
import { BoardMembersController } from './members/members.controller';
import { OrdersController } from './orders/orders.controller';
import { ReportAssetsController, ReportsController } from './reports/reports.controller';
import { BoardTransparencyController } from './transparency/transparency.controller';

/**
 * The data ethics board's API (データ倫理審査会): reviews, votes, stop-use orders and audits; and the
 * board's web console (apps/board-web) at `/`.
 */
@Module({
  imports: [
    BankKeysHttpModule,
    CatalogHttpModule,
    TransparencyLogHttpModule,
    BoardAuthModule.forRoot(),
    ReviewModule,
    RevocationModule,
    OversightModule,
    WebAppModule.forRoot('board-web'),
  ],
  controllers: [
    BoardMembersController,
    BoardCompositionController,
    CasesController,
    OrdersController,
    AttestationsController,
    AuditController,
    LogVerificationsController,
    ReportsController,
    ReportAssetsController,
    BoardTransparencyController,
  ],
})
export class EthicsBoardModule {}
