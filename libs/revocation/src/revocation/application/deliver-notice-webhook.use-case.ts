import { Inject, Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@infobank/catalog';
import { BankKeyRing } from '@infobank/crypto';
import { APP_CONFIG, Transactions, withoutTransaction, type AppConfig, type RequestContext } from '@infobank/platform';
import type { WebhookOutcome } from '../infrastructure/webhook-delivery.entity';
import { WebhookDeliveryStore } from '../infrastructure/webhook-delivery.store';
import { WebhookClient, type WebhookPostResult } from '../infrastructure/webhook-client';
import { WithdrawalNoticeQueries } from '../infrastructure/withdrawal-notice.queries';
import { noticeView } from './notice-view';

/** JOSE `typ` of the notice a webhook carries, signed by the bank. */
export const WITHDRAWAL_NOTICE_JWS_TYPE = 'withdrawal-notice+jws';

/** Which notice to POST to its recipient's webhook. */
export interface DeliverNoticeWebhookCommand {
  noticeId: string;
}

/**
 * What one delivery did. `skipped`: nothing to send (no such notice, the recipient registered no
 * webhook and pulls its notices, or an earlier attempt was delivered). Otherwise the attempt logged.
 */
export type NoticeWebhookDelivery =
  | { outcome: 'skipped'; reason: 'no-notice' | 'no-webhook' | 'already-delivered' }
  | { outcome: WebhookOutcome; attempt: number; statusCode: number | null; error: string | null };

/**
 * POSTs a notice to its recipient's webhook as a compact JWS signed by the bank, and logs the attempt.
 * A 2xx answer is `delivered`; any other answer or none is `failed` (the job retries); a URL that is
 * not https or resolves to a non-public address is `refused` and nothing is sent. Each attempt's log
 * row commits in its own transaction, so it survives the job's rollback when the job fails.
 */
@Injectable()
export class DeliverNoticeWebhookUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly notices: WithdrawalNoticeQueries,
    private readonly deliveries: WebhookDeliveryStore,
    private readonly directory: OrganisationDirectory,
    private readonly keyRing: BankKeyRing,
    private readonly client: WebhookClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(ctx: RequestContext, command: DeliverNoticeWebhookCommand): Promise<NoticeWebhookDelivery> {
    const notice = await this.notices.find(ctx, command.noticeId);
    if (notice === null) return { outcome: 'skipped', reason: 'no-notice' };
    if (await this.deliveries.wasDelivered(ctx, notice.id)) return { outcome: 'skipped', reason: 'already-delivered' };
    const url = await this.directory.findWebhookUrl(ctx, notice.recipientId);
    if (url === null) return { outcome: 'skipped', reason: 'no-webhook' };

    const { noticeId, kind, subjects, transfers, offerId, reason, issuedAt, dueAt } = noticeView(notice);
    const body = await this.keyRing.signJws(
      { noticeId, kind, subjects, transfers, offerId, reason, issuedAt, dueAt },
      { typ: WITHDRAWAL_NOTICE_JWS_TYPE },
    );
    const attemptedAt = ctx.now();
    const result = await this.client.post(url, body, { allowLocal: this.config.webhooks.allowLocal });
    return this.record(ctx, notice.id, attemptedAt, result);
  }

  private async record(
    ctx: RequestContext,
    noticeId: string,
    attemptedAt: Date,
    result: WebhookPostResult,
  ): Promise<NoticeWebhookDelivery> {
    const logged = loggedOutcome(result);
    // Its own transaction, not the job's: a failed attempt rolls the job back but must stay in the log.
    const attempt = await this.transactions.runOwn(withoutTransaction(ctx), (tx) =>
      this.deliveries.logNext(tx, noticeId, { attemptedAt, ...logged }),
    );
    return { ...logged, attempt };
  }
}

function loggedOutcome(result: WebhookPostResult): { outcome: WebhookOutcome; statusCode: number | null; error: string | null } {
  switch (result.kind) {
    case 'refused':
      return { outcome: 'refused', statusCode: null, error: result.reason };
    case 'unanswered':
      return { outcome: 'failed', statusCode: null, error: result.reason };
    case 'answered':
      return result.statusCode >= 200 && result.statusCode < 300
        ? { outcome: 'delivered', statusCode: result.statusCode, error: null }
        : { outcome: 'failed', statusCode: result.statusCode, error: `status ${result.statusCode}` };
  }
}
