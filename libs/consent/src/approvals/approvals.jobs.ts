import { defineJob } from '@infobank/platform';

/** Expires one approval request at its timeout (written to the outbox, available at `expires_at`). */
export const EXPIRE_APPROVAL_JOB = defineJob({
  queue: 'schedules',
  name: 'approvals.expire',
  fields: { approvalRequestId: 'uuid' },
});

/**
 * Reminds the individual once of a request still pending, APPROVAL_REMINDER_MINUTES before it
 * expires (written to the outbox with the request, available at that time).
 */
export const REMIND_APPROVAL_JOB = defineJob({
  queue: 'schedules',
  name: 'approvals.remind',
  fields: { approvalRequestId: 'uuid' },
});

/**
 * One approval request left `pending` (approved, denied or expired): the transfer waiting on it reads
 * the outcome and goes on. Written in the same transaction as the answer.
 */
export const APPROVAL_ANSWERED_JOB = defineJob({
  queue: 'transfers',
  name: 'approvals.answered',
  fields: { approvalRequestId: 'uuid' },
});

/** The jobs ask-mode approvals declare. */
export const APPROVAL_JOBS = [EXPIRE_APPROVAL_JOB, REMIND_APPROVAL_JOB, APPROVAL_ANSWERED_JOB];
