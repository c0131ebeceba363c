import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import type { RecordCursor } from '../domain/record-cursor';

/** How many of an individual's records one provider holds in one category. */
export interface RecordGroupRow {
  providerId: string;
  category: string;
  count: number;
  latestObservedAt: Date;
}

/** One stored record of the individual, still encrypted, with its batch's provenance. */
export interface StoredRecordRow {
  id: string;
  providerId: string;
  recordId: string;
  category: string;
  observedAt: Date;
  version: number;
  ciphertext: Buffer;
  batchId: string;
  jwsDigest: Buffer;
  signingKid: string;
  receivedAt: Date;
  firstReceivedAt: Date;
}

/** A superseded version of one of the individual's records, still encrypted, with its batch's provenance. */
export interface StoredRecordVersionRow {
  recordId: string;
  providerId: string;
  version: number;
  category: string;
  observedAt: Date;
  ciphertext: Buffer;
  batchId: string;
  jwsDigest: Buffer;
  signingKid: string;
  receivedAt: Date;
  supersededAt: Date;
}

/** Optional narrowing to one provider and/or one category. */
export interface RecordFilter {
  providerId?: string;
  category?: string;
}

/** A cursor's row is not among the individual's records (any more): erased, or never theirs. */
export const CURSOR_NOT_FOUND = Symbol('cursor not found');

/**
 * Reads and erasure of one individual's records. Every statement is bound to the individual's id
 * first, so another individual's ids, provider or cursor find nothing.
 */
@Injectable()
export class IndividualRecordsQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Per provider × category: how many records and the latest observation. */
  async groups(individualId: string): Promise<RecordGroupRow[]> {
    const rows: { provider_id: string; category: string; count: number; latest: Date }[] = await this.dataSource.query(
      `SELECT "provider_id", "category", count(*)::int AS "count", max("observed_at") AS "latest"
         FROM "vault_records" WHERE "individual_id" = $1
        GROUP BY "provider_id", "category" ORDER BY "provider_id", "category"`,
      [individualId],
    );
    return rows.map((row) => ({ providerId: row.provider_id, category: row.category, count: row.count, latestObservedAt: row.latest }));
  }

  /**
   * A page of the individual's records, newest observation first (ties by row id), after the
   * cursor's row; CURSOR_NOT_FOUND when that row is no longer one of theirs.
   */
  async page(
    individualId: string,
    filter: RecordFilter,
    cursor: RecordCursor | null,
    limit: number,
  ): Promise<StoredRecordRow[] | typeof CURSOR_NOT_FOUND> {
    const { conditions, values, bind } = filtered(individualId, filter, 'r.');
    if (cursor !== null) {
      const [position] = (await this.dataSource.query(
        `SELECT "observed_at" FROM "vault_records" WHERE "id" = $1 AND "individual_id" = $2`,
        [cursor.afterRecord, individualId],
      )) as { observed_at: Date }[];
      if (position === undefined) return CURSOR_NOT_FOUND;
      conditions.push(`(r."observed_at", r."id") < (${bind(position.observed_at)}::timestamptz, ${bind(cursor.afterRecord)}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r."id", r."provider_id", r."record_id", r."category", r."observed_at", r."version", r."ciphertext",
              b."batch_id", r."jws_digest", r."signing_kid", r."received_at", r."first_received_at"
         FROM "vault_records" r JOIN "deposit_batches" b ON b."id" = r."deposit_batch_id"
        WHERE ${conditions.join(' AND ')}
        ORDER BY r."observed_at" DESC, r."id" DESC
        LIMIT ${bind(limit)}`,
      values,
    );
    return rows.map((row) => ({
      id: row.id as string,
      providerId: row.provider_id as string,
      recordId: row.record_id as string,
      category: row.category as string,
      observedAt: row.observed_at as Date,
      version: row.version as number,
      ciphertext: row.ciphertext as Buffer,
      batchId: row.batch_id as string,
      jwsDigest: row.jws_digest as Buffer,
      signingKid: row.signing_kid as string,
      receivedAt: row.received_at as Date,
      firstReceivedAt: row.first_received_at as Date,
    }));
  }

  /** The superseded versions of the named records of the individual, oldest first per record. */
  async versionsOf(individualId: string, recordIds: readonly string[]): Promise<StoredRecordVersionRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT v."vault_record_id", r."provider_id", v."version", v."category", v."observed_at", v."ciphertext",
              b."batch_id", v."jws_digest", v."signing_kid", v."received_at", v."superseded_at"
         FROM "vault_record_versions" v
         JOIN "vault_records" r ON r."id" = v."vault_record_id"
         JOIN "deposit_batches" b ON b."id" = v."deposit_batch_id"
        WHERE v."individual_id" = $1 AND r."individual_id" = $1 AND v."vault_record_id" = ANY($2::uuid[])
        ORDER BY v."vault_record_id", v."version"`,
      [individualId, recordIds],
    );
    return rows.map((row) => ({
      recordId: row.vault_record_id as string,
      providerId: row.provider_id as string,
      version: row.version as number,
      category: row.category as string,
      observedAt: row.observed_at as Date,
      ciphertext: row.ciphertext as Buffer,
      batchId: row.batch_id as string,
      jwsDigest: row.jws_digest as Buffer,
      signingKid: row.signing_kid as string,
      receivedAt: row.received_at as Date,
      supersededAt: row.superseded_at as Date,
    }));
  }

  /** Deletes the individual's records, every version (history rows go with their record); returns how many records. */
  async erase(tx: TransactionalContext, individualId: string, filter: RecordFilter): Promise<number> {
    const { conditions, values } = filtered(individualId, filter, '');
    const [, affected] = (await tx.transaction.query(`DELETE FROM "vault_records" WHERE ${conditions.join(' AND ')}`, values)) as [
      unknown,
      number,
    ];
    return affected;
  }
}

/** The WHERE conditions binding a statement to the individual and the filter; `bind` adds a parameter. */
function filtered(individualId: string, filter: RecordFilter, alias: string) {
  const values: unknown[] = [individualId];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions = [`${alias}"individual_id" = $1`];
  if (filter.providerId !== undefined) conditions.push(`${alias}"provider_id" = ${bind(filter.providerId)}::uuid`);
  if (filter.category !== undefined) conditions.push(`${alias}"category" = ${bind(filter.category)}`);
  return { conditions, values, bind };
}
