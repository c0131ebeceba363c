import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource, In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import type { GrantedConsent } from '../domain/consent';
import type { ConsentedOffer } from '../domain/consent-receipt';
import { ConsentEntity } from './consent.entity';
import { stateOfRow } from './consent-state.mapper';

/** The columns stateOfRow reads: everything but the (large) offer snapshot. */
const STATE_COLUMNS = [
  'id',
  'individualId',
  'offerId',
  'recipientId',
  'status',
  'mode',
  'source',
  'items',
  'expiresAt',
  'explanation',
  'version',
  'grantedAt',
  'updatedAt',
  'endedAt',
  'revocationReason',
  'expiryCause',
] as const satisfies readonly (keyof ConsentEntity)[];

/**
 * The `consents` current-state rows: reads in the context's transaction when it has one, writes
 * always in the caller's transaction. Only the consent ledger writes them.
 */
@Injectable()
export class ConsentStore {
  constructor(private readonly dataSource: DataSource) {}

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }

  /** One consent, or null. */
  findById(ctx: RequestContext, consentId: string): Promise<ConsentEntity | null> {
    return this.manager(ctx).findOne(ConsentEntity, { where: { id: consentId } });
  }

  /** One consent under a share lock (a revocation committing meanwhile waits for the caller's commit), or null. */
  findForShare(tx: TransactionalContext, consentId: string): Promise<ConsentEntity | null> {
    return tx.transaction.findOne(ConsentEntity, { where: { id: consentId }, lock: { mode: 'pessimistic_read' } });
  }

  /** The individual's consents, newest grant first. */
  listOfIndividual(ctx: RequestContext, individualId: string, limit: number): Promise<ConsentEntity[]> {
    return this.manager(ctx).find(ConsentEntity, { where: { individualId }, order: { grantedAt: 'DESC', id: 'ASC' }, take: limit });
  }

  /** Ids of the individual's live (active or paused) consents in id order, locked FOR UPDATE when the context has a transaction. */
  async liveIdsOfIndividual(ctx: RequestContext, individualId: string): Promise<string[]> {
    const rows = await this.manager(ctx).find(ConsentEntity, {
      where: { individualId, status: In(['active', 'paused']) },
      select: { id: true },
      order: { id: 'ASC' },
      ...(ctx.transaction === undefined ? {} : { lock: { mode: 'pessimistic_write' as const } }),
    });
    return rows.map((row) => row.id);
  }

  /** Ids of live consents whose `expiresAt` is at or before `now`. */
  async idsPastExpiry(ctx: RequestContext, now: Date, limit: number): Promise<string[]> {
    const rows = await this.manager(ctx).find(ConsentEntity, {
      where: { endedAt: IsNull(), expiresAt: LessThanOrEqual(now) },
      select: { id: true },
      take: limit,
    });
    return rows.map((row) => row.id);
  }

  /** One keyset page of the offers that have live consents, in offer id order after `afterOfferId`. */
  async offersWithLiveConsents(ctx: RequestContext, afterOfferId: string, limit: number): Promise<string[]> {
    const rows: { offer_id: string }[] = await this.manager(ctx).query(
      `SELECT DISTINCT "offer_id" FROM "consents" WHERE "ended_at" IS NULL AND "offer_id" > $1 ORDER BY "offer_id" LIMIT $2`,
      [afterOfferId, limit],
    );
    return rows.map((row) => row.offer_id);
  }

  /** Ids of the live consents to one offer. */
  async liveIdsUnderOffer(ctx: RequestContext, offerId: string, limit: number): Promise<string[]> {
    const rows = await this.manager(ctx).find(ConsentEntity, { where: { offerId, endedAt: IsNull() }, select: { id: true }, take: limit });
    return rows.map((row) => row.id);
  }

  /**
   * One consent per individual who ever consented to the offer, ordered by individual id: the live one
   * if there is one, else the most recently granted ended one.
   */
  async latestPerIndividualForOffer(ctx: RequestContext, offerId: string): Promise<GrantedConsent[]> {
    // DISTINCT ON keeps the first row per individual in this order: live before ended, then the newest grant.
    const rows = await this.manager(ctx)
      .createQueryBuilder(ConsentEntity, 'consent')
      .select(STATE_COLUMNS.map((column) => `consent.${column}`))
      .distinctOn(['consent.individual_id'])
      .where('consent.offer_id = :offerId', { offerId })
      .orderBy('consent.individual_id', 'ASC')
      .addOrderBy('consent.ended_at IS NULL', 'DESC')
      .addOrderBy('consent.granted_at', 'DESC')
      .addOrderBy('consent.id', 'ASC')
      .getMany();
    return rows.map(stateOfRow);
  }

  /** The consents with these ids under a share lock, taken in id order so that two callers cannot deadlock. */
  async lockForProvision(tx: TransactionalContext, ids: readonly string[]): Promise<Map<string, GrantedConsent>> {
    const rows = await tx.transaction
      .createQueryBuilder(ConsentEntity, 'consent')
      .where('consent.id = ANY(:ids::uuid[])', { ids })
      .orderBy('consent.id', 'ASC')
      .setLock('pessimistic_read')
      .getMany();
    return new Map(rows.map((row) => [row.id, stateOfRow(row)]));
  }

  /**
   * Inserts a newly granted consent; false when the individual already holds a live consent to the offer
   * (the partial unique index uq_consents_live_individual_offer refuses it, ON CONFLICT DO NOTHING).
   */
  async insertUnlessLive(tx: TransactionalContext, values: Omit<ConsentEntity, 'offerSnapshot'>, offer: ConsentedOffer): Promise<boolean> {
    const manager = tx.transaction;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ConsentEntity)
      .values(manager.create(ConsentEntity, { ...values, offerSnapshot: offer }))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  /** Writes the consent's new state if it is still at `previousVersion`; false when a concurrent change came first. */
  async updateAtVersion(tx: TransactionalContext, previousVersion: number, values: Omit<ConsentEntity, 'offerSnapshot'>): Promise<boolean> {
    const result = await tx.transaction.update(ConsentEntity, { id: values.id, version: previousVersion }, values);
    return result.affected === 1;
  }
}
