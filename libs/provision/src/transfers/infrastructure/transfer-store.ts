import type { EntityManager } from 'typeorm';
import { transferStatusFromCounts, type SubjectStatus, type TransferCounts, type TransferStatus } from '../domain/transfer-status';
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

/** Locks the transfer row for the rest of the transaction (builders of one transfer run one at a time). */
export async function lockTransfer(manager: EntityManager, transferId: string): Promise<TransferEntity | null> {
  return manager.findOne(TransferEntity, { where: { id: transferId }, lock: { mode: 'pessimistic_write' } });
}

/** Inserts admitted subjects with one statement per 5,000 (unnest keeps the parameter count fixed). */
export async function insertSubjects(
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
export async function reservationCounts(
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

/** Serialises admission of subjects to one offer (fetch-limit reservations) for the rest of the transaction. */
export async function lockOfferReservations(manager: EntityManager, offerId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('transfer-reservations:' || $1, 0))`, [offerId]);
}

/**
 * Recomputes the transfer's status from its status counters (kept on the transfer row in the same statement
 * as every part and subject write) and stores it (with ready/delivered times). Reads one row, however many parts.
 */
export async function refreshTransferStatus(manager: EntityManager, transfer: TransferEntity, now: Date): Promise<TransferStatus> {
  const [counts]: TransferCounts[] = await manager.query(
    `SELECT "parts_ready" AS "partsReady", "parts_stale" AS "partsStale", "parts_delivered" AS "partsDelivered",
            "parts_expired" AS "partsExpired", "subjects_pending" AS "subjectsPending",
            "subjects_awaiting_approval" AS "subjectsAwaitingApproval"
       FROM "transfers" WHERE "id" = $1`,
    [transfer.id],
  );
  const status = transferStatusFromCounts(transfer.status, counts);
  const readyAt = transfer.readyAt ?? (status === 'ready' || status === 'delivered' ? now : null);
  const deliveredAt = status === 'delivered' ? (transfer.deliveredAt ?? now) : transfer.deliveredAt;
  if (status !== transfer.status || readyAt !== transfer.readyAt || deliveredAt !== transfer.deliveredAt) {
    await manager.update(TransferEntity, { id: transfer.id }, { status, readyAt, deliveredAt, updatedAt: now });
  }
  return status;
}
