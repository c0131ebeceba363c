import { Injectable } from '@nestjs/common';
import { GetApprovalOutcomeUseCase } from '@infobank/consent';
import { enqueueJob, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { lockTransfer, refreshTransferStatus } from '../infrastructure/transfer-store';
import { TransferSubjectEntity } from '../infrastructure/transfer-subject.entity';
import { denySubjects } from './part-packager';

/**
 * An ask-mode approval was answered (the `approvals.answered` job): an approved subject becomes
 * `pending` and the transfer is built again to package it; a denial or a timeout denies the subject.
 * Idempotent: a subject no longer awaiting approval is left as it is.
 */
@Injectable()
export class SettleApprovalUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outcomes: GetApprovalOutcomeUseCase,
  ) {}

  async execute(ctx: RequestContext, command: { approvalRequestId: string }): Promise<'built' | 'denied' | 'unchanged'> {
    return this.dataSource.transaction(async (manager) => {
      const txCtx = { actor: ctx.actor, correlationId: ctx.correlationId, transaction: manager };
      const outcome = await this.outcomes.execute(txCtx, command);
      if (outcome === null || outcome.status === 'pending') return 'unchanged';
      const found = await manager.findOne(TransferSubjectEntity, {
        where: { approvalRequestId: outcome.id, status: 'awaiting_approval' },
      });
      if (found === null) return 'unchanged';
      const transfer = await lockTransfer(manager, found.transferId);
      const subject = await manager.findOne(TransferSubjectEntity, {
        where: { transferId: found.transferId, subjectId: found.subjectId, status: 'awaiting_approval' },
      });
      if (transfer === null || subject === null) return 'unchanged';
      const now = new Date();
      let result: 'built' | 'denied';
      if (outcome.status === 'approved' && transfer.status !== 'cancelled' && transfer.status !== 'expired') {
        await manager.update(
          TransferSubjectEntity,
          { transferId: transfer.id, subjectId: subject.subjectId },
          { status: 'pending', updatedAt: now },
        );
        await enqueueJob(txCtx, BUILD_TRANSFER_JOB, { transferId: transfer.id });
        result = 'built';
      } else {
        const reason = outcome.status === 'denied' ? 'approval_denied' : 'approval_expired';
        await denySubjects(manager, transfer.id, [{ subjectId: subject.subjectId, reason }], now);
        result = 'denied';
      }
      await refreshTransferStatus(manager, transfer, now);
      return result;
    });
  }
}
