import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import {
  APP_CONFIG,
  enqueueJob,
  Transactions,
  ValidationFailedError,
  type AppConfig,
  type FieldProblem,
  type RequestContext,
} from '@infobank/platform';
import { NotifyIndividual } from '@infobank/rights';
import { ConsentStore } from '../../consents/infrastructure/consent.store';
import { ApprovalNotNeededError } from '../approvals.errors';
import { EXPIRE_APPROVAL_JOB, REMIND_APPROVAL_JOB } from '../approvals.jobs';
import { reminderTime } from '../domain/approval-request';
import { ApprovalRequestStore } from '../infrastructure/approval-request.store';
import { approvalView, type ApprovalView } from './approval-view';

/** What asks an individual for approval: the ask-mode consent, and the caller's id of what is asked (e.g. a transfer). */
export interface RequestApprovalCommand {
  consentId: string;
  reference: string;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Asks the individual to approve one provision under their `ask`-mode consent (個別確認). The request
 * waits until the configured timeout (APPROVAL_TIMEOUT_HOURS, default 72 h); no answer by then is a
 * denial, applied by a job written to the outbox in the same transaction. Idempotent per consent and
 * reference: asking again returns the existing request. The individual gets a notification (mailed
 * unless they turned approval mails off) and one reminder APPROVAL_REMINDER_MINUTES before the timeout.
 * For the transfer issue: call it in the transfer's transaction (ctx.transaction) to ask atomically.
 */
@Injectable()
export class RequestApprovalUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly consents: ConsentStore,
    private readonly requests: ApprovalRequestStore,
    private readonly notifications: NotifyIndividual,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(ctx: RequestContext, command: RequestApprovalCommand): Promise<ApprovalView> {
    const problems: FieldProblem[] = [];
    if (!isUuid(command?.consentId)) problems.push({ path: '/consentId', message: 'must be a UUID' });
    if (!isUuid(command?.reference)) problems.push({ path: '/reference', message: 'must be a UUID' });
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.transactions.run(ctx, async (tx) => {
      // FOR SHARE: a revocation committing meanwhile waits, and no request is made under a consent already revoked.
      const consent = await this.consents.findForShare(tx, command.consentId);
      if (consent === null || consent.status !== 'active' || consent.mode !== 'ask') throw new ApprovalNotNeededError();
      const now = tx.now();
      const id = randomUUID();
      const expiresAt = new Date(now.getTime() + this.config.consent.approvalTimeoutHours * HOUR_MS);
      const inserted = await this.requests.insertUnlessAsked(tx, {
        id,
        individualId: consent.individualId,
        consentId: consent.id,
        offerId: consent.offerId,
        recipientId: consent.recipientId,
        reference: command.reference,
        status: 'pending',
        requestedAt: now,
        expiresAt,
        decidedAt: null,
      });
      if (inserted) {
        await enqueueJob(tx, EXPIRE_APPROVAL_JOB, { approvalRequestId: id }, { availableAt: expiresAt });
        const remindAt = reminderTime(now, expiresAt, this.config.consent.approvalReminderLeadMinutes);
        if (remindAt !== null) await enqueueJob(tx, REMIND_APPROVAL_JOB, { approvalRequestId: id }, { availableAt: remindAt });
        const recipient = consent.offerSnapshot.recipient.name;
        await this.notifications.notify(tx, {
          individualId: consent.individualId,
          kind: 'approval_requested',
          subject: { type: 'approval_request', id },
          message: {
            title: { ja: `${recipient.ja}がデータの提供を求めています`, en: `${recipient.en ?? recipient.ja} asks for your data` },
            lines: {
              ja: [`${this.config.consent.approvalTimeoutHours}時間以内に承認または拒否してください。回答がない場合は拒否として扱います。`],
              en: [`Approve or deny within ${this.config.consent.approvalTimeoutHours} hours; no answer counts as a denial.`],
            },
          },
        });
      }
      const row = await this.requests.findByReference(tx, consent.id, command.reference);
      return approvalView(row, now);
    });
  }
}
