import type { RequestContext } from '@infobank/platform';
import { isBankActor } from '@infobank/platform';

/**
 * Refuses anyone but the bank's own processes (system) and operators: reads across individuals for
 * transfers are never reachable from a request an individual or organisation makes.
 */
export function assertBankActor(ctx: RequestContext, what: string): void {
  if (!isBankActor(ctx.actor)) throw new Error(`${what} is for the bank's own processes only, not a ${ctx.actor.type} actor`);
}
