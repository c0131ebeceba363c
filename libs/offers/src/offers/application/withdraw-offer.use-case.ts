import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext, requireRecipient } from '@infobank/platform';
import { effectiveStatus } from '../domain/offer';
import { withdraw } from '../domain/offer-lifecycle';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { OfferStatusConflictError } from '../../offers.errors';
import { OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';
import { recipientView, type RecipientOfferView } from './recipient-offer-view';

/** The acting recipient withdraws its own offer; from then on it reaches nobody. Withdrawing twice is a no-op. */
@Injectable()
export class WithdrawOfferUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly offers: OfferStore,
    private readonly reviews: OfferReviewOutcomeStore,
  ) {}

  async execute(ctx: RequestContext, offerId: string): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    return this.transactions.run(ctx, async (tx) => {
      const offer = await this.offers.load(tx, offerId, { recipientId, lock: true });
      if (offer.status !== 'withdrawn') {
        const transition = withdraw(effectiveStatus(offer.status, offer.validUntil, tx.now()), offer.round);
        if (!transition.allowed) throw new OfferStatusConflictError(transition);
        await this.offers.update(tx, offer.id, { status: transition.to });
      }
      return recipientView(tx, this.reviews, await this.offers.get(tx, offer.id));
    });
  }
}
