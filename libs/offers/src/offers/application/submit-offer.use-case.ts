import { Injectable } from '@nestjs/common';
import { enqueueJob, inTransaction, type RequestContext, requireRecipient } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { submit } from '../domain/offer-lifecycle';
import { OfferEntity } from '../infrastructure/offer.entity';
import { OfferStatusConflictError } from '../../offers.errors';
import { OPEN_REVIEW_CASE_JOB } from '../../offers.jobs';
import { loadOffer, OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';
import { termColumns } from './offer-writes';
import { recipientView, termsOf, type RecipientOfferView } from './recipient-offer-view';

/**
 * Sends the acting recipient's draft (or changed) offer to the data ethics board: the terms are
 * checked again (validUntil must still be ahead), the next review round starts, and the job that
 * opens the board's case is written to the outbox in the same transaction.
 */
@Injectable()
export class SubmitOfferUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, offerId: string): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const offer = await loadOffer(manager, offerId, { recipientId, lock: true });
      const transition = submit(offer.status, offer.round);
      if (!transition.allowed) throw new OfferStatusConflictError(transition);
      const now = new Date();
      termColumns(termsOf(offer), now);
      await manager.update(OfferEntity, { id: offer.id }, { status: transition.to, round: transition.round, submittedAt: now });
      await enqueueJob({ ...ctx, transaction: manager }, OPEN_REVIEW_CASE_JOB, { offerId: offer.id, round: transition.round });
      return recipientView(manager, await manager.findOneOrFail(OfferEntity, { where: { id: offer.id } }));
    });
  }
}
