import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { enqueueJob, Transactions, ValidationFailedError, type RequestContext, requireIndividual } from '@infobank/platform';
import { ApprovalAlreadyDecidedError, ApprovalExpiredError, ApprovalNotFoundError } from '../approvals.errors';
import { APPROVAL_ANSWERED_JOB } from '../approvals.jobs';
import { APPROVAL_DECISIONS, decideApproval, type ApprovalDecision } from '../domain/approval-request';
import { ApprovalRequestStore } from '../infrastructure/approval-request.store';
import { ConsentEligibility } from '../../consents/application/consent-eligibility';
import { approvalView, type ApprovalView } from './approval-view';

/** Most approval requests one listing returns (newest first). */
export const MAX_LISTED_APPROVALS = 100;

const ONLY_INDIVIDUALS = { code: 'UNAUTHENTICATED', detail: 'Only a signed-in individual answers approval requests.' };

/** The acting individual's approval requests, newest first; `pending` only when asked. */
@Injectable()
export class ListOwnApprovalsUseCase {
  constructor(private readonly requests: ApprovalRequestStore) {}

  async execute(ctx: RequestContext, query: { pendingOnly?: boolean } = {}): Promise<ApprovalView[]> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    const now = ctx.now();
    const rows = await this.requests.listOfIndividual(ctx, individualId, query.pendingOnly === true, MAX_LISTED_APPROVALS);
    const views = rows.map((row) => approvalView(row, now));
    return query.pendingOnly ? views.filter((view) => view.status === 'pending') : views;
  }
}

/**
 * The acting individual approves or denies one request before its timeout; approving needs an eligible
 * individual (ConsentEligibility: a verified address). Someone else's request is
 * APPROVAL_NOT_FOUND; an answered one APPROVAL_ALREADY_DECIDED; a timed-out one APPROVAL_EXPIRED
 * (and is marked expired if the timeout job has not run yet). Whenever the request leaves `pending`,
 * APPROVAL_ANSWERED_JOB is written to the outbox in the same transaction.
 */
@Injectable()
export class DecideApprovalUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: ApprovalRequestStore,
    private readonly eligibility: ConsentEligibility,
  ) {}

  async execute(ctx: RequestContext, command: { approvalRequestId: string; decision: ApprovalDecision }): Promise<ApprovalView> {
    const individualId = requireIndividual(ctx, ONLY_INDIVIDUALS);
    // Denying needs nothing: it gives no data.
    if (!APPROVAL_DECISIONS.includes(command.decision)) {
      throw new ValidationFailedError([{ path: '/decision', message: `must be one of ${APPROVAL_DECISIONS.join(', ')}` }]);
    }
    // Approving gives consent; denying withholds it, which anyone may do.
    if (command.decision === 'approve') await this.eligibility.assertMayConsent(ctx, individualId);
    if (!isUuid(command.approvalRequestId)) throw new ApprovalNotFoundError();
    const now = ctx.now();
    const outcome = await this.transactions.run(ctx, async (tx) => {
      const row = await this.requests.findForUpdate(tx, command.approvalRequestId, individualId);
      if (row === null) throw new ApprovalNotFoundError();
      const transition = decideApproval(row, command.decision, now);
      if (!transition.allowed) {
        if (transition.reason === 'already_decided') throw new ApprovalAlreadyDecidedError(transition.status);
        if (row.status === 'pending') {
          await this.requests.markExpired(tx, row);
          await enqueueJob(tx, APPROVAL_ANSWERED_JOB, { approvalRequestId: row.id });
        }
        return 'expired' as const;
      }
      await this.requests.markAnswered(tx, row.id, transition.to, now);
      await enqueueJob(tx, APPROVAL_ANSWERED_JOB, { approvalRequestId: row.id });
      return approvalView({ ...row, status: transition.to, decidedAt: now }, now);
    });
    // Thrown after the commit, so that marking a timed-out request expired is kept.
    if (outcome === 'expired') throw new ApprovalExpiredError();
    return outcome;
  }
}
