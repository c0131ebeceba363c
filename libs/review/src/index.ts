// The public surface of libs/review: the data ethics board (データ倫理審査会) and its members.
export { AddBoardMemberUseCase, type AddBoardMemberCommand } from './application/add-board-member.use-case';
export { BoardMemberClaims } from './application/board-member-claims';
export { ListBoardMembersUseCase } from './application/list-board-members.use-case';
export * from './domain/board-member';
export { BoardMemberEntity, REVIEW_ENTITIES } from './infrastructure/board-member.entity';
export * from './review.errors';
export { ReviewModule } from './review.module';
