import type { RequestContext } from '@infobank/platform';
import type { ActingMember } from '../domain/review-case';
import type { BoardMemberStore } from '../infrastructure/board-member.store';
import { NotABoardMemberError } from '../../review.errors';

/** The board member acting in `ctx`, with their expertise and external flag as they stand now (read in ctx's transaction). */
export async function actingMember(ctx: RequestContext, members: BoardMemberStore): Promise<ActingMember> {
  if (ctx.actor.type !== 'board_member') throw new NotABoardMemberError();
  const member = await members.find(ctx.actor.id, ctx.transaction);
  if (member === null) throw new NotABoardMemberError();
  return { id: member.id, expertise: member.expertise, external: member.external };
}

/** Refuses anyone but a board member (reads of cases and orders are the board's alone). */
export function assertBoardMember(ctx: RequestContext): void {
  if (ctx.actor.type !== 'board_member') throw new NotABoardMemberError();
}
