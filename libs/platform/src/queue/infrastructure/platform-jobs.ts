import { defineJob } from './job-contract';

/** Deletes outbox rows completed long ago (the work they stood for is recorded elsewhere). */
export const PRUNE_OUTBOX_JOB = defineJob({
  queue: 'schedules',
  name: 'outbox.prune',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 60 * 60 * 1000,
});

/** Makes the ledgers' monthly partitions for the current month and the months ahead (idempotent; hourly is plenty). */
export const ENSURE_LEDGER_PARTITIONS_JOB = defineJob({
  queue: 'schedules',
  name: 'ledger.partitions',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 60 * 60 * 1000,
});

/** The jobs the platform itself declares; every library adds its own list beside this one. */
export const PLATFORM_JOBS = [PRUNE_OUTBOX_JOB, ENSURE_LEDGER_PARTITIONS_JOB];
