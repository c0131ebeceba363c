import { Module } from '@nestjs/common';
import { AccountsModule } from '@infobank/auth';
import { AddBoardMemberUseCase } from './application/add-board-member.use-case';
import { BoardMemberClaims } from './application/board-member-claims';
import { ListBoardMembersUseCase } from './application/list-board-members.use-case';

const REVIEW_PROVIDERS = [AddBoardMemberUseCase, ListBoardMembersUseCase, BoardMemberClaims];

/** The data ethics board: its members (reviews, votes and orders come later). Needs TypeORM's DataSource. */
@Module({ imports: [AccountsModule], providers: REVIEW_PROVIDERS, exports: REVIEW_PROVIDERS })
export class ReviewModule {}
