import { Injectable } from '@nestjs/common';
import { GetApprovalOutcomeUseCase } from '@infobank/consent';
import { enqueueJob, Transactions, type RequestContext } from '@infobank/platform';
import { BUILD_TRANSFER_JOB } from '../../provision.jobs';
import { changeSubject, type SubjectCommand } from '../domain/transfer-lifecycle';
import { TransferRepository } from '../infrastructure/transfer.repository';

/**
 * An ask-mode approval was answered (the `approvals.answered` job): an approved subject becomes
 * `pending` and the transfer is built again to package it; a denial or a timeout denies the subject.
 * Idempotent: a subject no longer awaiting approval is left as it is. Load (the answer, the transfer locked,
 * the subject) → decide (admit or deny, by the lifecycle model) → save.
 */
@Injectable()
export class SettleApprovalUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly outcomes: GetApprovalOutcomeUseCase,
    private readonly transfers: TransferRepository,
  ) {}

  async execute(ctx: RequestContext, command: { approvalRequestId: string }): Promise<'built' | 'denied' | 'unchanged'> {
    return this.transactions.runOwn(ctx, async (tx) => {
      const outcome = await this.outcomes.execute(tx, command);
      if (outcome === null || outcome.status === 'pending') return 'unchanged';
      const found = await this.transfers.findAwaitingApproval(tx, outcome.id);
      if (found === null) return 'unchanged';
      const transfer = await this.transfers.lockTransfer(tx, found.transferId);
      const subject = await this.transfers.subjectAwaitingApproval(tx, found.transferId, found.subjectId);
      if (transfer === null || subject === null) return 'unchanged';
      const now = tx.now();
      const answer: SubjectCommand =
        outcome.status === 'approved' && transfer.status !== 'cancelled' && transfer.status !== 'expired'
          ? { type: 'admit' }
          : { type: 'deny', reason: outcome.status === 'denied' ? 'approval_denied' : 'approval_expired' };
      const change = changeSubject(subject, answer);
      if (change === null) return 'unchanged';
      await this.transfers.saveSubjectChanges(tx, [{ ...change, transferId: transfer.id }], now);
      if (change.to.status === 'pending') await enqueueJob(tx, BUILD_TRANSFER_JOB, { transferId: transfer.id });
      await this.transfers.settleStatus(tx, transfer, now);
      return change.to.status === 'pending' ? 'built' : 'denied';
    });
  }
}
