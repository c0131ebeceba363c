import { Injectable } from '@nestjs/common';
import { type RequestContext, requireBoardMember } from '@infobank/platform';
import { boardComposition, type BoardComposition } from '../domain/board-composition';
import { BOARD_MEMBERS_ONLY } from './acting-member';
import { ListBoardMembersUseCase } from './list-board-members.use-case';

/** How the board is composed now: members by expertise, the external share, and warnings. */
@Injectable()
export class GetBoardCompositionUseCase {
  constructor(private readonly members: ListBoardMembersUseCase) {}

  async execute(ctx: RequestContext): Promise<BoardComposition> {
    requireBoardMember(ctx, BOARD_MEMBERS_ONLY);
    return boardComposition(await this.members.execute(ctx));
  }
}
