import { Injectable } from '@nestjs/common';
import { type RequestContext, requireRecipient } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { OfferEntity } from '../infrastructure/offer.entity';
import { recipientViews, type RecipientOfferView } from './recipient-offer-view';
import { OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';

/** Most offers one listing returns. */
export const MAX_OWN_OFFERS = 200;

/** The acting recipient's own offers, newest first, each with its status and the board's reasons. */
@Injectable()
export class ListOwnOffersUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext): Promise<RecipientOfferView[]> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    const manager = this.dataSource.manager;
    const offers = await manager.find(OfferEntity, {
      where: { recipientId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: MAX_OWN_OFFERS,
    });
    return recipientViews(manager, offers);
  }
}
