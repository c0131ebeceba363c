import type { OfferStatus } from '@infobank/offers';
import type { ExpiryCause } from './consent';

/** How an offer's status ends the consents to it; approved and suspended (a lift restores it) do not. */
const CAUSE_OF_OFFER_STATUS: Readonly<Partial<Record<OfferStatus, ExpiryCause>>> = {
  expired: 'offer_expired',
  withdrawn: 'offer_withdrawn',
  draft: 'offer_not_approved',
  in_review: 'offer_not_approved',
  rejected: 'offer_not_approved',
  changes_requested: 'offer_not_approved',
};

/**
 * Why the live consents to an offer expire, given the offer's status (`null` when the offer no longer
 * exists, which reads as withdrawn); null when they stay live.
 */
export function expiryCauseOfOffer(status: OfferStatus | null): ExpiryCause | null {
  if (status === null) return 'offer_withdrawn';
  return CAUSE_OF_OFFER_STATUS[status] ?? null;
}
