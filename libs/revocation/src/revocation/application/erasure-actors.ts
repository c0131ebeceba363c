import { withActor, withTransaction, type TransactionalContext } from '@infobank/platform';

/** How erasure and closure refuse anyone but a signed-in individual: as unauthenticated. */
export const ONLY_INDIVIDUALS_ERASE = {
  code: 'UNAUTHENTICATED',
  detail: 'Only a signed-in individual erases their data or closes their account.',
};

/** The bank's own actor that stops work in flight for an erasure or closure, inside the individual's transaction. */
export function stoppingDelivery(tx: TransactionalContext, name: 'erasure' | 'account-closure'): TransactionalContext {
  return withTransaction(withActor(tx, { type: 'system', name: `delivery-stop.${name}` }), tx.transaction);
}
