import { Injectable } from '@nestjs/common';
import { binaryArray, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ProvisionRecordEntity } from './provision-record.entity';

/** A provision as a withdrawal notice needs it: who holds which subject's data, from which transfer, under what. */
export interface ProvisionForNotice {
  provisionId: string;
  individualId: string;
  consentId: string;
  recipientId: string;
  offerId: string;
  /** The pseudonymous id the recipient knows the individual by. */
  subjectId: string;
  transferId: string;
}

/** Where a data-life page ended: the next starts after this data-life end (UTC, as text to keep microseconds) and id. */
export interface DataLifeCursor {
  endsAt: string;
  id: string;
}

/** A page of provisions whose data life has ended, and where the next starts (null at the end). */
export interface DataLifePage {
  provisions: ProvisionForNotice[];
  next: DataLifeCursor | null;
}

/** What every provision record of one delivery (a part downloaded) shares. */
export type DeliveryProvisionFields = Pick<
  ProvisionRecordEntity,
  | 'recipientId'
  | 'offerId'
  | 'transferId'
  | 'part'
  | 'recipientName'
  | 'purposeCode'
  | 'purposeText'
  | 'benefit'
  | 'dataLifeDays'
  | 'providedAt'
>;

/** What each provision record of a delivery holds of its own. */
export type SubjectProvisionFields = Omit<ProvisionRecordEntity, keyof DeliveryProvisionFields>;

/** Rows per insert statement. */
const INSERT_CHUNK = 1_000;

/** Ids per statement when reading by offers. */
const OFFER_CHUNK = 5_000;

/** The end of a provision's data life in UTC: exactly the expression ix_provision_records_data_life_end indexes. */
const DATA_LIFE_END = `(("provided_at" AT TIME ZONE 'UTC') + make_interval(days => "data_life_days"))`;

const NOTICE_COLUMNS = `"id" AS "provisionId", "individual_id" AS "individualId", "consent_id" AS "consentId", "recipient_id" AS "recipientId",
  "offer_id" AS "offerId", "subject_id" AS "subjectId", "transfer_id" AS "transferId"`;

/**
 * provision_records (append-only): written by a delivery, read for an individual's proofs and for the
 * notices withdrawal propagation sends. Reads join the context's transaction when it has one.
 */
