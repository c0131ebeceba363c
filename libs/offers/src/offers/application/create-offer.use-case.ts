import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext, requireRecipient } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OfferTerms } from '../domain/offer';
import { OfferEntity } from '../infrastructure/offer.entity';
import { termColumns } from './offer-writes';
import { recipientView, type RecipientOfferView } from './recipient-offer-view';
import { OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';

/** Drafts an offer for the acting recipient: complete, valid terms; nothing reaches the board until it is submitted. */
@Injectable()
export class CreateOfferUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, terms: OfferTerms): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    const columns = termColumns(terms, new Date());
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const id = randomUUID();
      await manager.insert(OfferEntity, { id, recipientId, status: 'draft', round: 0, submittedAt: null, ...columns });
      return recipientView(manager, await manager.findOneOrFail(OfferEntity, { where: { id } }));
    });
  }
}
