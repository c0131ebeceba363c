import { Injectable } from '@nestjs/common';
import { EXPIRE_APPROVAL_JOB, ExpireApprovalUseCase, REMIND_APPROVAL_JOB, RemindApprovalUseCase } from '@infobank/consent';
import { HandlesJob, type JobContext, type JobHandler } from '@infobank/platform';

type ExpireApprovalPayload = NonNullable<(typeof EXPIRE_APPROVAL_JOB)['payloadType']>;

/** The ask-mode timeout: a request still unanswered at its `expiresAt` becomes `expired` (a denial). */
@Injectable()
@HandlesJob(EXPIRE_APPROVAL_JOB)
export class ExpireApprovalProcessor implements JobHandler<ExpireApprovalPayload> {
  constructor(private readonly expire: ExpireApprovalUseCase) {}

  async handle(payload: ExpireApprovalPayload, context: JobContext): Promise<void> {
    await this.expire.execute(context, payload);
  }
}

type RemindApprovalPayload = NonNullable<(typeof REMIND_APPROVAL_JOB)['payloadType']>;

/** The one reminder before an approval request times out (mailed if the individual takes approval requests by e-mail). */
@Injectable()
@HandlesJob(REMIND_APPROVAL_JOB)
export class RemindApprovalProcessor implements JobHandler<RemindApprovalPayload> {
  constructor(private readonly remind: RemindApprovalUseCase) {}

  async handle(payload: RemindApprovalPayload, context: JobContext): Promise<void> {
    await this.remind.execute(context, payload);
  }
}
