import { defineJob } from '@infobank/platform';

/** Expires one approval request at its timeout (written to the outbox, available at `expires_at`). */
export const EXPIRE_APPROVAL_JOB = defineJob({
  queue: 'schedules',
  name: 'approvals.expire',
  fields: { approvalRequestId: 'uuid' },
});

/** The jobs ask-mode approvals declare. */
export const APPROVAL_JOBS = [EXPIRE_APPROVAL_JOB];
