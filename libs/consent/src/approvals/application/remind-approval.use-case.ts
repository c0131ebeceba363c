import { Injectable } from '@nestjs/common';
import { NotifyIndividual } from '@infobank/rights';
import { Transactions, type RequestContext } from '@infobank/platform';
import { shouldRemind } from '../domain/approval-request';
import { ApprovalRequestStore } from '../infrastructure/approval-request.store';

/** What the reminder job did. */
export type ApprovalReminderOutcome = 'reminded' | 'not_needed' | 'unknown';

/**
 * The one reminder of an approval request (REMIND_APPROVAL_JOB, due APPROVAL_REMINDER_MINUTES
 * before the timeout): while the request is still pending, the individual's approval notification is
 * mailed again as a reminder, if they take approval requests by e-mail. Once only, however often the
 * job runs (libs/rights keeps one reminder per notification).
 */
@Injectable()
export class RemindApprovalUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: ApprovalRequestStore,
    private readonly notifications: NotifyIndividual,
  ) {}

  async execute(ctx: RequestContext, command: { approvalRequestId: string }): Promise<ApprovalReminderOutcome> {
    return this.transactions.run(ctx, async (tx) => {
      const row = await this.requests.findForUpdate(tx, command.approvalRequestId);
      if (row === null) return 'unknown';
      if (!shouldRemind(row, tx.now())) return 'not_needed';
      const queued = await this.notifications.remindByMail(tx, row.individualId, { type: 'approval_request', id: row.id });
      return queued ? 'reminded' : 'not_needed';
    });
  }
}
