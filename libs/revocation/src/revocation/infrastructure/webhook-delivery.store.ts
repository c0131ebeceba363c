import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { WebhookDeliveryEntity, type WebhookOutcome } from './webhook-delivery.entity';

/** One webhook attempt as logged. */
export interface WebhookAttempt {
  attemptedAt: Date;
  outcome: WebhookOutcome;
  statusCode: number | null;
  error: string | null;
}

/** webhook_deliveries: the log of every attempt to POST a notice to its recipient's webhook. */
@Injectable()
export class WebhookDeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** True once an attempt for the notice was delivered. */
  wasDelivered(ctx: RequestContext, noticeId: string): Promise<boolean> {
    return (ctx.transaction ?? this.dataSource.manager).exists(WebhookDeliveryEntity, { where: { noticeId, outcome: 'delivered' } });
  }

  /**
   * Logs the next attempt on the notice and returns its number. Locks the notice row first, which
   * serialises attempts on one notice so that their numbers do not collide.
   */
  async logNext(tx: TransactionalContext, noticeId: string, attempt: WebhookAttempt): Promise<number> {
    const manager = tx.transaction;
    await manager.query(`SELECT 1 FROM "withdrawal_notices" WHERE "id" = $1 FOR UPDATE`, [noticeId]);
    const previous = await manager.count(WebhookDeliveryEntity, { where: { noticeId } });
    await manager.insert(WebhookDeliveryEntity, { id: randomUUID(), noticeId, attempt: previous + 1, ...attempt });
    return previous + 1;
  }
}
