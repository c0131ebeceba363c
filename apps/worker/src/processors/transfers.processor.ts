import { Injectable } from '@nestjs/common';
import { APPROVAL_ANSWERED_JOB } from '@infobank/consent';
import { HandlesJob, type JobContext, type JobHandler } from '@infobank/platform';
import {
  BUILD_TRANSFER_JOB,
  BuildTransferUseCase,
  EXPIRE_TRANSFER_PARTS_JOB,
  ExpirePartsUseCase,
  SettleApprovalUseCase,
} from '@infobank/provision';

type BuildTransferPayload = NonNullable<(typeof BUILD_TRANSFER_JOB)['payloadType']>;
type ApprovalAnsweredPayload = NonNullable<(typeof APPROVAL_ANSWERED_JOB)['payloadType']>;

/** Builds a transfer: admits its subjects, then packages them part by part (each part commits on its own). */
@Injectable()
@HandlesJob(BUILD_TRANSFER_JOB)
export class BuildTransferProcessor implements JobHandler<BuildTransferPayload> {
  constructor(private readonly build: BuildTransferUseCase) {}

  async handle(payload: BuildTransferPayload, context: JobContext): Promise<void> {
    await this.build.execute(context, payload);
  }
}

/** An ask-mode approval was answered: package the approved subject, or deny it. */
@Injectable()
@HandlesJob(APPROVAL_ANSWERED_JOB)
export class SettleApprovalProcessor implements JobHandler<ApprovalAnsweredPayload> {
  constructor(private readonly settle: SettleApprovalUseCase) {}

  async handle(payload: ApprovalAnsweredPayload, context: JobContext): Promise<void> {
    await this.settle.execute(context, payload);
  }
}

/** Deletes expired parts' bytes; undownloaded ones become `expired` and leave no provision record. */
@Injectable()
@HandlesJob(EXPIRE_TRANSFER_PARTS_JOB)
export class ExpirePartsProcessor implements JobHandler<Record<string, never>> {
  constructor(private readonly expire: ExpirePartsUseCase) {}

  async handle(_payload: Record<string, never>, context: JobContext): Promise<void> {
    await this.expire.execute(context);
  }
}
