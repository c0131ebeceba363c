import type { EntityManager } from 'typeorm';
import { ONWARD_TRANSFER, type OfferReview, type OfferSnapshot, type OfferTerms } from '../domain/offer';
import { OfferReviewOutcomeEntity } from '../infrastructure/offer-review-outcome.entity';
import type { OfferEntity } from '../infrastructure/offer.entity';
import { conditionsOf, toOfferSnapshot } from '../infrastructure/offer-snapshot';

/** An offer as its recipient sees it: the snapshot, the onward-transfer ban and every outcome the board recorded. */
export interface RecipientOfferView extends OfferSnapshot {
  onwardTransfer: typeof ONWARD_TRANSFER;
  createdAt: string;
  updatedAt: string;
  /** The board's decisions, latest round first, with its reasons. */
  reviews: OfferReview[];
}

/** The terms a recipient wrote, as stored on the row (for merging a partial change). */
export function termsOf(offer: OfferEntity): OfferTerms {
  return {
    purposeCode: offer.purposeCode,
    purposeText: offer.purposeText,
    items: offer.items,
    ...conditionsOf(offer),
    termsVersion: offer.termsVersion,
    validUntil: offer.validUntil.toISOString(),
  };
}

/** The recipient's view of `offers`, their review outcomes loaded in one query. */
export async function recipientViews(manager: EntityManager, offers: OfferEntity[], now = new Date()): Promise<RecipientOfferView[]> {
  if (offers.length === 0) return [];
  const outcomes = await manager
    .createQueryBuilder(OfferReviewOutcomeEntity, 'outcome')
    .where('outcome.offerId IN (:...ids)', { ids: offers.map((offer) => offer.id) })
    .orderBy('outcome.round', 'DESC')
    .getMany();
  return offers.map((offer) => ({
    ...toOfferSnapshot(offer, now),
    onwardTransfer: ONWARD_TRANSFER,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
    reviews: outcomes
      .filter((outcome) => outcome.offerId === offer.id)
      .map(({ round, outcome, reasons, decidedAt }) => ({ round, outcome, reasons, decidedAt: decidedAt.toISOString() })),
  }));
}

/** One offer in its recipient's view. */
export async function recipientView(manager: EntityManager, offer: OfferEntity): Promise<RecipientOfferView> {
  const [view] = await recipientViews(manager, [offer]);
  return view;
}
