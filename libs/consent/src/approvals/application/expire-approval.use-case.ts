import { Injectable } from '@nestjs/common';
import { enqueueJob, inTransaction, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { APPROVAL_ANSWERED_JOB, EXPIRE_APPROVAL_JOB } from '../approvals.jobs';
import { expireApproval } from '../domain/approval-request';
import { ApprovalRequestEntity } from '../infrastructure/approval-request.entity';

/** What the timeout did to one request. */
export type ApprovalTimeoutOutcome = 'expired' | 'already_answered' | 'not_due' | 'unknown';

/**
 * The approval timeout: a request still pending at its `expiresAt` becomes `expired` (a denial).
 * Idempotent; an answered request stays answered; run early, it re-schedules itself for `expiresAt`.
 * Expiring one writes APPROVAL_ANSWERED_JOB to the outbox in the same transaction.
 */
@Injectable()
export class ExpireApprovalUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, command: { approvalRequestId: string }, now: Date = new Date()): Promise<ApprovalTimeoutOutcome> {
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const row = await manager.findOne(ApprovalRequestEntity, {
        where: { id: command.approvalRequestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (row === null) return 'unknown';
      const { expire, due } = expireApproval(row, now);
      if (expire) {
        await manager.update(ApprovalRequestEntity, { id: row.id }, { status: 'expired', decidedAt: row.expiresAt });
        await enqueueJob({ ...ctx, transaction: manager }, APPROVAL_ANSWERED_JOB, { approvalRequestId: row.id });
        return 'expired';
      }
      if (row.status !== 'pending') return 'already_answered';
      if (!due)
        await enqueueJob(
          { ...ctx, transaction: manager },
          EXPIRE_APPROVAL_JOB,
          { approvalRequestId: row.id },
          { availableAt: row.expiresAt },
        );
      return 'not_due';
    });
  }
}
