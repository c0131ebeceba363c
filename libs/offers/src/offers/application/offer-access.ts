import type { RequestContext } from '@infobank/platform';

/** The recipient acting on its own offers, or null when the actor is no organisation. */
export function actingRecipientId(ctx: RequestContext): string | null {
  return ctx.actor.type === 'organisation' && ctx.actor.roles.includes('recipient') ? ctx.actor.id : null;
}

/** The recipient acting on its own offers; a route without a recipient guard is a programming error. */
export function requireRecipientId(ctx: RequestContext): string {
  const recipientId = actingRecipientId(ctx);
  if (recipientId === null) throw new Error("Offers are written by recipients: the route needs @OrganisationRoute('recipient').");
  return recipientId;
}

/** True for the actors that review offers on the bank's side: board members, the worker and the operator. */
export function isReviewSide(ctx: RequestContext): boolean {
  return ctx.actor.type === 'board_member' || ctx.actor.type === 'system' || ctx.actor.type === 'operator';
}
