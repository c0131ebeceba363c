import { type RequestContext, withActor, withTransaction } from '@infobank/platform';
import type { EntityManager } from 'typeorm';

/** How erasure and closure refuse anyone but a signed-in individual: as unauthenticated. */
export const ONLY_INDIVIDUALS_ERASE = {
  code: 'UNAUTHENTICATED',
  detail: 'Only a signed-in individual erases their data or closes their account.',
};

/** The bank's own actor that stops work in flight for an erasure or closure, inside the individual's transaction. */
export function stoppingDelivery(ctx: RequestContext, manager: EntityManager, name: 'erasure' | 'account-closure'): RequestContext {
  return withTransaction(withActor(ctx, { type: 'system', name: `delivery-stop.${name}` }), manager);
}
