import { defineJob } from '@infobank/platform';

/**
 * Checks the next page of a log verification run and enqueues the page after it (payload: the run's id only).
 * Not on the `ledger` queue, so that a page never delays the sealer.
 */
export const RUN_LOG_VERIFICATION_PAGE_JOB = defineJob({
  queue: 'schedules',
  name: 'log-verifications.run-page',
  fields: { verificationId: 'uuid' },
});

/** Starts a full log verification when LOG_VERIFICATION_EVERY_HOURS have passed since the last scheduled one. */
export const SCHEDULE_LOG_VERIFICATION_JOB = defineJob({
  queue: 'schedules',
  name: 'log-verifications.schedule',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 10 * 60_000,
});

/** The jobs of full log verification. */
export const LOG_VERIFICATION_JOBS = [RUN_LOG_VERIFICATION_PAGE_JOB, SCHEDULE_LOG_VERIFICATION_JOB];
