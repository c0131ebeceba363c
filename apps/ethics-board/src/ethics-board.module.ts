import { Module } from '@nestjs/common';
import { CatalogHttpModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { DisclosureRequestsModule } from '@infobank/disclosure';
import { OversightModule } from '@infobank/oversight';
import { WebAppModule } from '@infobank/platform';
import { TransparencyLogHttpModule } from '@infobank/transparency-log';
import { ReviewModule } from '@infobank/review';
import { RevocationModule } from '@infobank/revocation';
import { ComplaintsModule } from '@infobank/rights';
import { AuditController } from './audit/audit.controller';
import { DisclosureAuditController } from './audit/disclosure-audit.controller';
import { TraceController } from './audit/trace.controller';
import { AttestationsController } from './attestations/attestations.controller';
import { BoardAuthModule } from './auth/board-auth.module';
import { BoardCompositionController } from './board/composition.controller';
import { CasesController } from './cases/cases.controller';
import { BoardComplaintsController } from './complaints/board-complaints.controller';
import { DeskComplaintsController } from './complaints/desk.controller';
import { IncidentsController } from './incidents/incidents.controller';
import { LogVerificationsController } from './log-verifications/log-verifications.controller';
import { BoardMembersController } from './members/members.controller';
import { OrdersController } from './orders/orders.controller';
import { ReportAssetsController, ReportsController } from './reports/reports.controller';
import { BoardTransparencyController } from './transparency/transparency.controller';
import { ETHICS_BOARD_ERROR_STATUS } from './ethics-board.errors';

/** How the data ethics board API is built as an HTTP app (shared by main.ts and the OpenAPI generator). */
export const ETHICS_BOARD_HTTP_OPTIONS = {
  title: 'Infobank data ethics board API',
  description: "The data ethics board's API (データ倫理審査会): reviews, votes, stop-use orders and audits.",
  errorStatus: ETHICS_BOARD_ERROR_STATUS,
};

/**
 * The data ethics board's API (データ倫理審査会): reviews, votes, stop-use orders and audits; the complaints
 * desk's (苦情相談窓口), whose staff sign in here with their own role; and the board's web console
 * (apps/board-web) at `/`.
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
    DisclosureRequestsModule,
    ComplaintsModule,
    WebAppModule.forRoot('board-web'),
  ],
  controllers: [
    BoardMembersController,
    BoardCompositionController,
    CasesController,
    OrdersController,
    AttestationsController,
    AuditController,
    DisclosureAuditController,
    LogVerificationsController,
    ReportsController,
    ReportAssetsController,
    DeskComplaintsController,
    BoardComplaintsController,
    IncidentsController,
    TraceController,
    BoardTransparencyController,
  ],
})
export class EthicsBoardModule {}
