import type { RequestContext } from '@infobank/platform';
import { ONWARD_TRANSFER, type OfferReview, type OfferSnapshot, type OfferTerms } from '../domain/offer';
import type { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
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
export async function recipientViews(
  ctx: RequestContext,
  reviews: OfferReviewOutcomeStore,
  offers: OfferEntity[],
): Promise<RecipientOfferView[]> {
  if (offers.length === 0) return [];
  const now = ctx.now();
  const outcomes = await reviews.listOf(
    ctx,
    offers.map((offer) => offer.id),
  );
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
export async function recipientView(
  ctx: RequestContext,
  reviews: OfferReviewOutcomeStore,
  offer: OfferEntity,
): Promise<RecipientOfferView> {
  const [view] = await recipientViews(ctx, reviews, [offer]);
  return view;
}
