import { requireOneOf, type RequestContext } from '@infobank/platform';
import type { AccountKind } from '@infobank/identity';
import type { SessionRealm } from '../domain/session-tokens';

const NOT_SIGNED_IN = { code: 'UNAUTHENTICATED', detail: 'A valid access token is required.' };

/**
 * The account acting in `ctx`, of one of the kinds that sign in at this app. A token of another app
 * never reaches here (the app's guard checks it); any other actor is not signed in (401).
 */
export function signedInAccount(ctx: RequestContext, realm: SessionRealm): { id: string; kind: AccountKind } {
  const actor = requireOneOf(ctx, realm.accountKinds, NOT_SIGNED_IN);
  // requireOneOf admitted only actors of account kinds, and each of those carries its account's id.
  return { id: (actor as { id: string }).id, kind: actor.type as AccountKind };
}
