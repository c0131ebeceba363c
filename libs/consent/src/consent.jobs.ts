import { defineJob } from '@infobank/platform';

/** Expires consents past their `expiresAt` and those whose offer expired, was withdrawn or lost approval. */
export const EXPIRE_CONSENTS_JOB = defineJob({
  queue: 'schedules',
  name: 'consents.expire',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 60 * 1000,
});

/**
 * A consent ended (revoked, including by account closure, or expired): written by the ledger in the same
 * transaction as the event, so that the worker tells every recipient that holds data under it.
 */
export const CONSENT_ENDED_JOB = defineJob({
  queue: 'revocations',
  name: 'consent.ended',
  fields: { consentId: 'uuid' },
});

/** The jobs the consent ledger declares (standing conditions and approvals add theirs). */
export const CONSENT_LEDGER_JOBS = [EXPIRE_CONSENTS_JOB, CONSENT_ENDED_JOB];
