import { Injectable } from '@nestjs/common';
import { enqueueJob, Transactions, type RequestContext } from '@infobank/platform';
import { APPROVAL_ANSWERED_JOB, EXPIRE_APPROVAL_JOB } from '../approvals.jobs';
import { expireApproval } from '../domain/approval-request';
import { ApprovalRequestStore } from '../infrastructure/approval-request.store';

/** What the timeout did to one request. */
export type ApprovalTimeoutOutcome = 'expired' | 'already_answered' | 'not_due' | 'unknown';

/**
 * The approval timeout: a request still pending at its `expiresAt` becomes `expired` (a denial).
 * Idempotent; an answered request stays answered; run early, it re-schedules itself for `expiresAt`.
 * Expiring one writes APPROVAL_ANSWERED_JOB to the outbox in the same transaction.
 */
@Injectable()
export class ExpireApprovalUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: ApprovalRequestStore,
  ) {}

  async execute(ctx: RequestContext, command: { approvalRequestId: string }): Promise<ApprovalTimeoutOutcome> {
    return this.transactions.run(ctx, async (tx) => {
      const row = await this.requests.findForUpdate(tx, command.approvalRequestId);
      if (row === null) return 'unknown';
      const { expire, due } = expireApproval(row, tx.now());
      if (expire) {
        await this.requests.markExpired(tx, row);
        await enqueueJob(tx, APPROVAL_ANSWERED_JOB, { approvalRequestId: row.id });
        return 'expired';
      }
      if (row.status !== 'pending') return 'already_answered';
      if (!due) await enqueueJob(tx, EXPIRE_APPROVAL_JOB, { approvalRequestId: row.id }, { availableAt: row.expiresAt });
      return 'not_due';
    });
  }
}
