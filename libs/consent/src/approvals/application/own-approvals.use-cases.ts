import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { enqueueJob, inTransaction, requireIndividual, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { ApprovalAlreadyDecidedError, ApprovalExpiredError, ApprovalNotFoundError } from '../approvals.errors';
import { APPROVAL_ANSWERED_JOB } from '../approvals.jobs';
import { APPROVAL_DECISIONS, decideApproval, type ApprovalDecision } from '../domain/approval-request';
import { ApprovalRequestEntity } from '../infrastructure/approval-request.entity';
import { approvalView, type ApprovalView } from './approval-view';

/** Most approval requests one listing returns (newest first). */
export const MAX_LISTED_APPROVALS = 100;

const ONLY_INDIVIDUALS = { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual answers approval requests.' };

/** The acting individual's approval requests, newest first; `pending` only when asked. */
@Injectable()
export class ListOwnApprovalsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, query: { pendingOnly?: boolean } = {}): Promise<ApprovalView[]> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    const manager = ctx.transaction ?? this.dataSource.manager;
    const now = new Date();
    const rows = await manager.find(ApprovalRequestEntity, {
      where: { individualId, ...(query.pendingOnly ? { status: 'pending' as const } : {}) },
      order: { requestedAt: 'DESC', id: 'DESC' },
      take: MAX_LISTED_APPROVALS,
    });
    const views = rows.map((row) => approvalView(row, now));
    return query.pendingOnly ? views.filter((view) => view.status === 'pending') : views;
  }
}

/**
 * The acting individual approves or denies one request before its timeout. Someone else's request is
 * APPROVAL_NOT_FOUND; an answered one APPROVAL_ALREADY_DECIDED; a timed-out one APPROVAL_EXPIRED
 * (and is marked expired if the timeout job has not run yet). Whenever the request leaves `pending`,
 * APPROVAL_ANSWERED_JOB is written to the outbox in the same transaction.
 */
@Injectable()
export class DecideApprovalUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    ctx: RequestContext,
    command: { approvalRequestId: string; decision: ApprovalDecision },
    now: Date = new Date(),
  ): Promise<ApprovalView> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    if (!APPROVAL_DECISIONS.includes(command.decision)) {
      throw new ValidationFailedError([{ path: '/decision', message: `must be one of ${APPROVAL_DECISIONS.join(', ')}` }]);
    }
    if (!isUuid(command.approvalRequestId)) throw new ApprovalNotFoundError();
    const outcome = await inTransaction(ctx, this.dataSource, async (manager) => {
      const row = await manager.findOne(ApprovalRequestEntity, {
        where: { id: command.approvalRequestId, individualId },
        lock: { mode: 'pessimistic_write' },
      });
      if (row === null) throw new ApprovalNotFoundError();
      const transition = decideApproval(row, command.decision, now);
      if (!transition.allowed) {
        if (transition.reason === 'already_decided') throw new ApprovalAlreadyDecidedError(transition.status);
        if (row.status === 'pending') {
          await manager.update(ApprovalRequestEntity, { id: row.id }, { status: 'expired', decidedAt: row.expiresAt });
          await enqueueJob({ ...ctx, transaction: manager }, APPROVAL_ANSWERED_JOB, { approvalRequestId: row.id });
        }
        return 'expired' as const;
      }
      await manager.update(ApprovalRequestEntity, { id: row.id, status: 'pending' }, { status: transition.to, decidedAt: now });
      await enqueueJob({ ...ctx, transaction: manager }, APPROVAL_ANSWERED_JOB, { approvalRequestId: row.id });
      return approvalView({ ...row, status: transition.to, decidedAt: now }, now);
    });
    // Thrown after the commit, so that marking a timed-out request expired is kept.
    if (outcome === 'expired') throw new ApprovalExpiredError();
    return outcome;
  }
}
