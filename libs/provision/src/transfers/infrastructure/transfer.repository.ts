import { Injectable } from '@nestjs/common';
import { binaryArray, type TransactionalContext } from '@infobank/platform';
import {
  decideTransfer,
  evolveTransfer,
  type PartChange,
  type PartSnapshot,
  type PartState,
  type SubjectChange,
  type SubjectSnapshot,
  type SubjectState,
  type TransferState,
} from '../domain/transfer-lifecycle';
import type { DenialReason, PartStatus, SubjectStatus, TransferCounts, TransferStatus } from '../domain/transfer-status';
import { TransferPartEntity } from './transfer-part.entity';
import { TransferSubjectEntity } from './transfer-subject.entity';
import { TransferEntity } from './transfer.entity';

/** A subject as packaging and delivery read it: the entity's columns less its reservation and update times. */
export type WorkSubject = Omit<TransferSubjectEntity, 'transfer' | 'reservedAt' | 'updatedAt'>;

/** A subject as admission writes it: who it is, under which consent, and the state the lifecycle model admitted it in. */
export interface NewTransferSubject {
  subjectId: string;
  individualId: string | null;
  consentId: string | null;
  consentVersion: number | null;
  state: SubjectState;
}

/** A subject change of one transfer, for the writes that span several transfers. */
export interface TransferSubjectChange extends SubjectChange {
  transferId: string;
}

/** A part change of one transfer, for the writes that span several transfers. */
export interface TransferPartChange extends PartChange {
  transferId: string;
}

/** A part as loaded, with its transfer. */
export interface TransferPartSnapshot extends PartSnapshot {
  transferId: string;
}

/** A subject packaged into a part: what its provision record will say. */
export interface PackagedEntry {
  subjectId: string;
  items: string[];
  recordDigests: string[];
  recordIds: string[];
  recordVersions: number[];
  consentVersion: number;
}

/** A sealed part as the builder hands it over. */
export interface SealedPart {
  package: string;
  packageDigest: Buffer;
  subjectCount: number;
  builtAt: Date;
  expiresAt: Date;
}

/** Subject statuses that are still work in flight (not yet downloaded). */
const IN_FLIGHT = `('pending', 'awaiting_approval', 'ready')`;

/** "The subject belongs to the scope", with the scope's ids as parameters $1 (consents), $2 (offers), $3 (individuals). */
const IN_SCOPE = `("consent_id" = ANY($1::uuid[]) OR "offer_id" = ANY($2::uuid[]) OR "individual_id" = ANY($3::uuid[]))`;

/** The consents, offers and individuals whose work in flight stops (any of them). */
export interface WorkScope {
  consentIds: readonly string[];
  offerIds: readonly string[];
  individualIds: readonly string[];
}

/**
 * The only writer of transfers, their parts and their subjects, and the only place that locks them.
 *
 * Lock order (every path takes them in this order, so none deadlocks with another): the transfer row first
 * (several transfers in id order), then its parts, then what callers lock through other libraries after
 * this (the offer and consents FOR SHARE, vault rows). Admission also takes the per-offer reservation lock
 * after the transfer. Every method joins the transaction of the caller's context (`tx.transaction`); the
 * status counters on the transfer row are kept by the database in the same statement as each part or
 * subject write. What a write stores is decided by the lifecycle model (domain/transfer-lifecycle.ts): the
 * repository saves states and changes, and each subject or part change is written only where the row is
 * still in the state the change was decided from.
 */
