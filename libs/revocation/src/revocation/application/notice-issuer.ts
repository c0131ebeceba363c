import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, enqueueJob, withActor, withTransaction, type AppConfig, type TransactionalContext } from '@infobank/platform';
import type { ProvisionForNotice } from '@infobank/provision';
import { NOTICE_REASONS, type NoticeKind } from '../domain/notice';
import { WithdrawalNoticeStore } from '../infrastructure/withdrawal-notice.store';
import { DELIVER_NOTICE_WEBHOOK_JOB } from '../../revocation.jobs';

const ISSUER_ACTOR = { type: 'system', name: 'revocation.notices' } as const;

/** What caused the notices and which provisions it touches. */
export interface IssueNoticesCommand {
  kind: NoticeKind;
  /** Names the cause (`consent:<id>`, `order:<id>`, `erasure:<id>`, `data-life:<run>`): one notice per recipient per cause. */
  sourceKey: string;
  provisions: readonly ProvisionForNotice[];
}

/**
 * Issues withdrawal notices in the caller's transaction, at `tx.now()`: one per recipient holding affected data,
 * covering only provisions not yet noticed for this kind (a provision is noticed once per kind:
 * uq_withdrawal_notice_provisions_provision_kind), due NOTICE_DUE_MINUTES later, each with its webhook
 * delivery job. The same cause run again issues nothing (uq_withdrawal_notices_recipient_source).
 */
@Injectable()
export class NoticeIssuer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notices: WithdrawalNoticeStore,
  ) {}

  /** Returns the ids of the notices issued (none when every provision was already noticed). */
  async issue(tx: TransactionalContext, command: IssueNoticesCommand): Promise<string[]> {
    const byRecipient = new Map<string, Map<string, ProvisionForNotice>>();
    for (const provision of command.provisions) {
      const held = byRecipient.get(provision.recipientId) ?? new Map<string, ProvisionForNotice>();
      held.set(provision.provisionId, provision);
      byRecipient.set(provision.recipientId, held);
    }
    const issued: string[] = [];
    const now = tx.now();
    // Recipients and provisions in id order, so that two issuers touching the same rows lock them in one order.
    for (const recipientId of [...byRecipient.keys()].sort()) {
      const provisions = [...(byRecipient.get(recipientId) as Map<string, ProvisionForNotice>).values()].sort((a, b) =>
        a.provisionId < b.provisionId ? -1 : a.provisionId > b.provisionId ? 1 : 0,
      );
      const noticeId = await this.issueTo(tx, recipientId, provisions, command, now);
      if (noticeId !== null) issued.push(noticeId);
    }
    return issued;
  }

  private async issueTo(
    tx: TransactionalContext,
    recipientId: string,
    provisions: readonly ProvisionForNotice[],
    command: IssueNoticesCommand,
    now: Date,
  ): Promise<string | null> {
    const noticeId = randomUUID();
    const dueAt = new Date(now.getTime() + this.config.notices.dueMinutes * 60_000);
    // The notice row goes first (its provisions reference it); it is filled in, or removed, once we know
    // which provisions are new for this kind.
    const created = await this.notices.createOpen(tx, {
      id: noticeId,
      recipientId,
      kind: command.kind,
      sourceKey: command.sourceKey,
      reason: NOTICE_REASONS[command.kind].en,
      issuedAt: now,
      dueAt,
    });
    if (!created) return null;
    const inserted = new Set(await this.notices.addProvisions(tx, noticeId, command.kind, provisions));
    const fresh = provisions.filter((provision) => inserted.has(provision.provisionId));
    if (fresh.length === 0) {
      await this.notices.delete(tx, noticeId);
      return null;
    }
    const offers = new Set(fresh.map((provision) => provision.offerId));
    await this.notices.fill(tx, noticeId, {
      subjects: sortedDistinct(fresh.map((provision) => provision.subjectId)),
      transfers: sortedDistinct(fresh.map((provision) => provision.transferId)),
      offerId: offers.size === 1 ? [...offers][0] : null,
    });
    await enqueueJob(withTransaction(withActor(tx, ISSUER_ACTOR), tx.transaction), DELIVER_NOTICE_WEBHOOK_JOB, { noticeId });
    return noticeId;
  }
}

function sortedDistinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
