import { actingAccountId, UnauthenticatedError } from '@infobank/auth';
import type { RequestContext } from '@infobank/platform';

/** The individual acting (portal routes guard this); anyone else is unauthenticated here. */
export function actingIndividualId(ctx: RequestContext): string {
  const id = actingAccountId(ctx.actor, 'individual');
  if (id === null) throw new UnauthenticatedError('Only a signed-in individual manages their links.');
  return id;
}

/** The provider acting (intake routes guard this); anyone else is unauthenticated here. */
export function actingProviderId(ctx: RequestContext): string {
  const { actor } = ctx;
  if (actor.type !== 'organisation' || !actor.roles.includes('provider')) {
    throw new UnauthenticatedError('Only an authenticated provider links its customers.');
  }
  return actor.id;
}
