import type { RequestContext } from '@infobank/platform';
import { NotABoardMemberError } from '@infobank/review';

/**
 * Refuses anyone but a board member, as the review library does (NOT_A_BOARD_MEMBER, 403): the audit reads
 * every recipient's provisions, so even a route that forgot its guard must not answer anyone else.
 */
export function assertBoardAuditor(ctx: RequestContext): void {
  if (ctx.actor.type !== 'board_member') throw new NotABoardMemberError();
}