@Injectable()
export class TransferRepository {
  /** Locks the transfer row for the rest of the transaction (of this recipient, when given). */
  async lockTransfer(tx: TransactionalContext, transferId: string, recipientId?: string): Promise<TransferEntity | null> {
    return tx.transaction.findOne(TransferEntity, {
      where: recipientId === undefined ? { id: transferId } : { id: transferId, recipientId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Reads the transfer row without locking it (work prepared before the lock is checked again under it). */
  async findTransfer(tx: TransactionalContext, transferId: string): Promise<TransferEntity | null> {
    return tx.transaction.findOne(TransferEntity, { where: { id: transferId } });
  }

  /** Locks one part of a transfer already locked. */
  async lockPart(tx: TransactionalContext, transferId: string, part: number): Promise<TransferPartEntity | null> {
    return tx.transaction.findOne(TransferPartEntity, { where: { transferId, part }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks these parts of a transfer already locked, in part order; returns their states. */
  async lockParts(tx: TransactionalContext, transferId: string, parts: readonly number[]): Promise<PartSnapshot[]> {
    if (parts.length === 0) return [];
    const rows: PartRow[] = await tx.transaction.query(
      `SELECT ${PART_COLUMNS} FROM "transfer_parts" WHERE "transfer_id" = $1 AND "part" = ANY($2::int[]) ORDER BY "part" FOR UPDATE`,
      [transferId, [...new Set(parts)]],
    );
    return rows.map((row) => ({ part: row.part, state: partRowState(row) }));
  }

  /**
   * Locks up to `batch` transfers holding parts past their expiry (in id order, skipping busy ones, which wait
   * for the next run), then those parts; returns the parts' states.
   */
  async lockExpiredParts(tx: TransactionalContext, now: Date, batch: number): Promise<TransferPartSnapshot[]> {
    const locked: { id: string }[] = await tx.transaction.query(
      `SELECT "id" FROM "transfers" WHERE "id" IN (
         SELECT DISTINCT "transfer_id" FROM "transfer_parts" WHERE "package" IS NOT NULL AND "expires_at" <= $1 LIMIT ${batch})
       ORDER BY "id" FOR UPDATE SKIP LOCKED`,
      [now],
    );
    const parts: (PartRow & { transfer_id: string })[] = await tx.transaction.query(
      `SELECT "transfer_id", ${PART_COLUMNS} FROM "transfer_parts"
        WHERE "transfer_id" = ANY($2::uuid[]) AND "package" IS NOT NULL AND "expires_at" <= $1 ORDER BY "transfer_id", "part" FOR UPDATE`,
      [now, locked.map((row) => row.id)],
    );
    return parts.map((row) => ({ transferId: row.transfer_id, part: row.part, state: partRowState(row) }));
  }

  /** Serialises admission of subjects to one offer (fetch-limit reservations) for the rest of the transaction. */
  async lockOfferReservations(tx: TransactionalContext, offerId: string): Promise<void> {
    await tx.transaction.query(`SELECT pg_advisory_xact_lock(hashtextextended('transfer-reservations:' || $1, 0))`, [offerId]);
  }

  /** The recipient's transfer under this Idempotency-Key, if any. */
  async findByIdempotencyKey(tx: TransactionalContext, recipientId: string, idempotencyKey: string): Promise<TransferEntity | null> {
    return tx.transaction.findOne(TransferEntity, { where: { recipientId, idempotencyKey } });
  }

  /** Inserts a requested transfer; false when one with the same Idempotency-Key committed first. */
  async insertRequested(
    tx: TransactionalContext,
    transfer: Pick<TransferEntity, 'id' | 'recipientId' | 'offerId' | 'idempotencyKey' | 'requestDigest' | 'requestedSubjects'>,
    now: Date,
  ): Promise<boolean> {
    const inserted = await tx.transaction
      .createQueryBuilder()
      .insert()
      .into(TransferEntity)
      .values({ ...transfer, status: 'requested', partCount: 0, requestedAt: now, updatedAt: now, readyAt: null, deliveredAt: null })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** Stores the state the lifecycle model left a transfer in at admission (processing, or cancelled). */
  async saveTransferState(tx: TransactionalContext, transferId: string, state: TransferState, now: Date): Promise<void> {
    await tx.transaction.update(TransferEntity, { id: transferId }, { status: state.status, updatedAt: now });
  }

  /** Inserts admitted subjects in the states admission decided, one statement per 5,000 (unnest keeps the parameter count fixed). */
  async insertSubjects(
    tx: TransactionalContext,
    transfer: { id: string; offerId: string },
    subjects: readonly NewTransferSubject[],
    now: Date,
  ): Promise<void> {
    for (let start = 0; start < subjects.length; start += 5000) {
      const chunk = subjects.slice(start, start + 5000);
      const columns = chunk.map((subject) => subjectColumns(subject.state));
      await tx.transaction.query(
        `INSERT INTO "transfer_subjects"
           ("transfer_id", "subject_id", "individual_id", "offer_id", "consent_id", "consent_version", "status", "reason",
            "approval_request_id", "part", "reserved_at", "updated_at")
         SELECT $1, s."subject_id", s."individual_id", $2, s."consent_id", s."consent_version", s."status", s."reason",
                s."approval_request_id", s."part", $3, $3
           FROM unnest($4::text[], $5::uuid[], $6::uuid[], $7::integer[], $8::text[], $9::text[], $10::uuid[], $11::integer[])
             AS s("subject_id", "individual_id", "consent_id", "consent_version", "status", "reason", "approval_request_id", "part")
         ON CONFLICT ON CONSTRAINT "pk_transfer_subjects" DO NOTHING`,
        // Binary array parameters: PostgreSQL reads each element as it is instead of parsing 5,000-element text literals.
        [
          transfer.id,
          transfer.offerId,
          now,
          binaryArray.text(chunk.map((subject) => subject.subjectId)),
          binaryArray.uuid(chunk.map((subject) => subject.individualId)),
          binaryArray.uuid(chunk.map((subject) => subject.consentId)),
          binaryArray.int4(chunk.map((subject) => subject.consentVersion)),
          binaryArray.text(columns.map((column) => column.status)),
          binaryArray.text(columns.map((column) => column.reason)),
          binaryArray.uuid(columns.map((column) => column.approvalRequestId)),
          binaryArray.int4(columns.map((column) => column.part)),
        ],
      );
    }
  }

  /**
   * How many times each individual already counts against the offer's fetch limit since `since` (null:
   * ever), in other transfers: subjects admitted and not released (denied or expired ones are released).
   */
  async reservationCounts(
    tx: TransactionalContext,
    offerId: string,
    individualIds: readonly string[],
    since: Date | null,
    exceptTransferId: string,
  ): Promise<Map<string, number>> {
    if (individualIds.length === 0) return new Map();
    const rows: { individual_id: string; count: number }[] = await tx.transaction.query(
      `SELECT "individual_id", count(*)::int AS "count" FROM "transfer_subjects"
        WHERE "offer_id" = $1 AND "individual_id" = ANY($2::uuid[])
          AND "status" IN ('pending', 'awaiting_approval', 'ready', 'delivered')
          AND ($3::timestamptz IS NULL OR "reserved_at" >= $3) AND "transfer_id" <> $4
        GROUP BY "individual_id"`,
      [offerId, individualIds, since, exceptTransferId],
    );
    return new Map(rows.map((row) => [row.individual_id, row.count]));
  }

  /** The first stale part of a locked transfer, if any. */
  async findStalePart(tx: TransactionalContext, transferId: string): Promise<TransferPartEntity | null> {
    return tx.transaction.findOne(TransferPartEntity, { where: { transferId, status: 'stale' }, order: { part: 'ASC' } });
  }

  /** Pending subjects of a stale part (all of them), or up to `limit` pending subjects in no part yet (after `after`, when given), in subject order. */
  async pendingSubjects(
    tx: TransactionalContext,
    transferId: string,
    part: number | null,
    limit: number,
    after: string | null = null,
  ): Promise<WorkSubject[]> {
    // Plain rows (up to a part's worth, read twice a part: drafted and saved).
    return tx.transaction.query(
      `SELECT ${WORK_SUBJECT_COLUMNS} FROM "transfer_subjects"
        WHERE "transfer_id" = $1 AND "status" = 'pending' AND ${part === null ? `"part" IS NULL AND ($2::text IS NULL OR "subject_id" > $2)` : `"part" = $2`}
        ORDER BY "subject_id"${part === null ? ` LIMIT ${Number(limit)}` : ''}`,
      [transferId, part ?? after],
    );
  }

  /** The subjects of a part in one status, in subject order. */
  async subjectsOfPart(tx: TransactionalContext, transferId: string, part: number, status: 'ready' | 'delivered'): Promise<WorkSubject[]> {
    // Plain rows: a part holds up to 1,000 subjects, read on every download.
    return tx.transaction.query(
      `SELECT ${WORK_SUBJECT_COLUMNS} FROM "transfer_subjects" WHERE "transfer_id" = $1 AND "part" = $2 AND "status" = $3 ORDER BY "subject_id"`,
      [transferId, part, status],
    );
  }

  /** Under the transfers' locks: the states of the subjects in these parts that are in one of `statuses`. */
  async subjectsInParts(
    tx: TransactionalContext,
    parts: readonly { transferId: string; part: number }[],
    statuses: readonly SubjectStatus[],
  ): Promise<(SubjectSnapshot & { transferId: string })[]> {
    if (parts.length === 0) return [];
    const rows: (SubjectRow & { transfer_id: string })[] = await tx.transaction.query(
      `SELECT s."transfer_id", ${SUBJECT_COLUMNS.replace(/"(\w+)"/g, 's."$1"')} FROM "transfer_subjects" s
         JOIN unnest($1::uuid[], $2::int[]) AS p("transfer_id", "part") ON s."transfer_id" = p."transfer_id" AND s."part" = p."part"
        WHERE s."status" = ANY($3::text[])`,
      [parts.map((part) => part.transferId), parts.map((part) => part.part), statuses],
    );
    return rows.map((row) => ({ transferId: row.transfer_id, subjectId: row.subject_id, state: subjectRowState(row) }));
  }

  /** Stores a newly sealed part (in the state the model packaged it in) and the transfer's part count. */
  async insertPart(tx: TransactionalContext, transferId: string, part: number, state: PartState, sealed: SealedPart): Promise<void> {
    if (state.status !== 'ready') throw new Error(`a new part is stored ready, not ${state.status}`);
    await tx.transaction.insert(TransferPartEntity, {
      transferId,
      part,
      generation: state.generation,
      status: 'ready',
      deliveredAt: null,
      ...sealed,
      expiresAt: state.expiresAt,
    });
    await tx.transaction.update(TransferEntity, { id: transferId }, { partCount: part });
  }

  /** Stores a stale part rebuilt: ready again at the model's next generation with its new bytes, or void with no subject left. */
  async storeRebuiltPart(tx: TransactionalContext, transferId: string, change: PartChange, sealed: SealedPart | null): Promise<void> {
    const where = { transferId, part: change.part, status: 'stale' as const };
    if (change.to.status === 'void' || sealed === null) {
      await tx.transaction.update(TransferPartEntity, where, { status: 'void', package: null, packageDigest: null });
      return;
    }
    if (change.to.status !== 'ready') throw new Error(`a rebuilt part is stored ready or void, not ${change.to.status}`);
    await tx.transaction.update(TransferPartEntity, where, {
      status: 'ready',
      deliveredAt: null,
      generation: change.to.generation,
      ...sealed,
      expiresAt: change.to.expiresAt,
    });
  }

  /** Stores packaged subjects ready in their part (the model's `package` changes), with what their provision record will say. */
  async savePackaged(
    tx: TransactionalContext,
    transferId: string,
    part: number,
    entries: readonly PackagedEntry[],
    now: Date,
  ): Promise<void> {
    if (entries.length === 0) return;
    await tx.transaction.query(
      `UPDATE "transfer_subjects" s
          SET "status" = 'ready', "part" = $2, "items" = e."items"::text[], "record_digests" = e."digests"::text[],
              "record_ids" = e."record_ids", "record_versions" = e."record_versions", "consent_version" = e."version", "updated_at" = $3
         FROM (SELECT * FROM jsonb_to_recordset($4::jsonb)
                 AS x("subject_id" text, "items" jsonb, "digests" jsonb, "record_ids" jsonb, "record_versions" jsonb, "version" int)) AS r
         CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(r."items")) AS "items",
                                    ARRAY(SELECT jsonb_array_elements_text(r."digests")) AS "digests",
                                    ARRAY(SELECT jsonb_array_elements_text(r."record_ids")::uuid) AS "record_ids",
                                    ARRAY(SELECT jsonb_array_elements_text(r."record_versions")::int) AS "record_versions",
                                    r."version" AS "version") AS e
        WHERE s."transfer_id" = $1 AND s."subject_id" = r."subject_id" AND s."status" = 'pending'`,
      [
        transferId,
        part,
        now,
        JSON.stringify(
          entries.map((entry) => ({
            subject_id: entry.subjectId,
            items: entry.items,
            digests: entry.recordDigests,
            record_ids: entry.recordIds,
            record_versions: entry.recordVersions,
            version: entry.consentVersion,
          })),
        ),
      ],
    );
  }

  /**
   * Saves subject changes the lifecycle model decided, across any transfers, in one statement
   * (`UPDATE … FROM unnest(…)`): each row takes its new status, reason and part where it is still in the
   * status the change was decided from.
   */
  async saveSubjectChanges(tx: TransactionalContext, changes: readonly TransferSubjectChange[], now: Date): Promise<void> {
    if (changes.length === 0) return;
    const columns = changes.map((change) => subjectColumns(change.to));
    await tx.transaction.query(
      `UPDATE "transfer_subjects" s
          SET "status" = c."status", "reason" = c."reason", "part" = c."part",
              "approval_request_id" = coalesce(c."approval_request_id", s."approval_request_id"), "updated_at" = $1
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::uuid[])
           AS c("transfer_id", "subject_id", "from_status", "status", "reason", "part", "approval_request_id")
        WHERE s."transfer_id" = c."transfer_id" AND s."subject_id" = c."subject_id" AND s."status" = c."from_status"`,
      // Binary array parameters: a download changes a part's 1,000 subjects, and PostgreSQL reads each element as it is.
      [
        now,
        binaryArray.uuid(changes.map((change) => change.transferId)),
        binaryArray.text(changes.map((change) => change.subjectId)),
        binaryArray.text(changes.map((change) => change.from.status)),
        binaryArray.text(columns.map((column) => column.status)),
        binaryArray.text(columns.map((column) => column.reason)),
        binaryArray.int4(columns.map((column) => column.part)),
        binaryArray.uuid(columns.map((column) => column.approvalRequestId)),
      ],
    );
  }

  /**
   * Saves part changes the lifecycle model decided (delivered, stale, expired, bytes deleted), across any
   * transfers, in one statement: a part that no longer holds downloadable bytes has its package cleared.
   */
  async savePartChanges(tx: TransactionalContext, changes: readonly TransferPartChange[]): Promise<void> {
    if (changes.length === 0) return;
    await tx.transaction.query(
      `UPDATE "transfer_parts" p
          SET "status" = c."status", "delivered_at" = coalesce(c."delivered_at", p."delivered_at"),
              "package" = CASE WHEN c."keeps_bytes" THEN p."package" END,
              "package_digest" = CASE WHEN c."keeps_bytes" THEN p."package_digest" END
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::boolean[], $6::timestamptz[])
           AS c("transfer_id", "part", "from_status", "status", "keeps_bytes", "delivered_at")
        WHERE p."transfer_id" = c."transfer_id" AND p."part" = c."part" AND p."status" = c."from_status"`,
      [
        changes.map((change) => change.transferId),
        changes.map((change) => change.part),
        changes.map((change) => storedPartStatus(change.from)),
        changes.map((change) => storedPartStatus(change.to)),
        changes.map((change) => change.to.status === 'ready' || (change.to.status === 'delivered' && change.to.bytesKept)),
        changes.map((change) => (change.to.status === 'delivered' ? change.to.deliveredAt : null)),
      ],
    );
  }

  /** Transfers (in id order, the order to lock them in) with a subject of this scope still in flight. */
  async transfersWithWorkInFlight(tx: TransactionalContext, scope: WorkScope): Promise<string[]> {
    const rows: { transfer_id: string }[] = await tx.transaction.query(
      `SELECT DISTINCT "transfer_id" FROM "transfer_subjects" WHERE "status" IN ${IN_FLIGHT} AND ${IN_SCOPE} ORDER BY "transfer_id"`,
      [scope.consentIds, scope.offerIds, scope.individualIds],
    );
    return rows.map((row) => row.transfer_id);
  }

  /** Under the transfer's lock: the states of its subjects of this scope still in flight. */
  async subjectsInFlight(tx: TransactionalContext, transferId: string, scope: WorkScope): Promise<SubjectSnapshot[]> {
    const rows: SubjectRow[] = await tx.transaction.query(
      `SELECT ${SUBJECT_COLUMNS} FROM "transfer_subjects" WHERE "status" IN ${IN_FLIGHT} AND ${IN_SCOPE} AND "transfer_id" = $4`,
      [scope.consentIds, scope.offerIds, scope.individualIds, transferId],
    );
    return rows.map((row) => ({ subjectId: row.subject_id, state: subjectRowState(row) }));
  }

  /** Transfers (in id order) where this individual is in a downloadable part. */
  async transfersWithReadySubjectsOf(tx: TransactionalContext, individualId: string): Promise<string[]> {
    const rows: { transfer_id: string }[] = await tx.transaction.query(
      `SELECT DISTINCT "transfer_id" FROM "transfer_subjects" WHERE "individual_id" = $1 AND "status" = 'ready' ORDER BY "transfer_id"`,
      [individualId],
    );
    return rows.map((row) => row.transfer_id);
  }

  /** Under the transfer's lock: the downloadable parts that hold this individual. */
  async readyPartsOf(tx: TransactionalContext, transferId: string, individualId: string): Promise<number[]> {
    const rows: { part: number }[] = await tx.transaction.query(
      `SELECT DISTINCT "part" FROM "transfer_subjects" WHERE "transfer_id" = $1 AND "individual_id" = $2 AND "status" = 'ready'`,
      [transferId, individualId],
    );
    return rows.map((row) => row.part);
  }

  /** The subject waiting on this approval request (found before its transfer is locked; re-read after). */
  async findAwaitingApproval(tx: TransactionalContext, approvalRequestId: string): Promise<TransferSubjectEntity | null> {
    return tx.transaction.findOne(TransferSubjectEntity, { where: { approvalRequestId, status: 'awaiting_approval' } });
  }

  /** Under the transfer's lock: the subject, if it still awaits approval. */
  async subjectAwaitingApproval(tx: TransactionalContext, transferId: string, subjectId: string): Promise<SubjectSnapshot | null> {
    const row = await tx.transaction.findOne(TransferSubjectEntity, { where: { transferId, subjectId, status: 'awaiting_approval' } });
    return row === null ? null : { subjectId: row.subjectId, state: subjectStateOf(row) };
  }

  /**
   * Settles the transfer's status from its status counters (one row, however many parts): `decideTransfer`
   * says whether it moves, and the state `evolveTransfer` leaves (with ready/delivered times) is stored.
   */
  async settleStatus(tx: TransactionalContext, transfer: TransferEntity, now: Date): Promise<TransferStatus> {
    const [counts]: TransferCounts[] = await tx.transaction.query(
      `SELECT "parts_ready" AS "partsReady", "parts_stale" AS "partsStale", "parts_delivered" AS "partsDelivered",
              "parts_expired" AS "partsExpired", "subjects_pending" AS "subjectsPending",
              "subjects_awaiting_approval" AS "subjectsAwaitingApproval"
         FROM "transfers" WHERE "id" = $1`,
      [transfer.id],
    );
    const state = transferStateOf(transfer);
    const decision = decideTransfer({ type: 'settle', counts, now }, state);
    if (decision.outcome === 'refused') return transfer.status;
    const next = decision.events.reduce(evolveTransfer, state);
    const readyAt = 'readyAt' in next ? next.readyAt : transfer.readyAt;
    const deliveredAt = 'deliveredAt' in next ? next.deliveredAt : transfer.deliveredAt;
    if (next.status !== transfer.status || readyAt !== transfer.readyAt || deliveredAt !== transfer.deliveredAt) {
      await tx.transaction.update(TransferEntity, { id: transfer.id }, { status: next.status, readyAt, deliveredAt, updatedAt: now });
    }
    return next.status;
  }
}

/** The part columns a state is read from (the package only as whether it is still held). */
const PART_COLUMNS = `"part", "status", "generation", "expires_at", "delivered_at", "built_at", "package" IS NOT NULL AS "has_package"`;

interface PartRow {
  part: number;
  status: PartStatus;
  generation: number;
  expires_at: Date;
  delivered_at: Date | null;
  built_at: Date;
  has_package: boolean;
}

function partRowState(row: PartRow): PartState {
  return partStateOf({
    status: row.status,
    generation: row.generation,
    expiresAt: row.expires_at,
    deliveredAt: row.delivered_at,
    builtAt: row.built_at,
    package: row.has_package ? '' : null,
  });
}

/**
 * The subject columns packaging and delivery work from, named as the entity's properties (not the reservation and
 * update times, which neither reads). The arrays come as JSON (`array_to_json`): a part's 1,000 subjects hold about
 * 11,000 array elements, which node-postgres parses one by one from text array literals in JavaScript, and JSON.parse natively.
 */
const WORK_SUBJECT_COLUMNS = `"transfer_id" AS "transferId", "subject_id" AS "subjectId", "individual_id" AS "individualId",
  "offer_id" AS "offerId", "consent_id" AS "consentId", "consent_version" AS "consentVersion", "status", "reason", "part",
  "approval_request_id" AS "approvalRequestId", array_to_json("items") AS "items", array_to_json("record_digests") AS "recordDigests",
  array_to_json("record_ids") AS "recordIds", array_to_json("record_versions") AS "recordVersions"`;

/** The subject columns a state is read from. */
const SUBJECT_COLUMNS = `"subject_id", "status", "reason", "part", "approval_request_id"`;

interface SubjectRow {
  subject_id: string;
  status: SubjectStatus;
  reason: string | null;
  part: number | null;
  approval_request_id: string | null;
}

function subjectRowState(row: SubjectRow): SubjectState {
  return subjectStateOf({ status: row.status, reason: row.reason, part: row.part, approvalRequestId: row.approval_request_id });
}

/** A stored subject as the lifecycle model sees it. */
export function subjectStateOf(subject: Pick<TransferSubjectEntity, 'status' | 'reason' | 'part' | 'approvalRequestId'>): SubjectState {
  switch (subject.status) {
    case 'pending':
      return { status: 'pending', part: subject.part };
    case 'awaiting_approval':
      return { status: 'awaiting_approval', approvalRequestId: subject.approvalRequestId as string };
    case 'ready':
    case 'delivered':
      return { status: subject.status, part: subject.part as number };
    case 'denied':
      return { status: 'denied', reason: subject.reason as DenialReason };
    case 'expired':
      return { status: 'expired', part: subject.part };
  }
}

/** The columns a subject state is stored in. */
function subjectColumns(state: SubjectState): {
  status: SubjectStatus;
  reason: string | null;
  part: number | null;
  approvalRequestId: string | null;
} {
  switch (state.status) {
    case 'none':
      throw new Error('a subject with no state is not stored');
    case 'awaiting_approval':
      return { status: state.status, reason: null, part: null, approvalRequestId: state.approvalRequestId };
    case 'denied':
      return { status: state.status, reason: state.reason, part: null, approvalRequestId: null };
    default:
      return { status: state.status, reason: null, part: state.part, approvalRequestId: null };
  }
}

function storedPartStatus(state: PartState): PartStatus {
  if (state.status === 'none') throw new Error('a part with no state is not stored');
  return state.status;
}

/** A stored transfer as the lifecycle model sees it. */
export function transferStateOf(transfer: Pick<TransferEntity, 'status' | 'readyAt' | 'deliveredAt'>): TransferState {
  if (transfer.status === 'requested' || transfer.status === 'cancelled') return { status: transfer.status };
  return { status: transfer.status, readyAt: transfer.readyAt, deliveredAt: transfer.deliveredAt };
}

/** A stored part as the lifecycle model sees it. */
export function partStateOf(
  part: Pick<TransferPartEntity, 'status' | 'generation' | 'expiresAt' | 'deliveredAt' | 'builtAt' | 'package'>,
): PartState {
  switch (part.status) {
    case 'ready':
      return { status: 'ready', generation: part.generation, expiresAt: part.expiresAt };
    case 'delivered':
      return {
        status: 'delivered',
        generation: part.generation,
        expiresAt: part.expiresAt,
        deliveredAt: part.deliveredAt ?? part.builtAt,
        bytesKept: part.package !== null,
      };
    default:
      return { status: part.status, generation: part.generation };
  }
}
