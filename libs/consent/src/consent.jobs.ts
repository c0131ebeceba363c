import { defineJob } from '@infobank/platform';

/** Expires consents past their `expiresAt` and those whose offer expired, was withdrawn or lost approval. */
export const EXPIRE_CONSENTS_JOB = defineJob({
  queue: 'schedules',
  name: 'consents.expire',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 60 * 1000,
});

/** The jobs the consent ledger declares (standing conditions and approvals add theirs). */
export const CONSENT_LEDGER_JOBS = [EXPIRE_CONSENTS_JOB];
