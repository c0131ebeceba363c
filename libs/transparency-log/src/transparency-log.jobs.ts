import { defineJob } from '@infobank/platform';

/** Seals the transparency log: indexes finished appends, extends the Merkle tree, signs a checkpoint. */
export const SEAL_TRANSPARENCY_LOG_JOB = defineJob({
  queue: 'ledger',
  name: 'ledger.seal',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 1000,
});

/** The jobs libs/transparency-log declares. */
export const TRANSPARENCY_LOG_JOBS = [SEAL_TRANSPARENCY_LOG_JOB];
