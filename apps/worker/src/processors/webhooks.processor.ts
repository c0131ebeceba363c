import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, LOGGER, type JobContext, type JobHandler } from '@infobank/platform';
import { DELIVER_NOTICE_WEBHOOK_JOB, DeliverNoticeWebhookUseCase } from '@infobank/revocation';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';

type DeliverNoticeWebhookPayload = NonNullable<(typeof DELIVER_NOTICE_WEBHOOK_JOB)['payloadType']>;

/**
 * POSTs a notice to its recipient's webhook. A failed attempt throws so BullMQ retries it with the
 * contract's backoff; a refused URL can never succeed, so it is unrecoverable. The attempt is already
 * in the delivery log either way.
 */
@Injectable()
@HandlesJob(DELIVER_NOTICE_WEBHOOK_JOB)
export class DeliverNoticeWebhookProcessor implements JobHandler<DeliverNoticeWebhookPayload> {
  constructor(
    private readonly deliver: DeliverNoticeWebhookUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(payload: DeliverNoticeWebhookPayload, context: JobContext): Promise<void> {
    const delivery = await this.deliver.execute(context, payload);
    // The notice id, status and outcome only: never the URL (its query may hold a secret) or the body.
    if (delivery.outcome === 'skipped') {
      this.logger.info(
        { job: DELIVER_NOTICE_WEBHOOK_JOB.name, noticeId: payload.noticeId, outcome: delivery.reason },
        'notice webhook skipped',
      );
      return;
    }
    const fields = {
      job: DELIVER_NOTICE_WEBHOOK_JOB.name,
      noticeId: payload.noticeId,
      attempt: delivery.attempt,
      statusCode: delivery.statusCode,
    };
    if (delivery.outcome === 'delivered') {
      this.logger.info({ ...fields, outcome: delivery.outcome }, 'notice webhook delivered');
      return;
    }
    this.logger.warn({ ...fields, outcome: delivery.outcome, error: delivery.error }, 'notice webhook not delivered');
    const message = `Notice webhook ${delivery.outcome}: ${delivery.error ?? 'no answer'}`;
    if (delivery.outcome === 'refused') throw new UnrecoverableError(message);
    throw new Error(message);
  }
}
