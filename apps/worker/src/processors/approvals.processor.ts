import { Injectable } from '@nestjs/common';
import { EXPIRE_APPROVAL_JOB, ExpireApprovalUseCase } from '@infobank/consent';
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
