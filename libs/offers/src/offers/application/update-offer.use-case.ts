import { Injectable } from '@nestjs/common';
import { Transactions, ValidationFailedError, type RequestContext, requireRecipient } from '@infobank/platform';
import type { OfferTerms } from '../domain/offer';
import { edit } from '../domain/offer-lifecycle';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';
import { OfferStatusConflictError } from '../../offers.errors';
import { OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';
import { termColumns } from './offer-writes';
import { recipientView, type RecipientOfferView, termsOf } from './recipient-offer-view';

/** A partial change: each field given replaces the stored one whole (objects are not merged deeply). */
export interface UpdateOfferCommand {
  offerId: string;
  changes: Partial<OfferTerms>;
}

/**
 * Changes the acting recipient's own offer while it is a draft or the board asked for changes. The
 * changed terms are checked as a whole; another recipient's offer reads as not found.
 */
@Injectable()
export class UpdateOfferUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly offers: OfferStore,
    private readonly reviews: OfferReviewOutcomeStore,
  ) {}

  async execute(ctx: RequestContext, command: UpdateOfferCommand): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    const changes: unknown = command?.changes;
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
      throw new ValidationFailedError([{ path: '', message: 'must be a JSON object' }]);
    }
    return this.transactions.run(ctx, async (tx) => {
      const offer = await this.offers.load(tx, command.offerId, { recipientId, lock: true });
      const transition = edit(offer.status, offer.round);
      if (!transition.allowed) throw new OfferStatusConflictError(transition);
      // A field left out (or undefined) keeps its stored value.
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const columns = termColumns({ ...termsOf(offer), ...given }, tx.now());
      await this.offers.update(tx, offer.id, columns);
      return recipientView(tx, this.reviews, await this.offers.get(tx, offer.id));
    });
  }
}
