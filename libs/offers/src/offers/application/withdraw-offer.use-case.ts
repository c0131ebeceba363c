import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext, requireRecipient } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { effectiveStatus } from '../domain/offer';
import { withdraw } from '../domain/offer-lifecycle';
import { OfferEntity } from '../infrastructure/offer.entity';
import { OfferStatusConflictError } from '../../offers.errors';
import { loadOffer, OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';
import { recipientView, type RecipientOfferView } from './recipient-offer-view';

/** The acting recipient withdraws its own offer; from then on it reaches nobody. Withdrawing twice is a no-op. */
@Injectable()
export class WithdrawOfferUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, offerId: string): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const offer = await loadOffer(manager, offerId, { recipientId, lock: true });
      if (offer.status !== 'withdrawn') {
        const transition = withdraw(effectiveStatus(offer.status, offer.validUntil, new Date()), offer.round);
        if (!transition.allowed) throw new OfferStatusConflictError(transition);
        await manager.update(OfferEntity, { id: offer.id }, { status: transition.to });
      }
      return recipientView(manager, await manager.findOneOrFail(OfferEntity, { where: { id: offer.id } }));
    });
  }
}
