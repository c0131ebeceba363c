import { defineJob } from '@infobank/platform';

/**
 * An individual erased deposited records: written in the erasure's transaction, so that the worker tells
 * every recipient holding that individual's data to delete it. `erasureId` names this erasure (each is noticed once).
 */
export const DATA_ERASED_JOB = defineJob({
  queue: 'revocations',
  name: 'data.erased',
  fields: { individualId: 'uuid', erasureId: 'uuid' },
});

/** The jobs libs/vault declares. */
export const VAULT_JOBS = [DATA_ERASED_JOB];