@Injectable()
export class ProvisionRecordStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts one delivery's provision records in its transaction, 1,000 rows a statement: one `INSERT … SELECT FROM
   * unnest(…)` with a fixed parameter count. What the delivery's records share (recipient, offer, transfer, part, names,
   * purpose, benefit, data life, time) is one scalar parameter each, parsed once a statement; each record's own columns
   * are binary array parameters (items and digests travel as JSON arrays).
   */
  async insert(tx: TransactionalContext, delivery: DeliveryProvisionFields, records: readonly SubjectProvisionFields[]): Promise<void> {
    for (let start = 0; start < records.length; start += INSERT_CHUNK) {
      const chunk = records.slice(start, start + INSERT_CHUNK);
      await tx.transaction.query(
        `INSERT INTO "provision_records"
           ("id", "individual_id", "subject_id", "recipient_id", "offer_id", "consent_id", "consent_version", "transfer_id", "part",
            "items", "record_digests", "recipient_name", "purpose_code", "purpose_text", "benefit", "data_life_days", "provided_at", "leaf_id")
         SELECT r."id", r."individual_id", r."subject_id", $9::uuid, $10::uuid, r."consent_id", r."consent_version", $11::uuid, $12::integer,
                ARRAY(SELECT jsonb_array_elements_text(r."items")), ARRAY(SELECT jsonb_array_elements_text(r."record_digests")),
                $13::jsonb, $14::text, $15::jsonb, $16::jsonb, $17::integer, $18::timestamptz, r."leaf_id"
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::integer[], $6::jsonb[], $7::jsonb[], $8::uuid[])
             AS r("id", "individual_id", "subject_id", "consent_id", "consent_version", "items", "record_digests", "leaf_id")`,
        // Binary array parameters: PostgreSQL reads each element as it is instead of parsing a part-sized text literal.
        [
          binaryArray.uuid(chunk.map((record) => record.id)),
          binaryArray.uuid(chunk.map((record) => record.individualId)),
          binaryArray.text(chunk.map((record) => record.subjectId)),
          binaryArray.uuid(chunk.map((record) => record.consentId)),
          binaryArray.int4(chunk.map((record) => record.consentVersion)),
          binaryArray.jsonb(chunk.map((record) => JSON.stringify(record.items))),
          binaryArray.jsonb(chunk.map((record) => JSON.stringify(record.recordDigests))),
          binaryArray.uuid(chunk.map((record) => record.leafId)),
          delivery.recipientId,
          delivery.offerId,
          delivery.transferId,
          delivery.part,
          JSON.stringify(delivery.recipientName),
          delivery.purposeCode,
          JSON.stringify(delivery.purposeText),
          JSON.stringify(delivery.benefit),
          delivery.dataLifeDays,
          delivery.providedAt,
        ],
      );
    }
  }

  /** One of this individual's provisions, or null (another individual's reads as none). */
  async findOwn(ctx: RequestContext, individualId: string, provisionId: string): Promise<ProvisionRecordEntity | null> {
    return this.manager(ctx).findOne(ProvisionRecordEntity, { where: { id: provisionId, individualId } });
  }

  /** Every provision made under this consent (ix_provision_records_consent). */
  async byConsent(ctx: RequestContext, consentId: string): Promise<ProvisionForNotice[]> {
    return this.manager(ctx).query(`SELECT ${NOTICE_COLUMNS} FROM "provision_records" WHERE "consent_id" = $1 ORDER BY "id"`, [consentId]);
  }

  /** Every provision of this individual's data (ix_provision_records_individual_time). */
  async byIndividual(ctx: RequestContext, individualId: string): Promise<ProvisionForNotice[]> {
    return this.manager(ctx).query(`SELECT ${NOTICE_COLUMNS} FROM "provision_records" WHERE "individual_id" = $1 ORDER BY "id"`, [
      individualId,
    ]);
  }

  /** Every provision made under these offers. */
  async byOffers(ctx: RequestContext, offerIds: readonly string[]): Promise<ProvisionForNotice[]> {
    const manager = this.manager(ctx);
    const found: ProvisionForNotice[] = [];
    for (let start = 0; start < offerIds.length; start += OFFER_CHUNK) {
      const rows: ProvisionForNotice[] = await manager.query(
        `SELECT ${NOTICE_COLUMNS} FROM "provision_records" WHERE "offer_id" = ANY($1::uuid[]) ORDER BY "id"`,
        [offerIds.slice(start, start + OFFER_CHUNK)],
      );
      found.push(...rows);
    }
    return found;
  }

  /** One page of provisions whose data life ended by `now`, in order of that end (then id) after `after` (ix_provision_records_data_life_end). */
  async dataLifeDue(ctx: RequestContext, query: { now: Date; after: DataLifeCursor | null; limit: number }): Promise<DataLifePage> {
    const rows: (ProvisionForNotice & { endsAt: string })[] = await this.manager(ctx).query(
      `SELECT ${NOTICE_COLUMNS}, to_char(${DATA_LIFE_END}, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "endsAt"
         FROM "provision_records"
        WHERE ${DATA_LIFE_END} <= ($1::timestamptz AT TIME ZONE 'UTC')
          AND ($2::timestamp IS NULL OR (${DATA_LIFE_END}, "id") > ($2::timestamp, $3::uuid))
        ORDER BY ${DATA_LIFE_END}, "id"
        LIMIT $4`,
      [query.now, query.after?.endsAt ?? null, query.after?.id ?? null, query.limit],
    );
    const last = rows[rows.length - 1];
    return {
      provisions: rows.map(({ endsAt: _endsAt, ...provision }) => provision),
      next: rows.length < query.limit || last === undefined ? null : { endsAt: last.endsAt, id: last.provisionId },
    };
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}
