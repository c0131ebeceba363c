import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { requireRecipient } from '@infobank/platform';
import { recipientViews, type RecipientOfferView } from './recipient-offer-view';
import { OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';

/** Most offers one listing returns. */
export const MAX_OWN_OFFERS = 200;

/** The acting recipient's own offers, newest first, each with its status and the board's reasons. */
@Injectable()
export class ListOwnOffersUseCase {
  constructor(
    private readonly offers: OfferStore,
    private readonly reviews: OfferReviewOutcomeStore,
  ) {}

  async execute(ctx: RequestContext): Promise<RecipientOfferView[]> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    const offers = await this.offers.listOfRecipient(ctx, recipientId, { submittedOnly: false, limit: MAX_OWN_OFFERS });
    return recipientViews(ctx, this.reviews, offers);
  }
}
