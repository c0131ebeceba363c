import type { RequestContext } from '@infobank/platform';
import { requireBoardMember } from '@infobank/platform';
import type { ActingMember } from '../domain/review-case';
import type { BoardMemberStore } from '../infrastructure/board-member.store';
import { NotABoardMemberError } from '../../review.errors';

/** How the board's use cases refuse anyone but a board member (the ethics board's routes promise NOT_A_BOARD_MEMBER, 403). */
export const BOARD_MEMBERS_ONLY = { code: 'NOT_A_BOARD_MEMBER', detail: 'Only members of the data ethics board may do this.' };

/** The board member acting in `ctx`, with their expertise and external flag as they stand now (read in ctx's transaction). */
export async function actingMember(ctx: RequestContext, members: BoardMemberStore): Promise<ActingMember> {
  const memberId = requireBoardMember(ctx, BOARD_MEMBERS_ONLY);
  const member = await members.find(memberId, ctx.transaction);
  if (member === null) throw new NotABoardMemberError();
  return { id: member.id, expertise: member.expertise, external: member.external };
}
