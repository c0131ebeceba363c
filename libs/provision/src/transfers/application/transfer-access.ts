import type { RequestContext } from '@infobank/platform';

/** The recipient acting on its own transfers; a route without a recipient guard is a programming error. */
export function requireRecipient(ctx: RequestContext): string {
  if (ctx.actor.type === 'organisation' && ctx.actor.roles.includes('recipient')) return ctx.actor.id;
  throw new Error("Transfers are requested by recipients: the route needs @OrganisationRoute('recipient').");
}
