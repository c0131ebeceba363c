import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobContext, type JobHandler } from '@infobank/platform';
import { SEND_MAIL_JOB, SendMailUseCase } from '@infobank/rights';

type SendMailPayload = NonNullable<(typeof SEND_MAIL_JOB)['payloadType']>;

/** Sends one queued mail through the configured transport (SMTP, or .eml files in development). */
@Injectable()
@HandlesJob(SEND_MAIL_JOB)
export class SendMailProcessor implements JobHandler<SendMailPayload> {
  constructor(private readonly send: SendMailUseCase) {}

  async handle(payload: SendMailPayload, context: JobContext): Promise<void> {
    await this.send.execute(context, payload);
  }
}
