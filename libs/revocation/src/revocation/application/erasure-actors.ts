import { withActor, withTransaction, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { actingAccountId, UnauthenticatedError } from '@infobank/auth';

/** The signed-in individual erasing their data or closing their account; anyone else is unauthenticated here. */
export function erasingIndividualId(ctx: RequestContext): string {
  const id = actingAccountId(ctx.actor, 'individual');
  if (id === null) throw new UnauthenticatedError('Only a signed-in individual erases their data or closes their account.');
  return id;
}

/** The bank's own actor that stops work in flight for an erasure or closure, inside the individual's transaction. */
export function stoppingDelivery(tx: TransactionalContext, name: 'erasure' | 'account-closure'): TransactionalContext {
  return withTransaction(withActor(tx, { type: 'system', name: `delivery-stop.${name}` }), tx.transaction);
}
