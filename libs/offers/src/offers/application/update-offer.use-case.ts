import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext, requireRecipient, ValidationFailedError } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { OfferTerms } from '../domain/offer';
import { edit } from '../domain/offer-lifecycle';
import { OfferEntity } from '../infrastructure/offer.entity';
import { OfferStatusConflictError } from '../../offers.errors';
import { loadOffer, OFFERS_ARE_WRITTEN_BY_RECIPIENTS } from './offer-access';
import { termColumns } from './offer-writes';
import { recipientView, termsOf, type RecipientOfferView } from './recipient-offer-view';

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
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, command: UpdateOfferCommand): Promise<RecipientOfferView> {
    const recipientId = requireRecipient(ctx, OFFERS_ARE_WRITTEN_BY_RECIPIENTS);
    const changes: unknown = command?.changes;
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
      throw new ValidationFailedError([{ path: '', message: 'must be a JSON object' }]);
    }
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const offer = await loadOffer(manager, command.offerId, { recipientId, lock: true });
      const transition = edit(offer.status, offer.round);
      if (!transition.allowed) throw new OfferStatusConflictError(transition);
      // A field left out (or undefined) keeps its stored value.
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const columns = termColumns({ ...termsOf(offer), ...given }, new Date());
      await manager.update(OfferEntity, { id: offer.id }, columns);
      return recipientView(manager, await manager.findOneOrFail(OfferEntity, { where: { id: offer.id } }));
    });
  }
}
