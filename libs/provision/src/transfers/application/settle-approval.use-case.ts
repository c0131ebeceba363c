import { Injectable } from '@nestjs/common';
import { GetApprovalOutcomeUseCase } from '@infobank/consent';
import { enqueueJob, type RequestContext, withTransaction } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { decideSubject, type SubjectCommand } from '../domain/transfer-lifecycle';
import { TransferRepository } from '../infrastructure/transfer.repository';

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
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: { approvalRequestId: string }): Promise<'built' | 'denied' | 'unchanged'> {
    return this.dataSource.transaction(async (manager) => {
      const txCtx = withTransaction(ctx, manager);
      const outcome = await this.outcomes.execute(txCtx, command);
      if (outcome === null || outcome.status === 'pending') return 'unchanged';
      const found = await this.transfers.findAwaitingApproval(manager, outcome.id);
      if (found === null) return 'unchanged';
      const transfer = await this.transfers.lockTransfer(manager, found.transferId);
      const subject = await this.transfers.subjectAwaitingApproval(manager, found.transferId, found.subjectId);
      if (transfer === null || subject === null) return 'unchanged';
      const now = new Date();
      const answer: SubjectCommand =
        outcome.status === 'approved' && transfer.status !== 'cancelled' && transfer.status !== 'expired'
          ? { type: 'admit' }
          : { type: 'deny', reason: outcome.status === 'denied' ? 'approval_denied' : 'approval_expired' };
      const decision = decideSubject(answer, { status: 'awaiting_approval', approvalRequestId: outcome.id });
      if (decision.outcome === 'refused') return 'unchanged';
      const [event] = decision.events;
      let result: 'built' | 'denied';
      if (event.type === 'subject_admitted') {
        await this.transfers.admitApproved(manager, transfer.id, subject.subjectId, now);
        await enqueueJob(txCtx, BUILD_TRANSFER_JOB, { transferId: transfer.id });
        result = 'built';
      } else if (event.type === 'subject_denied') {
        await this.transfers.denySubjects(manager, transfer.id, [{ subjectId: subject.subjectId, reason: event.reason }], now);
        result = 'denied';
      } else {
        return 'unchanged';
      }
      await this.transfers.settleStatus(manager, transfer, now);
      return result;
    });
  }
}
