import { isUuid } from '@infobank/catalog';
import type { ActorKind } from '@infobank/platform';
import type { EntityManager } from 'typeorm';
import { OfferEntity } from '../infrastructure/offer.entity';
import { OfferNotFoundError } from '../../offers.errors';

/** How recipient-only offer use cases refuse another actor: a route without the recipient guard is a programming error. */
export const OFFERS_ARE_WRITTEN_BY_RECIPIENTS = {
  detail: "Offers are written by recipients: the route needs @OrganisationRoute('recipient').",
};

/** The actors that review offers on the bank's side: board members, the worker and the operator. */
export const REVIEW_SIDE: readonly ActorKind[] = ['board_member', 'bank'];

/**
 * How loadOffer locks the row for the rest of the transaction: `'update'` (or `true`) FOR UPDATE, to
 * change it; `'share'` FOR SHARE, so that it cannot change (suspension, withdrawal) until the caller commits.
 */
export type OfferLock = boolean | 'update' | 'share';

/**
 * Loads an offer, optionally only if `recipientId` owns it, and optionally locks its row for the rest
 * of the transaction. A malformed id, a missing offer and another recipient's offer all read as not found.
 */
export async function loadOffer(
  manager: EntityManager,
  offerId: unknown,
  options: { recipientId?: string; lock?: OfferLock } = {},
): Promise<OfferEntity> {
  if (!isUuid(offerId)) throw new OfferNotFoundError(String(offerId).slice(0, 64));
  const mode = options.lock === 'share' ? ('pessimistic_read' as const) : options.lock ? ('pessimistic_write' as const) : null;
  const offer = await manager.findOne(OfferEntity, {
    where: { id: offerId, ...(options.recipientId === undefined ? {} : { recipientId: options.recipientId }) },
    ...(mode === null ? {} : { lock: { mode } }),
  });
  if (offer === null) throw new OfferNotFoundError(offerId);
  return offer;
}
