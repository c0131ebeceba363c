import { Injectable } from '@nestjs/common';
import { type RequestContext, requireRecipient } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { loadOffer, OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';
import { recipientView, type RecipientOfferView } from './recipient-offer-view';

/** One of the acting recipient's own offers with its status and the board's reasons; another's reads as not found. */
@Injectable()
export class GetOwnOfferUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, offerId: string): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    const manager = this.dataSource.manager;
    return recipientView(manager, await loadOffer(manager, offerId, { recipientId }));
  }
}
