import { Injectable } from '@nestjs/common';
import { findDataCategory, isUuid } from '@infobank/catalog';
import { Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import type { OfferSnapshot } from '../domain/offer';
import { liftSuspension, suspend } from '../domain/offer-lifecycle';
import { toOfferSnapshot } from '../infrastructure/offer-snapshot';
import { OfferStore, type OfferSelection } from '../infrastructure/offer.store';

/** What a stop-use order covers: all offers of a recipient, one offer, or every offer asking for a category. */
export interface SuspensionTarget {
  type: 'recipient' | 'offer' | 'category';
  /** Recipient id, offer id (UUIDs) or catalog category code. */
  id: string;
}

/** Suspend (an order became effective) or restore (an order was lifted) the target's offers. */
export interface SetOffersSuspendedCommand {
  target: SuspensionTarget;
  suspended: boolean;
  /** When lifting: offers another effective order still covers; they stay suspended. */
  keepSuspendedOfferIds?: readonly string[];
  /** When lifting: the same as a predicate, for callers that decide per offer. */
  stillSuspended?: (offer: OfferSnapshot) => boolean;
}

/**
 * Applies a stop-use order to offers: `approved → suspended` when it takes effect (hidden from
 * individuals at once, in the caller's transaction), `suspended → approved` when it is lifted, except
 * offers another effective order still covers. Offers in other statuses are left alone. Idempotent;
 * returns the ids of the offers it changed.
 */
@Injectable()
export class SetOffersSuspendedUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly offers: OfferStore,
  ) {}

  async execute(ctx: RequestContext, command: SetOffersSuspendedCommand): Promise<{ offerIds: string[] }> {
    const selection = selectionOf(command?.target);
    if (typeof command.suspended !== 'boolean') {
      throw new ValidationFailedError([{ path: '/suspended', message: 'must be true or false' }]);
    }
    const keep = new Set(command.keepSuspendedOfferIds ?? []);
    const step = command.suspended ? suspend : liftSuspension;
    return this.transactions.run(ctx, async (tx) => {
      const candidates = await this.offers.lockSelected(tx, selection, command.suspended ? 'approved' : 'suspended');
      const now = tx.now();
      const changing = candidates.filter((offer) => {
        if (!step(offer.status, offer.round).allowed) return false;
        if (command.suspended) return true;
        return !keep.has(offer.id) && !(command.stillSuspended?.(toOfferSnapshot(offer, now)) ?? false);
      });
      const offerIds = changing.map((offer) => offer.id);
      if (offerIds.length > 0) await this.offers.setStatus(tx, offerIds, command.suspended ? 'suspended' : 'approved');
      return { offerIds };
    });
  }
}

function selectionOf(target: SuspensionTarget | undefined): OfferSelection {
  const type = target?.type;
  const id = target?.id;
  if (type === 'recipient' || type === 'offer') {
    if (!isUuid(id)) throw new ValidationFailedError([{ path: '/target/id', message: 'must be a UUID' }]);
    return type === 'recipient' ? { recipientId: id } : { offerId: id };
  }
  if (type === 'category') {
    if (typeof id !== 'string' || findDataCategory(id) === undefined) {
      throw new ValidationFailedError([{ path: '/target/id', message: 'must be a data category code from the catalog' }]);
    }
    return { categoryCode: id };
  }
  throw new ValidationFailedError([{ path: '/target/type', message: 'must be one of recipient, offer, category' }]);
}
