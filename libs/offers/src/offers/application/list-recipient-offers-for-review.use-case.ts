import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import type { RequestContext } from '@infobank/platform';
import { actorIsOneOf } from '@infobank/platform';
import type { OfferSnapshot } from '../domain/offer';
import { toOfferSnapshot } from '../infrastructure/offer-snapshot';
import { OfferStore } from '../infrastructure/offer.store';
import { REVIEW_SIDE } from './offer-access';

/** Upper bound on one recipient's offers the board sees at once. */
const MAX_OFFERS = 500;

/**
 * Every offer a recipient has submitted to the board (drafts never submitted are the recipient's
 * own business), newest first: the recipient's track record for a reviewer.
 */
@Injectable()
export class ListRecipientOffersForReviewUseCase {
  constructor(private readonly offers: OfferStore) {}

  async execute(ctx: RequestContext, recipientId: string): Promise<OfferSnapshot[]> {
    if (!actorIsOneOf(ctx.actor, REVIEW_SIDE) || !isUuid(recipientId)) return [];
    const offers = await this.offers.listOfRecipient(ctx, recipientId, { submittedOnly: true, limit: MAX_OFFERS });
    const now = ctx.now();
    return offers.map((offer) => toOfferSnapshot(offer, now));
  }
}
