import { Injectable } from '@nestjs/common';
import { findDataCategory, isUuid } from '@infobank/catalog';
import { inTransaction, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { ArrayContains, DataSource, In, type FindOptionsWhere } from 'typeorm';
import type { OfferSnapshot } from '../domain/offer';
import { liftSuspension, suspend } from '../domain/offer-lifecycle';
import { OfferEntity } from '../infrastructure/offer.entity';
import { toOfferSnapshot } from '../infrastructure/offer-snapshot';

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
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, command: SetOffersSuspendedCommand): Promise<{ offerIds: string[] }> {
    const target = targetCondition(command?.target);
    if (typeof command.suspended !== 'boolean') {
      throw new ValidationFailedError([{ path: '/suspended', message: 'must be true or false' }]);
    }
    const keep = new Set(command.keepSuspendedOfferIds ?? []);
    const step = command.suspended ? suspend : liftSuspension;
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const candidates = await manager.find(OfferEntity, {
        where: { ...target, status: command.suspended ? 'approved' : 'suspended' },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
      const changing = candidates.filter((offer) => {
        if (!step(offer.status, offer.round).allowed) return false;
        if (command.suspended) return true;
        return !keep.has(offer.id) && !(command.stillSuspended?.(toOfferSnapshot(offer, now)) ?? false);
      });
      const offerIds = changing.map((offer) => offer.id);
      if (offerIds.length > 0) {
        await manager.update(OfferEntity, { id: In(offerIds) }, { status: command.suspended ? 'suspended' : 'approved' });
      }
      return { offerIds };
    });
  }
}

function targetCondition(target: SuspensionTarget | undefined): FindOptionsWhere<OfferEntity> {
  const type = target?.type;
  const id = target?.id;
  if (type === 'recipient' || type === 'offer') {
    if (!isUuid(id)) throw new ValidationFailedError([{ path: '/target/id', message: 'must be a UUID' }]);
    return type === 'recipient' ? { recipientId: id } : { id };
  }
  if (type === 'category') {
    if (typeof id !== 'string' || findDataCategory(id) === undefined) {
      throw new ValidationFailedError([{ path: '/target/id', message: 'must be a data category code from the catalog' }]);
    }
    return { categoryCodes: ArrayContains([id]) };
  }
  throw new ValidationFailedError([{ path: '/target/type', message: 'must be one of recipient, offer, category' }]);
}
