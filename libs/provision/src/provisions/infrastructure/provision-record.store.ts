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

/** A provision record as written (the entity's columns). */
export type NewProvisionRecord = Omit<ProvisionRecordEntity, never>;

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
   * Inserts provision records in the delivery's transaction, 1,000 rows a statement: one `INSERT … SELECT
   * FROM unnest(…)` with a fixed parameter count (no per-row placeholders; items and digests travel as JSON arrays), every column a binary array parameter.
   */
  async insert(tx: TransactionalContext, records: readonly NewProvisionRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += INSERT_CHUNK) {
      const chunk = records.slice(start, start + INSERT_CHUNK);
      const column = <T>(value: (record: NewProvisionRecord) => T): T[] => chunk.map(value);
      const json = (value: (record: NewProvisionRecord) => unknown): string[] => chunk.map((record) => JSON.stringify(value(record)));
      await tx.transaction.query(
        `INSERT INTO "provision_records"
           ("id", "individual_id", "subject_id", "recipient_id", "offer_id", "consent_id", "consent_version", "transfer_id", "part",
            "items", "record_digests", "recipient_name", "purpose_code", "purpose_text", "benefit", "data_life_days", "provided_at", "leaf_id")
         SELECT r."id", r."individual_id", r."subject_id", r."recipient_id", r."offer_id", r."consent_id", r."consent_version",
                r."transfer_id", r."part", ARRAY(SELECT jsonb_array_elements_text(r."items")),
                ARRAY(SELECT jsonb_array_elements_text(r."record_digests")), r."recipient_name", r."purpose_code", r."purpose_text",
                r."benefit", r."data_life_days", r."provided_at", r."leaf_id"
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::integer[], $8::uuid[], $9::integer[],
                       $10::jsonb[], $11::jsonb[], $12::jsonb[], $13::text[], $14::jsonb[], $15::jsonb[], $16::integer[], $17::timestamptz[], $18::uuid[])
             AS r("id", "individual_id", "subject_id", "recipient_id", "offer_id", "consent_id", "consent_version", "transfer_id", "part",
                  "items", "record_digests", "recipient_name", "purpose_code", "purpose_text", "benefit", "data_life_days", "provided_at", "leaf_id")`,
        // Binary array parameters: PostgreSQL reads each element as it is instead of parsing a part-sized text literal.
        [
          binaryArray.uuid(column((record) => record.id)),
          binaryArray.uuid(column((record) => record.individualId)),
          binaryArray.text(column((record) => record.subjectId)),
          binaryArray.uuid(column((record) => record.recipientId)),
          binaryArray.uuid(column((record) => record.offerId)),
          binaryArray.uuid(column((record) => record.consentId)),
          binaryArray.int4(column((record) => record.consentVersion)),
          binaryArray.uuid(column((record) => record.transferId)),
          binaryArray.int4(column((record) => record.part)),
          binaryArray.jsonb(json((record) => record.items)),
          binaryArray.jsonb(json((record) => record.recordDigests)),
          binaryArray.jsonb(json((record) => record.recipientName)),
          binaryArray.text(column((record) => record.purposeCode)),
          binaryArray.jsonb(json((record) => record.purposeText)),
          binaryArray.jsonb(json((record) => record.benefit)),
          binaryArray.int4(column((record) => record.dataLifeDays)),
          binaryArray.timestamptz(column((record) => record.providedAt)),
          binaryArray.uuid(column((record) => record.leafId)),
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
