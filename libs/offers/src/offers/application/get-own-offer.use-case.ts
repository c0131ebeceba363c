import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';
import { requireRecipient } from '@infobank/platform';
import { recipientView, type RecipientOfferView } from './recipient-offer-view';

/** One of the acting recipient's own offers with its status and the board's reasons; another's reads as not found. */
@Injectable()
export class GetOwnOfferUseCase {
  constructor(
    private readonly offers: OfferStore,
    private readonly reviews: OfferReviewOutcomeStore,
  ) {}

  async execute(ctx: RequestContext, offerId: string): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    return recipientView(ctx, this.reviews, await this.offers.load(ctx, offerId, { recipientId }));
  }
}
