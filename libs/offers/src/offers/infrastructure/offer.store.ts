import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import {
  entityJsonReader,
  readPiece,
  sql,
  type ReadPiece,
  type RequestContext,
  type SqlPiece,
  type TransactionalContext,
} from '@infobank/platform';
import { ArrayContains, DataSource, In, MoreThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { StoredOfferStatus } from '../domain/offer';
import { OfferNotFoundError } from '../../offers.errors';
import { OfferEntity } from './offer.entity';

/**
 * How an offer row is locked for the rest of the transaction: `'update'` (or `true`) FOR UPDATE, to
 * change it; `'share'` FOR SHARE, so that it cannot change (suspension, withdrawal) until the caller commits.
 */
export type OfferLock = boolean | 'update' | 'share';

/** Which offers a stop-use order covers: a recipient's, one offer, or every offer asking for a data category. */
export type OfferSelection = { recipientId: string } | { offerId: string } | { categoryCode: string };

/** The columns an offer's terms set (everything the recipient writes). */
export type OfferTermColumns = Omit<OfferEntity, 'id' | 'recipientId' | 'status' | 'round' | 'submittedAt' | 'createdAt' | 'updatedAt'>;

/** The `offers` rows: reads in the context's transaction when it has one, writes in the caller's. */
@Injectable()
export class OfferStore {
  /** An offer row a read piece selected as JSON. */
  private readonly offerOfJson: (json: unknown) => OfferEntity;

  constructor(private readonly dataSource: DataSource) {
    this.offerOfJson = entityJsonReader(dataSource, OfferEntity);
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /**
   * Loads an offer, optionally only if `recipientId` owns it, and optionally locks its row for the rest
   * of the transaction. A malformed id, a missing offer and another recipient's offer all read as not found.
   */
  async load(ctx: RequestContext, offerId: unknown, options: { recipientId?: string; lock?: OfferLock } = {}): Promise<OfferEntity> {
    if (!isUuid(offerId)) throw new OfferNotFoundError(String(offerId).slice(0, 64));
    const mode = options.lock === 'share' ? ('pessimistic_read' as const) : options.lock ? ('pessimistic_write' as const) : null;
    const offer = await this.manager(ctx).findOne(OfferEntity, {
      where: { id: offerId, ...(options.recipientId === undefined ? {} : { recipientId: options.recipientId }) },
      ...(mode === null ? {} : { lock: { mode } }),
    });
    if (offer === null) throw new OfferNotFoundError(offerId);
    return offer;
  }

  /** An offer known to exist (just written in this transaction). */
  get(ctx: RequestContext, offerId: string): Promise<OfferEntity> {
    return this.manager(ctx).findOneOrFail(OfferEntity, { where: { id: offerId } });
  }

  /** The read of the offer if individuals may see it at `at` (approved, so not suspended, withdrawn or under review, and still valid), else null. */
  visiblePiece(offerId: string, at: Date): ReadPiece<OfferEntity | null> {
    return readPiece(sql`SELECT to_jsonb(o) FROM "offers" o WHERE ${visibleOfferAt(offerId, at)}`, (json) =>
      json === null ? null : this.offerOfJson(json),
    );
  }

  /**
   * The statement piece that selects the offer's id if individuals may still see it at `at` (as `visiblePiece`),
   * locking its row FOR SHARE: a suspension or withdrawal waits until the statement's transaction ends, and one
   * that committed first leaves the piece empty.
   */
  visibleLockedPiece(offerId: string, at: Date): SqlPiece {
    return sql`SELECT o."id" FROM "offers" o WHERE ${visibleOfferAt(offerId, at)} FOR SHARE`;
  }

  /** The offers individuals may see at `now`, newest first, by purpose and data category when given. */
  listVisible(
    ctx: RequestContext,
    now: Date,
    filter: { purposeCode?: string; categoryCode?: string },
    limit: number,
  ): Promise<OfferEntity[]> {
    return this.manager(ctx).find(OfferEntity, {
      where: visibleAt(now, {
        ...(filter.purposeCode === undefined ? {} : { purposeCode: filter.purposeCode }),
        ...(filter.categoryCode === undefined ? {} : { categoryCodes: ArrayContains([filter.categoryCode]) }),
      }),
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /** A recipient's offers, newest first; only those ever submitted to the board when asked. */
  listOfRecipient(ctx: RequestContext, recipientId: string, options: { submittedOnly: boolean; limit: number }): Promise<OfferEntity[]> {
    return this.manager(ctx).find(OfferEntity, {
      where: { recipientId, ...(options.submittedOnly ? { round: MoreThan(0) } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: options.limit,
    });
  }

  /** The selected offers in `status`, locked FOR UPDATE in id order. */
  lockSelected(tx: TransactionalContext, selection: OfferSelection, status: StoredOfferStatus): Promise<OfferEntity[]> {
    return tx.transaction.find(OfferEntity, {
      where: { ...whereSelected(selection), status },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Inserts a new offer. */
  async insert(tx: TransactionalContext, row: Omit<OfferEntity, 'createdAt' | 'updatedAt'>): Promise<void> {
    await tx.transaction.insert(OfferEntity, row);
  }

  /** Changes columns of one offer. */
  async update(
    tx: TransactionalContext,
    offerId: string,
    values: Partial<OfferTermColumns> & Partial<Pick<OfferEntity, 'status' | 'round' | 'submittedAt'>>,
  ): Promise<void> {
    await tx.transaction.update(OfferEntity, { id: offerId }, values);
  }

  /** Sets the status of these offers. */
  async setStatus(tx: TransactionalContext, offerIds: readonly string[], status: StoredOfferStatus): Promise<void> {
    await tx.transaction.update(OfferEntity, { id: In([...offerIds]) }, { status });
  }
}

/** The condition on `offers` o that individuals may see the offer at `at` (the SQL of `visibleAt`). */
function visibleOfferAt(offerId: string, at: Date): SqlPiece {
  return sql`o."id" = ${offerId}::uuid AND o."status" = 'approved' AND o."valid_until" > ${at}::timestamptz`;
}

function visibleAt(now: Date, extra: FindOptionsWhere<OfferEntity>): FindOptionsWhere<OfferEntity> {
  return { ...extra, status: 'approved', validUntil: MoreThan(now) };
}

function whereSelected(selection: OfferSelection): FindOptionsWhere<OfferEntity> {
  if ('recipientId' in selection) return { recipientId: selection.recipientId };
  if ('offerId' in selection) return { id: selection.offerId };
  return { categoryCodes: ArrayContains([selection.categoryCode]) };
}
