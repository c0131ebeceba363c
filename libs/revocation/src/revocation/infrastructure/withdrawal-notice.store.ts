import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import type { ProvisionForNotice } from '@infobank/provision';
import { In } from 'typeorm';
import type { NoticeKind } from '../domain/notice';
import { WithdrawalNoticeEntity } from './withdrawal-notice.entity';

/** Rows per statement: an order or a data-life run can cover hundreds of thousands of provisions. */
const CHUNK = 5_000;

/** A notice about to be issued, before its provisions are known to be new for its kind. */
export interface OpenNoticeRow {
  id: string;
  recipientId: string;
  kind: NoticeKind;
  sourceKey: string;
  reason: string;
  issuedAt: Date;
  dueAt: Date;
}

/** What a verified attestation writes onto its notice. */
export interface AttestationRow {
  attestedAt: Date;
  attestationJws: string;
  attestationKid: string;
  deletedAt: Date;
  statement: string;
}

/** Writes of withdrawal_notices and withdrawal_notice_provisions, all in the caller's transaction. */
@Injectable()
export class WithdrawalNoticeStore {
  /** Inserts an open notice unless the recipient already has one for this cause; returns whether it was inserted. */
  async createOpen(tx: TransactionalContext, notice: OpenNoticeRow): Promise<boolean> {
    const created: { id: string }[] = await tx.transaction.query(
      `INSERT INTO "withdrawal_notices"
         ("id", "recipient_id", "kind", "source_key", "offer_id", "reason", "subjects", "transfers", "status", "issued_at", "due_at")
       VALUES ($1, $2, $3, $4, NULL, $5, '{}', '{}', 'open', $6, $7)
       ON CONFLICT ON CONSTRAINT "uq_withdrawal_notices_recipient_source" DO NOTHING
       RETURNING "id"`,
      [notice.id, notice.recipientId, notice.kind, notice.sourceKey, notice.reason, notice.issuedAt, notice.dueAt],
    );
    return created.length === 1;
  }

  /** Inserts the notice's provisions, skipping those already noticed for this kind; returns the provision ids inserted. */
  async addProvisions(
    tx: TransactionalContext,
    noticeId: string,
    kind: NoticeKind,
    provisions: readonly ProvisionForNotice[],
  ): Promise<string[]> {
    const inserted: string[] = [];
    for (let start = 0; start < provisions.length; start += CHUNK) {
      const chunk = provisions.slice(start, start + CHUNK);
      const rows: { provision_id: string }[] = await tx.transaction.query(
        `INSERT INTO "withdrawal_notice_provisions" ("notice_id", "provision_id", "kind", "individual_id", "consent_id")
         SELECT $1, p."provision_id", $2, p."individual_id", p."consent_id"
           FROM unnest($3::uuid[], $4::uuid[], $5::uuid[]) AS p("provision_id", "individual_id", "consent_id")
         ON CONFLICT ON CONSTRAINT "uq_withdrawal_notice_provisions_provision_kind" DO NOTHING
         RETURNING "provision_id"`,
        [
          noticeId,
          kind,
          chunk.map((provision) => provision.provisionId),
          chunk.map((provision) => provision.individualId),
          chunk.map((provision) => provision.consentId),
        ],
      );
      for (const row of rows) inserted.push(row.provision_id);
    }
    return inserted;
  }

  /** Removes a notice that turned out to cover nothing new. */
  async delete(tx: TransactionalContext, noticeId: string): Promise<void> {
    await tx.transaction.query(`DELETE FROM "withdrawal_notices" WHERE "id" = $1`, [noticeId]);
  }

  /** Fills in what the notice covers. */
  async fill(
    tx: TransactionalContext,
    noticeId: string,
    covers: { subjects: string[]; transfers: string[]; offerId: string | null },
  ): Promise<void> {
    await tx.transaction.query(
      `UPDATE "withdrawal_notices" SET "subjects" = $2::text[], "transfers" = $3::uuid[], "offer_id" = $4 WHERE "id" = $1`,
      [noticeId, covers.subjects, covers.transfers, covers.offerId],
    );
  }

  /** Of these provisions, those already noticed for their data-life end. */
  async noticedAsDataLifeEnded(tx: TransactionalContext, provisionIds: readonly string[]): Promise<Set<string>> {
    const noticed: { provision_id: string }[] = await tx.transaction.query(
      `SELECT "provision_id" FROM "withdrawal_notice_provisions" WHERE "kind" = 'data_life_ended' AND "provision_id" = ANY($1::uuid[])`,
      [provisionIds],
    );
    return new Set(noticed.map((row) => row.provision_id));
  }

  /**
   * Marks up to `limit` open notices due by `now` overdue, oldest due first; returns how many. SKIP LOCKED:
   * a notice being attested right now is left to its attestation.
   */
  async markOverdue(tx: TransactionalContext, now: Date, limit: number): Promise<number> {
    const [{ marked }]: Array<{ marked: number }> = await tx.transaction.query(
      `WITH marked AS (
         UPDATE withdrawal_notices SET status = 'overdue', overdue_at = $1
          WHERE id IN (
            SELECT id FROM withdrawal_notices
             WHERE status = 'open' AND due_at <= $1
             ORDER BY due_at, id
             LIMIT $2
             FOR UPDATE SKIP LOCKED)
          RETURNING id)
       SELECT count(*)::int AS marked FROM marked`,
      [now, limit],
    );
    return marked;
  }

  /** Locks the recipient's notice for update; null when it is not theirs or does not exist. */
  lockOwn(tx: TransactionalContext, noticeId: string, recipientId: string): Promise<WithdrawalNoticeEntity | null> {
    return tx.transaction.findOne(WithdrawalNoticeEntity, { where: { id: noticeId, recipientId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Marks an open or overdue notice attested; returns whether it did. */
  async markAttested(tx: TransactionalContext, noticeId: string, attestation: AttestationRow): Promise<boolean> {
    const attested = await tx.transaction.update(
      WithdrawalNoticeEntity,
      { id: noticeId, status: In(['open', 'overdue']) },
      { status: 'attested', ...attestation },
    );
    return attested.affected === 1;
  }

  /** The consents (and their individuals) the notice's provisions were made under, in consent id order. */
  consentsOf(tx: TransactionalContext, noticeId: string): Promise<Array<{ consent_id: string; individual_id: string }>> {
    return tx.transaction.query(
      `SELECT DISTINCT consent_id, individual_id FROM withdrawal_notice_provisions WHERE notice_id = $1 ORDER BY consent_id`,
      [noticeId],
    );
  }

  /**
   * How many notices covering the consent are not attested yet, after taking the consent's completion
   * lock: checks for one consent run one at a time, each after the other's commit is visible.
   */
  async unattestedOfConsent(tx: TransactionalContext, consentId: string): Promise<number> {
    await tx.transaction.query(`SELECT pg_advisory_xact_lock(hashtextextended('withdrawal-completion:' || $1, 0))`, [consentId]);
    const [{ unattested }]: Array<{ unattested: number }> = await tx.transaction.query(
      `SELECT count(*)::int AS unattested
         FROM withdrawal_notices n
        WHERE n.status <> 'attested'
          AND n.id IN (SELECT p.notice_id FROM withdrawal_notice_provisions p WHERE p.consent_id = $1)`,
      [consentId],
    );
    return unattested;
  }
}
