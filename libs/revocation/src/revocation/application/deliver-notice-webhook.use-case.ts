import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@infobank/catalog';
import { BankKeyRing } from '@infobank/crypto';
import { APP_CONFIG, type AppConfig, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { WebhookDeliveryEntity, type WebhookOutcome } from '../infrastructure/webhook-delivery.entity';
import { WebhookClient, type WebhookPostResult } from '../infrastructure/webhook-client';
import { WithdrawalNoticeEntity } from '../infrastructure/withdrawal-notice.entity';
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
    private readonly dataSource: DataSource,
    private readonly directory: OrganisationDirectory,
    private readonly keyRing: BankKeyRing,
    private readonly client: WebhookClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(ctx: RequestContext, command: DeliverNoticeWebhookCommand): Promise<NoticeWebhookDelivery> {
    const manager = ctx.transaction ?? this.dataSource.manager;
    const notice = await manager.findOne(WithdrawalNoticeEntity, { where: { id: command.noticeId } });
    if (notice === null) return { outcome: 'skipped', reason: 'no-notice' };
    const delivered = await manager.exists(WebhookDeliveryEntity, { where: { noticeId: notice.id, outcome: 'delivered' } });
    if (delivered) return { outcome: 'skipped', reason: 'already-delivered' };
    const url = await this.directory.findWebhookUrl(ctx, notice.recipientId);
    if (url === null) return { outcome: 'skipped', reason: 'no-webhook' };

    const { noticeId, kind, subjects, transfers, offerId, reason, issuedAt, dueAt } = noticeView(notice);
    const body = await this.keyRing.signJws(
      { noticeId, kind, subjects, transfers, offerId, reason, issuedAt, dueAt },
      { typ: WITHDRAWAL_NOTICE_JWS_TYPE },
    );
    const attemptedAt = new Date();
    const result = await this.client.post(url, body, { allowLocal: this.config.webhooks.allowLocal });
    return this.record(notice.id, attemptedAt, result);
  }

  private async record(noticeId: string, attemptedAt: Date, result: WebhookPostResult): Promise<NoticeWebhookDelivery> {
    const logged = loggedOutcome(result);
    // Its own transaction, not the job's: a failed attempt rolls the job back but must stay in the log.
    const attempt = await this.dataSource.transaction(async (manager) => {
      // Serialises attempts on one notice so that their numbers do not collide.
      await manager.query(`SELECT 1 FROM "withdrawal_notices" WHERE "id" = $1 FOR UPDATE`, [noticeId]);
      const previous = await manager.count(WebhookDeliveryEntity, { where: { noticeId } });
      await manager.insert(WebhookDeliveryEntity, { id: randomUUID(), noticeId, attempt: previous + 1, attemptedAt, ...logged });
      return previous + 1;
    });
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
