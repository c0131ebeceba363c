import { defineJob } from '@infobank/platform';

/** The job the outbox scenarios enqueue and run: its handler does nothing, so what is timed is the plumbing. */
export const BENCH_NOOP_JOB = defineJob({ queue: 'ledger', name: 'bench.noop', fields: { thingId: 'uuid' } });

/** Operations run before each timed loop and left out of it (JIT, connection set-up, first-use caches). */
export const WARM_UP_OPERATIONS = 50;
