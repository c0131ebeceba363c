import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, enqueueJob, type AppConfig, withTransaction, createRequestContext } from '@infobank/platform';
import type { ProvisionForNotice } from '@infobank/provision';
import type { EntityManager } from 'typeorm';
import { NOTICE_REASONS, type NoticeKind } from '../domain/notice';
import { DELIVER_NOTICE_WEBHOOK_JOB } from '../../revocation.jobs';

/** Rows per statement: an order or a data-life run can cover hundreds of thousands of provisions. */
const CHUNK = 5_000;

const ISSUER_ACTOR = { type: 'system', name: 'revocation.notices' } as const;

/** What caused the notices and which provisions it touches. */
export interface IssueNoticesCommand {
  kind: NoticeKind;
  /** Names the cause (`consent:<id>`, `order:<id>`, `erasure:<id>`, `data-life:<run>`): one notice per recipient per cause. */
  sourceKey: string;
  provisions: readonly ProvisionForNotice[];
  now: Date;
  correlationId?: string;
}

/**
 * Issues withdrawal notices in the caller's transaction: one per recipient holding affected data,
 * covering only provisions not yet noticed for this kind (a provision is noticed once per kind:
 * uq_withdrawal_notice_provisions_provision_kind), due NOTICE_DUE_MINUTES later, each with its webhook
 * delivery job. The same cause run again issues nothing (uq_withdrawal_notices_recipient_source).
 */
@Injectable()
export class NoticeIssuer {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Returns the ids of the notices issued (none when every provision was already noticed). */
  async issue(manager: EntityManager, command: IssueNoticesCommand): Promise<string[]> {
    const byRecipient = new Map<string, Map<string, ProvisionForNotice>>();
    for (const provision of command.provisions) {
      const held = byRecipient.get(provision.recipientId) ?? new Map<string, ProvisionForNotice>();
      held.set(provision.provisionId, provision);
      byRecipient.set(provision.recipientId, held);
    }
    const issued: string[] = [];
    // Recipients and provisions in id order, so that two issuers touching the same rows lock them in one order.
    for (const recipientId of [...byRecipient.keys()].sort()) {
      const provisions = [...(byRecipient.get(recipientId) as Map<string, ProvisionForNotice>).values()].sort((a, b) =>
        a.provisionId < b.provisionId ? -1 : a.provisionId > b.provisionId ? 1 : 0,
      );
      const noticeId = await this.issueTo(manager, recipientId, provisions, command);
      if (noticeId !== null) issued.push(noticeId);
    }
    return issued;
  }

  private async issueTo(
    manager: EntityManager,
    recipientId: string,
    provisions: readonly ProvisionForNotice[],
    command: IssueNoticesCommand,
  ): Promise<string | null> {
    const noticeId = randomUUID();
    const dueAt = new Date(command.now.getTime() + this.config.notices.dueMinutes * 60_000);
    // The notice row goes first (its provisions reference it); it is filled in, or removed, once we know
    // which provisions are new for this kind.
    const created: { id: string }[] = await manager.query(
      `INSERT INTO "withdrawal_notices"
         ("id", "recipient_id", "kind", "source_key", "offer_id", "reason", "subjects", "transfers", "status", "issued_at", "due_at")
       VALUES ($1, $2, $3, $4, NULL, $5, '{}', '{}', 'open', $6, $7)
       ON CONFLICT ON CONSTRAINT "uq_withdrawal_notices_recipient_source" DO NOTHING
       RETURNING "id"`,
      [noticeId, recipientId, command.kind, command.sourceKey, NOTICE_REASONS[command.kind].en, command.now, dueAt],
    );
    if (created.length === 0) return null;
    const fresh = await insertNoticeProvisions(manager, noticeId, command.kind, provisions);
    if (fresh.length === 0) {
      await manager.query(`DELETE FROM "withdrawal_notices" WHERE "id" = $1`, [noticeId]);
      return null;
    }
    const offers = new Set(fresh.map((provision) => provision.offerId));
    await manager.query(
      `UPDATE "withdrawal_notices" SET "subjects" = $2::text[], "transfers" = $3::uuid[], "offer_id" = $4 WHERE "id" = $1`,
      [
        noticeId,
        sortedDistinct(fresh.map((provision) => provision.subjectId)),
        sortedDistinct(fresh.map((provision) => provision.transferId)),
        offers.size === 1 ? [...offers][0] : null,
      ],
    );
    const jobCtx = withTransaction(createRequestContext(ISSUER_ACTOR, command.correlationId), manager);
    await enqueueJob(jobCtx, DELIVER_NOTICE_WEBHOOK_JOB, { noticeId });
    return noticeId;
  }
}

/** Inserts the notice's provisions, skipping those already noticed for this kind; returns the ones inserted. */
async function insertNoticeProvisions(
  manager: EntityManager,
  noticeId: string,
  kind: NoticeKind,
  provisions: readonly ProvisionForNotice[],
): Promise<ProvisionForNotice[]> {
  const byId = new Map(provisions.map((provision) => [provision.provisionId, provision]));
  const fresh: ProvisionForNotice[] = [];
  for (let start = 0; start < provisions.length; start += CHUNK) {
    const chunk = provisions.slice(start, start + CHUNK);
    const rows: { provision_id: string }[] = await manager.query(
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
    for (const row of rows) fresh.push(byId.get(row.provision_id) as ProvisionForNotice);
  }
  return fresh;
}

function sortedDistinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
