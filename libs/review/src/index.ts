// The public surface of libs/review: the data ethics board (データ倫理審査会), its members, review
// cases and votes, signed decisions, stop-use orders and the board's composition.
export { AddBoardMemberUseCase, type AddBoardMemberCommand } from './application/add-board-member.use-case';
export { BoardMemberClaims } from './application/board-member-claims';
export { CastVoteUseCase, type CastVoteCommand } from './application/cast-vote.use-case';
export { ConfirmStopUseOrderUseCase } from './application/confirm-stop-use-order.use-case';
export { GetBoardCompositionUseCase } from './application/get-board-composition.use-case';
export { GetReviewCaseUseCase, type ReviewCaseDetail } from './application/get-review-case.use-case';
export { LiftStopUseOrderUseCase } from './application/lift-stop-use-order.use-case';
export { ListBoardMembersUseCase } from './application/list-board-members.use-case';
export { CASE_STATUSES, ListReviewCasesUseCase } from './application/list-review-cases.use-case';
export { ListStopUseOrdersUseCase, ORDER_STATUSES } from './application/list-stop-use-orders.use-case';
export { OffersOfStopUseOrderUseCase, type StopUseOrderOffers } from './application/offers-of-stop-use-order.use-case';
export { OpenReviewCaseUseCase, type OpenReviewCaseCommand, type OpenReviewCaseResult } from './application/open-review-case.use-case';
export { ProposeStopUseOrderUseCase, type ProposeStopUseOrderCommand } from './application/propose-stop-use-order.use-case';
export { RecuseFromCaseUseCase } from './application/recuse-from-case.use-case';
export type { MemberRef, ReviewCaseSummary, ReviewCaseView } from './application/review-case-view';
export type { OrderStepView, StopUseOrderView } from './application/stop-use-order-view';
export * from './domain/board-composition';
export * from './domain/board-member';
export { QUORUM, VOTE_DECISIONS, type CaseOutcome, type StricterReviewReason, type VoteDecision } from './domain/review-case';
export { REVIEW_DECISION_TYPE } from './domain/review-decision';
export { MAX_REASON_LENGTH } from './domain/review-text';
export { ORDER_TARGET_TYPES, type OrderTarget, type OrderTargetType } from './domain/stop-use-order';
export { BoardMemberEntity } from './infrastructure/board-member.entity';
export { REVIEW_ENTITIES } from './infrastructure/review.entities';
export * from './review.errors';
export { REVIEW_JOBS, STOP_USE_ORDER_EFFECTIVE_JOB } from './review.jobs';
export { ReviewModule } from './review.module';
