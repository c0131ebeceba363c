import type { Actor } from '@infobank/platform';
import type { AccountKind } from '../domain/account';

/** The id of the account acting, when the actor is a signed-in person of `kind`; otherwise null. */
export function actingAccountId(actor: Actor, kind: AccountKind): string | null {
  return (actor.type === 'individual' || actor.type === 'board_member') && actor.type === kind ? actor.id : null;
}
