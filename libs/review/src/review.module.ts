import { Module } from '@nestjs/common';
import { AccountsModule } from '@infobank/identity';
import { CatalogModule } from '@infobank/catalog';
import { OffersModule } from '@infobank/offers';
import { AddBoardMemberUseCase } from './review/application/add-board-member.use-case';
import { BoardMemberClaims } from './review/application/board-member-claims';
import { ListBoardRosterUseCase, RemoveBoardMemberUseCase } from './review/application/board-roster.use-cases';
import { CaseDecisionRecorder } from './review/application/case-decision-recorder';
import { CastVoteUseCase } from './review/application/cast-vote.use-case';
import { ConfirmStopUseOrderUseCase } from './review/application/confirm-stop-use-order.use-case';
import { GetBoardCompositionUseCase } from './review/application/get-board-composition.use-case';
import { GetReviewCaseUseCase } from './review/application/get-review-case.use-case';
import { LiftStopUseOrderUseCase } from './review/application/lift-stop-use-order.use-case';
import { ListBoardMembersUseCase } from './review/application/list-board-members.use-case';
import { ListReviewCasesUseCase } from './review/application/list-review-cases.use-case';
import { ListStopUseOrdersUseCase } from './review/application/list-stop-use-orders.use-case';
import { OffersOfStopUseOrderUseCase } from './review/application/offers-of-stop-use-order.use-case';
import { OpenReviewCaseUseCase } from './review/application/open-review-case.use-case';
import { ProposeStopUseOrderUseCase } from './review/application/propose-stop-use-order.use-case';
import { RecuseFromCaseUseCase } from './review/application/recuse-from-case.use-case';
import { ReviewCaseCommands } from './review/application/review-case-commands';
import { StopUseOrderCommands } from './review/application/stop-use-order-commands';
import { BoardMemberStore } from './review/infrastructure/board-member.store';
import { ReviewCaseStore } from './review/infrastructure/review-case.store';
import { StopUseOrderStore } from './review/infrastructure/stop-use-order.store';

const REVIEW_PROVIDERS = [
  AddBoardMemberUseCase,
  ListBoardMembersUseCase,
  ListBoardRosterUseCase,
  RemoveBoardMemberUseCase,
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
  providers: [
    ...REVIEW_PROVIDERS,
    ReviewCaseCommands,
    CaseDecisionRecorder,
    StopUseOrderCommands,
    BoardMemberStore,
    ReviewCaseStore,
    StopUseOrderStore,
  ],
  exports: REVIEW_PROVIDERS,
})
export class ReviewModule {}
