import type { RequestContext } from '@infobank/platform';

/** A board member reading the attestation overview; a route without the board guard is a programming error. */
export function requireBoardMember(ctx: RequestContext): string {
  if (ctx.actor.type === 'board_member') return ctx.actor.id;
  throw new Error('The attestation overview is read by board members: the route needs BoardMemberAuthGuard.');
}
