import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import type { BoardMember } from '../domain/board-member';
import { BoardMemberStore } from '../infrastructure/board-member.store';

/** The members of the data ethics board, by name: who reviews offers and how the board is composed. */
@Injectable()
export class ListBoardMembersUseCase {
  constructor(private readonly members: BoardMemberStore) {}

  async execute(ctx: RequestContext): Promise<BoardMember[]> {
    return this.members.list(ctx);
  }
}
