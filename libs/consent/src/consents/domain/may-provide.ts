import { isPastExpiry, type ConsentMode, type ConsentState } from './consent';

/** What `mayProvide` needs to know about the offer at the moment of provision (its status as libs/offers reads it). */
export interface OfferForProvision {
  id: string;
  /** The offer's effective status (`expired` once past its validity). */
  status: string;
}

/** Why a provision is not allowed. */
export type ProvisionRefusal =
  'no_consent' | 'paused' | 'revoked' | 'expired' | 'offer_suspended' | 'offer_not_approved' | 'item_not_consented' | 'no_items';

/** The answer of `mayProvide`: allowed (in `auto` mode, or `ask` mode needing the individual's approval per request), or refused and why. */
export type ProvisionVerdict = { allowed: true; mode: ConsentMode } | { allowed: false; reason: ProvisionRefusal; items?: string[] };

/**
 * Decides whether these items of an individual may reach the offer's recipient at `now` under this
 * consent (invariant 1, docs/architecture.md §4.1): the consent must be for this offer, active and not past its expiry,
 * the offer approved and not suspended, and every item inside the consent. Pure; the transfer
 * issue calls it under a row lock.
 */
export function mayProvide(consent: ConsentState, offer: OfferForProvision, items: readonly string[], now: Date): ProvisionVerdict {
  if (consent.status === 'none' || consent.offerId !== offer.id) return { allowed: false, reason: 'no_consent' };
  if (consent.status === 'revoked') return { allowed: false, reason: 'revoked' };
  if (consent.status === 'expired' || isPastExpiry(consent, now)) return { allowed: false, reason: 'expired' };
  if (offer.status === 'suspended') return { allowed: false, reason: 'offer_suspended' };
  if (offer.status !== 'approved') return { allowed: false, reason: 'offer_not_approved' };
  if (consent.status === 'paused') return { allowed: false, reason: 'paused' };
  if (items.length === 0) return { allowed: false, reason: 'no_items' };
  const outside = items.filter((item) => !consent.items.includes(item));
  if (outside.length > 0) return { allowed: false, reason: 'item_not_consented', items: [...new Set(outside)] };
  return { allowed: true, mode: consent.mode };
}
