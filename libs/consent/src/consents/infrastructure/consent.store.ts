import { Injectable } from '@nestjs/common';
import { binaryArray, sql, type RequestContext, type SqlPiece, type TransactionalContext } from '@infobank/platform';
import { DataSource, In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import type { GrantedConsent } from '../domain/consent';
import type { ConsentedOffer } from '../domain/consent-receipt';
import { ConsentEntity } from './consent.entity';
import { stateOfRow } from './consent-state.mapper';

/** The columns stateOfRow reads (everything but the large offer snapshot), as plain SQL named as the entity's properties. */
const STATE_COLUMNS = `"id", "individual_id" AS "individualId", "offer_id" AS "offerId", "recipient_id" AS "recipientId", "status", "mode",
  "source", "items", "expires_at" AS "expiresAt", "explanation", "version", "granted_at" AS "grantedAt", "updated_at" AS "updatedAt",
  "ended_at" AS "endedAt", "revocation_reason" AS "revocationReason", "expiry_cause" AS "expiryCause"`;

/** A consent's state columns, read with STATE_COLUMNS. */
type ConsentStateRow = Omit<ConsentEntity, 'offerSnapshot'>;

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
    // Plain rows of the state columns: a transfer's admission reads every consent to its offer (10,000s).
    const rows: ConsentStateRow[] = await this.manager(ctx).query(
      `SELECT DISTINCT ON ("individual_id") ${STATE_COLUMNS} FROM "consents" WHERE "offer_id" = $1
        ORDER BY "individual_id", "ended_at" IS NULL DESC, "granted_at" DESC, "id"`,
      [offerId],
    );
    return rows.map(stateOfRow);
  }

  /** The consents with these ids under a share lock, taken in id order so that two callers cannot deadlock. */
  async lockForProvision(tx: TransactionalContext, ids: readonly string[]): Promise<Map<string, GrantedConsent>> {
    // Plain rows of the state columns: a part locks up to 1,000 consents several times (draft, save, download), and
    // entity hydration of the query builder (and the offer snapshot nobody reads here) cost more than the lock itself.
    const rows: ConsentStateRow[] = await tx.transaction.query(
      `SELECT ${STATE_COLUMNS} FROM "consents" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR SHARE`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, stateOfRow(row)]));
  }

  /**
   * The statement piece that inserts newly granted consents to one offer, returning the ids inserted, and only
   * while `offerOpen` (a piece) selects a row. A consent whose individual already holds a live consent to the offer
   * is left out (the partial unique index uq_consents_live_individual_offer refuses it, ON CONFLICT DO NOTHING), so
   * a page granted twice inserts nothing twice.
   */
  insertUnlessLivePiece(rows: readonly Omit<ConsentEntity, 'offerSnapshot'>[], offer: ConsentedOffer, offerOpen: SqlPiece): SqlPiece {
    const column = <Value>(read: (row: Omit<ConsentEntity, 'offerSnapshot'>) => Value): Value[] => rows.map(read);
    const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
    // Arrays of arrays do not unnest row by row: items travel as one jsonb array per row. The snapshot is the same for all.
    // Binary array parameters: PostgreSQL reads each element as it is instead of parsing a page-sized literal.
    return sql`INSERT INTO "consents" ("id", "individual_id", "offer_id", "recipient_id", "status", "mode", "source", "items", "expires_at",
         "explanation", "version", "granted_at", "updated_at", "ended_at", "revocation_reason", "expiry_cause", "offer_snapshot")
       SELECT t."id", t."individual_id", t."offer_id", t."recipient_id", t."status", t."mode", t."source",
              ARRAY(SELECT e."item" FROM jsonb_array_elements_text(t."items") WITH ORDINALITY AS e("item", "position") ORDER BY e."position"),
              t."expires_at", t."explanation", t."version", t."granted_at", t."updated_at", t."ended_at", t."revocation_reason",
              t."expiry_cause", ${JSON.stringify(offer)}::jsonb
         FROM unnest(${binaryArray.uuid(column((row) => row.id))}::uuid[], ${binaryArray.uuid(column((row) => row.individualId))}::uuid[],
                     ${binaryArray.uuid(column((row) => row.offerId))}::uuid[], ${binaryArray.uuid(column((row) => row.recipientId))}::uuid[],
                     ${binaryArray.text(column((row) => row.status))}::text[], ${binaryArray.text(column((row) => row.mode))}::text[],
                     ${binaryArray.text(column((row) => row.source))}::text[], ${binaryArray.jsonb(column((row) => JSON.stringify(row.items)))}::jsonb[],
                     ${binaryArray.timestamptz(column((row) => row.expiresAt))}::timestamptz[],
                     ${binaryArray.jsonb(column((row) => json(row.explanation)))}::jsonb[], ${binaryArray.int4(column((row) => row.version))}::integer[],
                     ${binaryArray.timestamptz(column((row) => row.grantedAt))}::timestamptz[],
                     ${binaryArray.timestamptz(column((row) => row.updatedAt))}::timestamptz[],
                     ${binaryArray.timestamptz(column((row) => row.endedAt))}::timestamptz[],
                     ${binaryArray.text(column((row) => row.revocationReason))}::text[], ${binaryArray.text(column((row) => row.expiryCause))}::text[])
           AS t("id", "individual_id", "offer_id", "recipient_id", "status", "mode", "source", "items", "expires_at",
                "explanation", "version", "granted_at", "updated_at", "ended_at", "revocation_reason", "expiry_cause")
        WHERE EXISTS (${offerOpen})
       ON CONFLICT DO NOTHING RETURNING "id"`;
  }

  /** Writes the consent's new state if it is still at `previousVersion`; false when a concurrent change came first. */
  async updateAtVersion(tx: TransactionalContext, previousVersion: number, values: Omit<ConsentEntity, 'offerSnapshot'>): Promise<boolean> {
    const result = await tx.transaction.update(ConsentEntity, { id: values.id, version: previousVersion }, values);
    return result.affected === 1;
  }
}
