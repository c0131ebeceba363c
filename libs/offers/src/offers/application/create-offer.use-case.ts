import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext, requireRecipient } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { OfferTerms } from '../domain/offer';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { termColumns } from './offer-writes';
import { recipientView, type RecipientOfferView } from './recipient-offer-view';
import { OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';

/** Drafts an offer for the acting recipient: complete, valid terms; nothing reaches the board until it is submitted. */
@Injectable()
export class CreateOfferUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly offers: OfferStore,
    private readonly reviews: OfferReviewOutcomeStore,
  ) {}

  async execute(ctx: RequestContext, terms: OfferTerms): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    const columns = termColumns(terms, ctx.now());
    return this.transactions.run(ctx, async (tx) => {
      const id = randomUUID();
      await this.offers.insert(tx, { id, recipientId, status: 'draft', round: 0, submittedAt: null, ...columns });
      return recipientView(tx, this.reviews, await this.offers.get(tx, id));
    });
  }
}
