import { Module } from '@nestjs/common';
import { AccountsModule } from '@infobank/auth';
import { CatalogModule } from '@infobank/catalog';
import { OffersModule } from '@infobank/offers';
import { AddBoardMemberUseCase } from './application/add-board-member.use-case';
import { BoardMemberClaims } from './application/board-member-claims';
import { CaseDecisionRecorder } from './application/case-decision-recorder';
import { CastVoteUseCase } from './application/cast-vote.use-case';
import { ConfirmStopUseOrderUseCase } from './application/confirm-stop-use-order.use-case';
import { GetBoardCompositionUseCase } from './application/get-board-composition.use-case';
import { GetReviewCaseUseCase } from './application/get-review-case.use-case';
import { LiftStopUseOrderUseCase } from './application/lift-stop-use-order.use-case';
import { ListBoardMembersUseCase } from './application/list-board-members.use-case';
import { ListReviewCasesUseCase } from './application/list-review-cases.use-case';
import { ListStopUseOrdersUseCase } from './application/list-stop-use-orders.use-case';
import { OffersOfStopUseOrderUseCase } from './application/offers-of-stop-use-order.use-case';
import { OpenReviewCaseUseCase } from './application/open-review-case.use-case';
import { ProposeStopUseOrderUseCase } from './application/propose-stop-use-order.use-case';
import { RecuseFromCaseUseCase } from './application/recuse-from-case.use-case';
import { ReviewCaseCommands } from './application/review-case-commands';
import { StopUseOrderCommands } from './application/stop-use-order-commands';

const REVIEW_PROVIDERS = [
  AddBoardMemberUseCase,
  ListBoardMembersUseCase,
  BoardMemberClaims,
  GetBoardCompositionUseCase,
  OpenReviewCaseUseCase,
  ListReviewCasesUseCase,
  GetReviewCaseUseCase,
  CastVoteUseCase,
  RecuseFromCaseUseCase,
  ProposeStopUseOrderUseCase,
  ConfirmStopUseOrderUseCase,
  LiftStopUseOrderUseCase,
  ListStopUseOrdersUseCase,
  OffersOfStopUseOrderUseCase,
];

/**
 * The data ethics board: members, review cases and votes, signed decisions, stop-use orders and the
 * board's composition. Needs TypeORM's DataSource and the bank's key ring (CryptoModule).
 */
@Module({
  imports: [AccountsModule, CatalogModule, OffersModule],
  providers: [...REVIEW_PROVIDERS, ReviewCaseCommands, CaseDecisionRecorder, StopUseOrderCommands],
  exports: REVIEW_PROVIDERS,
})
export class ReviewModule {}
