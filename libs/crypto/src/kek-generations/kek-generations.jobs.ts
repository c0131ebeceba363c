import { defineJob } from '@infobank/platform';

/** Rotates the KEK generation when due, re-wraps data keys under the newest, destroys generations no backup needs. */
export const MAINTAIN_KEK_GENERATIONS_JOB = defineJob({
  queue: 'schedules',
  name: 'keys.kek-generations',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 60 * 1000,
});

/** The jobs libs/crypto declares. */
export const CRYPTO_JOBS = [MAINTAIN_KEK_GENERATIONS_JOB];
