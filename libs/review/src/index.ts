// The public surface of libs/review: the data ethics board (データ倫理審査会), its members, review
// cases and votes, signed decisions, stop-use orders and the board's composition.
export { AddBoardMemberUseCase, type AddBoardMemberCommand } from './review/application/add-board-member.use-case';
export { BoardMemberClaims } from './review/application/board-member-claims';
export { CastVoteUseCase, type CastVoteCommand } from './review/application/cast-vote.use-case';
export { ConfirmStopUseOrderUseCase } from './review/application/confirm-stop-use-order.use-case';
export { GetBoardCompositionUseCase } from './review/application/get-board-composition.use-case';
export { GetReviewCaseUseCase, type ReviewCaseDetail } from './review/application/get-review-case.use-case';
export { LiftStopUseOrderUseCase } from './review/application/lift-stop-use-order.use-case';
export { ListBoardMembersUseCase } from './review/application/list-board-members.use-case';
export { ListBoardRosterUseCase, RemoveBoardMemberUseCase, type BoardRosterEntry } from './review/application/board-roster.use-cases';
export { CASE_STATUSES, ListReviewCasesUseCase } from './review/application/list-review-cases.use-case';
export { ListStopUseOrdersUseCase, ORDER_STATUSES, type ListedStopUseOrder } from './review/application/list-stop-use-orders.use-case';
export { OffersOfStopUseOrderUseCase, type StopUseOrderOffers } from './review/application/offers-of-stop-use-order.use-case';
export {
  OpenReviewCaseUseCase,
  type OpenReviewCaseCommand,
  type OpenReviewCaseResult,
} from './review/application/open-review-case.use-case';
export { ProposeStopUseOrderUseCase, type ProposeStopUseOrderCommand } from './review/application/propose-stop-use-order.use-case';
export { RecuseFromCaseUseCase } from './review/application/recuse-from-case.use-case';
export type { MemberRef, ReviewCaseSummary, ReviewCaseView } from './review/application/review-case-view';
export type { OrderStepView, StopUseOrderView } from './review/application/stop-use-order-view';
export * from './review/domain/board-composition';
export * from './review/domain/board-member';
export { QUORUM, VOTE_DECISIONS, type CaseOutcome, type StricterReviewReason, type VoteDecision } from './review/domain/review-case';
export { REVIEW_DECISION_TYPE } from './review/domain/review-decision';
export { MAX_REASON_LENGTH } from './review/domain/review-text';
export { ORDER_TARGET_TYPES, type OrderTarget, type OrderTargetType } from './review/domain/stop-use-order';
export { BoardMemberEntity } from './review/infrastructure/board-member.entity';
export { REVIEW_ENTITIES } from './review/infrastructure/review.entities';
export * from './review.errors';
export { REVIEW_JOBS, STOP_USE_ORDER_EFFECTIVE_JOB } from './review.jobs';
export { ReviewModule } from './review.module';
