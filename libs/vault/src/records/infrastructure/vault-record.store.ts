import { Injectable } from '@nestjs/common';
import { binaryArray, type TransactionalContext } from '@infobank/platform';

/** The current version of a record as a deposit needs to see it (locked). */
export interface CurrentRecord {
  id: string;
  recordId: string;
  individualId: string;
  version: number;
  contentDigest: Buffer;
}

/** One record version to write: new (version 1) or replacing the current one. */
export interface RecordVersionRow {
  id: string;
  recordId: string;
  individualId: string;
  category: string;
  observedAt: Date;
  version: number;
  contentDigest: Buffer;
  ciphertext: Buffer;
  plaintextBytes: number;
}

/** Provenance shared by every record version of one batch. */
export interface BatchProvenance {
  providerId: string;
  depositBatchId: string;
  jwsDigest: Buffer;
  signingKid: string;
  receivedAt: Date;
}

/**
 * vault_records and vault_record_versions, written a whole batch per statement (`unnest` of typed
 * arrays and two binary blobs: one round trip and one plan for 5,000 rows), always in recordId order so that concurrent
 * batches touching the same records lock them in one order and never deadlock.
 */
@Injectable()
export class VaultRecordStore {
  /** Locks and returns the current versions of these records of the provider. */
  async lockCurrent(tx: TransactionalContext, providerId: string, recordIds: readonly string[]): Promise<Map<string, CurrentRecord>> {
    const found = new Map<string, CurrentRecord>();
    if (recordIds.length === 0) return found;
    const rows: { id: string; record_id: string; individual_id: string; version: number; content_digest: Buffer }[] =
      await tx.transaction.query(
        `SELECT "id", "record_id", "individual_id", "version", "content_digest" FROM "vault_records"
        WHERE "provider_id" = $1 AND "record_id" = ANY($2::text[]) ORDER BY "record_id" COLLATE "C" FOR UPDATE`,
        [providerId, binaryArray.text([...recordIds].sort())],
      );
    for (const row of rows) {
      found.set(row.record_id, {
        id: row.id,
        recordId: row.record_id,
        individualId: row.individual_id,
        version: row.version,
        contentDigest: row.content_digest,
      });
    }
    return found;
  }

  /**
   * Inserts records not held yet; returns the recordIds NOT inserted because another batch inserted
   * them meanwhile (the unique constraint decides; the caller treats them as existing). Only those
   * come back, usually none, rather than every inserted id.
   */
  async insertNew(tx: TransactionalContext, rows: readonly RecordVersionRow[], provenance: BatchProvenance): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const sorted = [...rows].sort((left, right) => compare(left.recordId, right.recordId));
    const skipped: { record_id: string }[] = await tx.transaction.query(
      `WITH "inserted" AS (
         INSERT INTO "vault_records" ("id", "record_id", "individual_id", "category", "observed_at", "version", "content_digest",
           "ciphertext", "plaintext_bytes", "provider_id", "deposit_batch_id", "jws_digest", "signing_kid", "received_at", "first_received_at")
         SELECT v.*, $12::uuid, $13::uuid, $14::bytea, $15::text, $16::timestamptz, $16::timestamptz FROM ${ROWS}
         ON CONFLICT ("provider_id", "record_id") DO NOTHING
         RETURNING "record_id")
       SELECT w."record_id" FROM unnest($2::text[]) AS w("record_id")
        WHERE NOT EXISTS (SELECT 1 FROM "inserted" i WHERE i."record_id" = w."record_id")`,
      [
        ...columns(sorted),
        provenance.providerId,
        provenance.depositBatchId,
        provenance.jwsDigest,
        provenance.signingKid,
        provenance.receivedAt,
      ],
    );
    return new Set(skipped.map((row) => row.record_id));
  }

  /** Moves the current versions of these records into history and writes the new versions in their place. */
  async supersede(tx: TransactionalContext, rows: readonly RecordVersionRow[], provenance: BatchProvenance): Promise<void> {
    if (rows.length === 0) return;
    const sorted = [...rows].sort((left, right) => compare(left.recordId, right.recordId));
    await tx.transaction.query(
      `INSERT INTO "vault_record_versions" ("id", "vault_record_id", "version", "individual_id", "category", "observed_at", "content_digest",
         "ciphertext", "plaintext_bytes", "deposit_batch_id", "jws_digest", "signing_kid", "received_at", "superseded_at")
       SELECT gen_random_uuid(), r."id", r."version", r."individual_id", r."category", r."observed_at", r."content_digest",
              r."ciphertext", r."plaintext_bytes", r."deposit_batch_id", r."jws_digest", r."signing_kid", r."received_at", $2
         FROM "vault_records" r WHERE r."id" = ANY($1::uuid[])`,
      [binaryArray.uuid(sorted.map((row) => row.id)), provenance.receivedAt],
    );
    await tx.transaction.query(
      `UPDATE "vault_records" r SET "category" = v.category, "observed_at" = v.observed_at, "version" = v.version,
              "content_digest" = v.content_digest, "ciphertext" = v.ciphertext, "plaintext_bytes" = v.plaintext_bytes,
              "deposit_batch_id" = $12, "jws_digest" = $13, "signing_kid" = $14, "received_at" = $15
         FROM ${ROWS}
        WHERE r."id" = v.id`,
      [...columns(sorted), provenance.depositBatchId, provenance.jwsDigest, provenance.signingKid, provenance.receivedAt],
    );
  }
}

/** Bytes of a content digest (HMAC-SHA-256). */
const DIGEST_BYTES = 32;

/**
 * A batch's rows as `v` ($1-$11 of `columns`): binary arrays (`binaryArray`, read by the server as they
 * are, no text literal built here and parsed there) unnested together. Digests and ciphertexts travel as
 * two bytea parameters cut into rows by offset, each one contiguous copy of the batch's bytes.
 */
const ROWS = `(SELECT u.id, u.record_id, u.individual_id, u.category, u.observed_at, u.version,
         substring($11::bytea FROM ((u.n - 1) * ${DIGEST_BYTES} + 1)::int FOR ${DIGEST_BYTES}) AS content_digest,
         substring($10::bytea FROM u.start FOR u.length) AS ciphertext, u.plaintext_bytes
    FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[], $6::int[], $7::int[], $8::int[], $9::int[])
      WITH ORDINALITY AS u(id, record_id, individual_id, category, observed_at, version, start, length, plaintext_bytes, n)) AS v`;

function columns(rows: readonly RecordVersionRow[]): unknown[] {
  const starts: number[] = [];
  let start = 1;
  for (const row of rows) {
    if (row.contentDigest.length !== DIGEST_BYTES) throw new Error('A content digest must be 32 bytes.');
    starts.push(start);
    start += row.ciphertext.length;
  }
  return [
    binaryArray.uuid(rows.map((row) => row.id)),
    binaryArray.text(rows.map((row) => row.recordId)),
    binaryArray.uuid(rows.map((row) => row.individualId)),
    binaryArray.text(rows.map((row) => row.category)),
    binaryArray.timestamptz(rows.map((row) => row.observedAt)),
    binaryArray.int4(rows.map((row) => row.version)),
    binaryArray.int4(starts),
    binaryArray.int4(rows.map((row) => row.ciphertext.length)),
    binaryArray.int4(rows.map((row) => row.plaintextBytes)),
    Buffer.concat(rows.map((row) => row.ciphertext)),
    Buffer.concat(rows.map((row) => row.contentDigest)),
  ];
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
