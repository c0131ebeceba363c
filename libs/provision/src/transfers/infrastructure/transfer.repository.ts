import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { decideTransfer, evolveTransfer, type PartState, type TransferState } from '../domain/transfer-lifecycle';
import type { DenialReason, SubjectStatus, TransferCounts, TransferStatus } from '../domain/transfer-status';
import { TransferPartEntity } from './transfer-part.entity';
import { TransferSubjectEntity } from './transfer-subject.entity';
import { TransferEntity } from './transfer.entity';

/** A subject row as admission writes it. */
export interface NewTransferSubject {
  subjectId: string;
  individualId: string | null;
  consentId: string | null;
  consentVersion: number | null;
  status: SubjectStatus;
  reason: string | null;
  approvalRequestId: string | null;
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

/** A subject denied, and why. */
export interface DeniedSubject {
  subjectId: string;
  reason: DenialReason;
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
 * after the transfer. Every method joins the caller's transaction (`manager`); the status counters on the
 * transfer row are kept by the database in the same statement as each part or subject write.
 */
@Injectable()
export class TransferRepository {
  /** Locks the transfer row for the rest of the transaction (of this recipient, when given). */
  async lockTransfer(manager: EntityManager, transferId: string, recipientId?: string): Promise<TransferEntity | null> {
    return manager.findOne(TransferEntity, {
      where: recipientId === undefined ? { id: transferId } : { id: transferId, recipientId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Locks one part of a transfer already locked. */
  async lockPart(manager: EntityManager, transferId: string, part: number): Promise<TransferPartEntity | null> {
    return manager.findOne(TransferPartEntity, { where: { transferId, part }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Locks up to `batch` transfers holding parts past their expiry (in id order, skipping busy ones, which wait
   * for the next run), then those parts; returns the parts.
   */
  async lockExpiredParts(
    manager: EntityManager,
    now: Date,
    batch: number,
  ): Promise<{ transferId: string; part: number; status: TransferPartEntity['status'] }[]> {
    const locked: { id: string }[] = await manager.query(
      `SELECT "id" FROM "transfers" WHERE "id" IN (
         SELECT DISTINCT "transfer_id" FROM "transfer_parts" WHERE "package" IS NOT NULL AND "expires_at" <= $1 LIMIT ${batch})
       ORDER BY "id" FOR UPDATE SKIP LOCKED`,
      [now],
    );
    const parts: { transfer_id: string; part: number; status: TransferPartEntity['status'] }[] = await manager.query(
      `SELECT "transfer_id", "part", "status" FROM "transfer_parts"
        WHERE "transfer_id" = ANY($2::uuid[]) AND "package" IS NOT NULL AND "expires_at" <= $1 ORDER BY "transfer_id", "part" FOR UPDATE`,
      [now, locked.map((row) => row.id)],
    );
    return parts.map((row) => ({ transferId: row.transfer_id, part: row.part, status: row.status }));
  }

  /** Serialises admission of subjects to one offer (fetch-limit reservations) for the rest of the transaction. */
  async lockOfferReservations(manager: EntityManager, offerId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('transfer-reservations:' || $1, 0))`, [offerId]);
  }

  /** The recipient's transfer under this Idempotency-Key, if any. */
  async findByIdempotencyKey(manager: EntityManager, recipientId: string, idempotencyKey: string): Promise<TransferEntity | null> {
    return manager.findOne(TransferEntity, { where: { recipientId, idempotencyKey } });
  }

  /** Inserts a requested transfer; false when one with the same Idempotency-Key committed first. */
  async insertRequested(
    manager: EntityManager,
    transfer: Pick<TransferEntity, 'id' | 'recipientId' | 'offerId' | 'idempotencyKey' | 'requestDigest' | 'requestedSubjects'>,
    now: Date,
  ): Promise<boolean> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(TransferEntity)
      .values({ ...transfer, status: 'requested', partCount: 0, requestedAt: now, updatedAt: now, readyAt: null, deliveredAt: null })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** Stores a transfer's new status (admitted: processing, or cancelled). */
  async setStatus(manager: EntityManager, transferId: string, status: TransferStatus, now: Date): Promise<void> {
    await manager.update(TransferEntity, { id: transferId }, { status, updatedAt: now });
  }

  /** Inserts admitted subjects with one statement per 5,000 (unnest keeps the parameter count fixed). */
  async insertSubjects(
    manager: EntityManager,
    transfer: { id: string; offerId: string },
    subjects: readonly NewTransferSubject[],
    now: Date,
  ): Promise<void> {
    for (let start = 0; start < subjects.length; start += 5000) {
      const chunk = subjects.slice(start, start + 5000);
      await manager.query(
        `INSERT INTO "transfer_subjects"
           ("transfer_id", "subject_id", "individual_id", "offer_id", "consent_id", "consent_version", "status", "reason",
            "approval_request_id", "reserved_at", "updated_at")
         SELECT $1, s."subject_id", s."individual_id", $2, s."consent_id", s."consent_version", s."status", s."reason",
                s."approval_request_id", $3, $3
           FROM unnest($4::text[], $5::uuid[], $6::uuid[], $7::integer[], $8::text[], $9::text[], $10::uuid[])
             AS s("subject_id", "individual_id", "consent_id", "consent_version", "status", "reason", "approval_request_id")
         ON CONFLICT ON CONSTRAINT "pk_transfer_subjects" DO NOTHING`,
        [
          transfer.id,
          transfer.offerId,
          now,
          chunk.map((subject) => subject.subjectId),
          chunk.map((subject) => subject.individualId),
          chunk.map((subject) => subject.consentId),
          chunk.map((subject) => subject.consentVersion),
          chunk.map((subject) => subject.status),
          chunk.map((subject) => subject.reason),
          chunk.map((subject) => subject.approvalRequestId),
        ],
      );
    }
  }

  /**
   * How many times each individual already counts against the offer's fetch limit since `since` (null:
   * ever), in other transfers: subjects admitted and not released (denied or expired ones are released).
   */
  async reservationCounts(
    manager: EntityManager,
    offerId: string,
    individualIds: readonly string[],
    since: Date | null,
    exceptTransferId: string,
  ): Promise<Map<string, number>> {
    if (individualIds.length === 0) return new Map();
    const rows: { individual_id: string; count: number }[] = await manager.query(
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
  async findStalePart(manager: EntityManager, transferId: string): Promise<TransferPartEntity | null> {
    return manager.findOne(TransferPartEntity, { where: { transferId, status: 'stale' }, order: { part: 'ASC' } });
  }

  /** Pending subjects of a stale part (all of them), or up to `limit` pending subjects in no part yet. */
  async pendingSubjects(manager: EntityManager, transferId: string, part: number | null, limit: number): Promise<TransferSubjectEntity[]> {
    return manager.find(TransferSubjectEntity, {
      where: { transferId, status: 'pending', part: part === null ? IsNull() : part },
      order: { subjectId: 'ASC' },
      ...(part === null ? { take: limit } : {}),
    });
  }

  /** The subjects of a part in one status, in subject order. */
  async subjectsOfPart(
    manager: EntityManager,
    transferId: string,
    part: number,
    status: 'ready' | 'delivered',
  ): Promise<TransferSubjectEntity[]> {
    return manager.find(TransferSubjectEntity, { where: { transferId, part, status }, order: { subjectId: 'ASC' } });
  }

  /** Stores a newly sealed part (ready, generation 1) and the transfer's part count. */
  async insertPart(manager: EntityManager, transferId: string, part: number, sealed: SealedPart): Promise<void> {
    await manager.insert(TransferPartEntity, { transferId, part, generation: 1, status: 'ready', deliveredAt: null, ...sealed });
    await manager.update(TransferEntity, { id: transferId }, { partCount: part });
  }

  /** Stores a stale part rebuilt: ready again at the next generation, or void with no subject left. */
  async storeRebuiltPart(manager: EntityManager, stale: TransferPartEntity, sealed: SealedPart | null): Promise<void> {
    const where = { transferId: stale.transferId, part: stale.part };
    if (sealed === null) {
      await manager.update(TransferPartEntity, where, { status: 'void', package: null, packageDigest: null });
      return;
    }
    await manager.update(TransferPartEntity, where, { status: 'ready', deliveredAt: null, generation: stale.generation + 1, ...sealed });
  }

  /** Marks packaged subjects ready in their part, with what their provision record will say. */
  async markPackaged(
    manager: EntityManager,
    transferId: string,
    part: number,
    entries: readonly PackagedEntry[],
    now: Date,
  ): Promise<void> {
    await manager.query(
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
        WHERE s."transfer_id" = $1 AND s."subject_id" = r."subject_id"`,
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

  /** Marks subjects denied with their reasons (they leave any part they were in). */
  async denySubjects(manager: EntityManager, transferId: string, denied: readonly DeniedSubject[], now: Date): Promise<void> {
    if (denied.length === 0) return;
    await manager.query(
      `UPDATE "transfer_subjects" s SET "status" = 'denied', "reason" = d."reason", "part" = NULL, "updated_at" = $2
         FROM unnest($3::text[], $4::text[]) AS d("subject_id", "reason")
        WHERE s."transfer_id" = $1 AND s."subject_id" = d."subject_id"`,
      [transferId, now, denied.map((entry) => entry.subjectId), denied.map((entry) => entry.reason)],
    );
  }

  /**
   * Makes these downloadable parts stale (package cleared) and puts their ready subjects back to pending under
   * the same part number, for the builder to package again; returns how many parts it changed.
   */
  async makePartsStale(manager: EntityManager, transferId: string, parts: readonly number[], now: Date): Promise<number> {
    if (parts.length === 0) return 0;
    // Wrapped in a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const stale: { part: number }[] = await manager.query(
      `WITH "stale" AS (
         UPDATE "transfer_parts" SET "status" = 'stale', "package" = NULL, "package_digest" = NULL
          WHERE "transfer_id" = $1 AND "part" = ANY($2::int[]) AND "status" = 'ready'
          RETURNING "part"
       ) SELECT "part" FROM "stale"`,
      [transferId, parts],
    );
    await manager.query(
      `UPDATE "transfer_subjects" SET "status" = 'pending', "updated_at" = $3
        WHERE "transfer_id" = $1 AND "part" = ANY($2::int[]) AND "status" = 'ready'`,
      [transferId, stale.map((row) => row.part), now],
    );
    return stale.length;
  }

  /** Marks a part and its ready subjects delivered (after their provision records are written). */
  async markDelivered(manager: EntityManager, transferId: string, part: number, now: Date): Promise<void> {
    await manager.query(
      `UPDATE "transfer_subjects" SET "status" = 'delivered', "updated_at" = $3 WHERE "transfer_id" = $1 AND "part" = $2 AND "status" = 'ready'`,
      [transferId, part, now],
    );
    await manager.update(TransferPartEntity, { transferId, part }, { status: 'delivered', deliveredAt: now });
  }

  /**
   * Deletes the bytes of these locked parts: an undownloaded one becomes `expired` with its subjects (which
   * releases their fetch-limit reservation); a delivered one keeps its status.
   */
  async expireParts(
    manager: EntityManager,
    parts: readonly { transferId: string; part: number; status: TransferPartEntity['status'] }[],
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE "transfer_parts" p SET "package" = NULL, "package_digest" = NULL,
              "status" = CASE WHEN p."status" = 'delivered' THEN 'delivered' ELSE 'expired' END
         FROM unnest($1::uuid[], $2::int[]) AS e("transfer_id", "part")
        WHERE p."transfer_id" = e."transfer_id" AND p."part" = e."part"`,
      [parts.map((part) => part.transferId), parts.map((part) => part.part)],
    );
    const undelivered = parts.filter((part) => part.status !== 'delivered');
    await manager.query(
      `UPDATE "transfer_subjects" s SET "status" = 'expired', "updated_at" = $3
         FROM unnest($1::uuid[], $2::int[]) AS e("transfer_id", "part")
        WHERE s."transfer_id" = e."transfer_id" AND s."part" = e."part" AND s."status" IN ('ready', 'pending')`,
      [undelivered.map((part) => part.transferId), undelivered.map((part) => part.part), now],
    );
  }

  /** Transfers (in id order, the order to lock them in) with a subject of this scope still in flight. */
  async transfersWithWorkInFlight(manager: EntityManager, scope: WorkScope): Promise<string[]> {
    const rows: { transfer_id: string }[] = await manager.query(
      `SELECT DISTINCT "transfer_id" FROM "transfer_subjects" WHERE "status" IN ${IN_FLIGHT} AND ${IN_SCOPE} ORDER BY "transfer_id"`,
      [scope.consentIds, scope.offerIds, scope.individualIds],
    );
    return rows.map((row) => row.transfer_id);
  }

  /** Under the transfer's lock: its subjects of this scope still in flight. */
  async subjectsInFlight(
    manager: EntityManager,
    transferId: string,
    scope: WorkScope,
  ): Promise<{ subjectId: string; status: SubjectStatus; part: number | null }[]> {
    const rows: { subject_id: string; status: SubjectStatus; part: number | null }[] = await manager.query(
      `SELECT "subject_id", "status", "part" FROM "transfer_subjects" WHERE "status" IN ${IN_FLIGHT} AND ${IN_SCOPE} AND "transfer_id" = $4`,
      [scope.consentIds, scope.offerIds, scope.individualIds, transferId],
    );
    return rows.map((row) => ({ subjectId: row.subject_id, status: row.status, part: row.part }));
  }

  /** Transfers (in id order) where this individual is in a downloadable part. */
  async transfersWithReadySubjectsOf(manager: EntityManager, individualId: string): Promise<string[]> {
    const rows: { transfer_id: string }[] = await manager.query(
      `SELECT DISTINCT "transfer_id" FROM "transfer_subjects" WHERE "individual_id" = $1 AND "status" = 'ready' ORDER BY "transfer_id"`,
      [individualId],
    );
    return rows.map((row) => row.transfer_id);
  }

  /** Under the transfer's lock: the downloadable parts that hold this individual. */
  async readyPartsOf(manager: EntityManager, transferId: string, individualId: string): Promise<number[]> {
    const rows: { part: number }[] = await manager.query(
      `SELECT DISTINCT "part" FROM "transfer_subjects" WHERE "transfer_id" = $1 AND "individual_id" = $2 AND "status" = 'ready'`,
      [transferId, individualId],
    );
    return rows.map((row) => row.part);
  }

  /** The subject waiting on this approval request (found before its transfer is locked; re-read after). */
  async findAwaitingApproval(manager: EntityManager, approvalRequestId: string): Promise<TransferSubjectEntity | null> {
    return manager.findOne(TransferSubjectEntity, { where: { approvalRequestId, status: 'awaiting_approval' } });
  }

  /** Under the transfer's lock: the subject, if it still awaits approval. */
  async subjectAwaitingApproval(manager: EntityManager, transferId: string, subjectId: string): Promise<TransferSubjectEntity | null> {
    return manager.findOne(TransferSubjectEntity, { where: { transferId, subjectId, status: 'awaiting_approval' } });
  }

  /** An approved ask-mode subject waits to be packaged. */
  async admitApproved(manager: EntityManager, transferId: string, subjectId: string, now: Date): Promise<void> {
    await manager.update(TransferSubjectEntity, { transferId, subjectId }, { status: 'pending', updatedAt: now });
  }

  /**
   * Settles the transfer's status from its status counters (one row, however many parts): `decideTransfer`
   * says whether it moves, and the state `evolveTransfer` leaves (with ready/delivered times) is stored.
   */
  async settleStatus(manager: EntityManager, transfer: TransferEntity, now: Date): Promise<TransferStatus> {
    const [counts]: TransferCounts[] = await manager.query(
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
      await manager.update(TransferEntity, { id: transfer.id }, { status: next.status, readyAt, deliveredAt, updatedAt: now });
    }
    return next.status;
  }
}

/** A stored transfer as the lifecycle model sees it. */
export function transferStateOf(transfer: Pick<TransferEntity, 'status' | 'readyAt' | 'deliveredAt'>): TransferState {
  if (transfer.status === 'requested' || transfer.status === 'cancelled') return { status: transfer.status };
  return { status: transfer.status, readyAt: transfer.readyAt, deliveredAt: transfer.deliveredAt };
}

/** A stored part as the lifecycle model sees it. */
export function partStateOf(part: TransferPartEntity): PartState {
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
