import { Injectable } from '@nestjs/common';
import { enqueueJob, Transactions, type RequestContext, requireRecipient } from '@infobank/platform';
import { submit } from '../domain/offer-lifecycle';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { OfferStatusConflictError } from '../../offers.errors';
import { OPEN_REVIEW_CASE_JOB } from '../../offers.jobs';
import { OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';
import { termColumns } from './offer-writes';
import { recipientView, termsOf, type RecipientOfferView } from './recipient-offer-view';

/**
 * Sends the acting recipient's draft (or changed) offer to the data ethics board: the terms are
 * checked again (validUntil must still be ahead), the next review round starts, and the job that
 * opens the board's case is written to the outbox in the same transaction.
 */
@Injectable()
export class SubmitOfferUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly offers: OfferStore,
    private readonly reviews: OfferReviewOutcomeStore,
  ) {}

  async execute(ctx: RequestContext, offerId: string): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    return this.transactions.run(ctx, async (tx) => {
      const offer = await this.offers.load(tx, offerId, { recipientId, lock: true });
      const transition = submit(offer.status, offer.round);
      if (!transition.allowed) throw new OfferStatusConflictError(transition);
      const now = tx.now();
      termColumns(termsOf(offer), now);
      await this.offers.update(tx, offer.id, { status: transition.to, round: transition.round, submittedAt: now });
      await enqueueJob(tx, OPEN_REVIEW_CASE_JOB, { offerId: offer.id, round: transition.round });
      return recipientView(tx, this.reviews, await this.offers.get(tx, offer.id));
    });
  }
}
