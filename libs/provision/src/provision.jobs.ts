import { defineJob } from '@infobank/platform';

/** Builds a transfer: admits its subjects, then packages pending ones part by part (idempotent, resumable). */
export const BUILD_TRANSFER_JOB = defineJob({
  queue: 'transfers',
  name: 'transfers.build',
  fields: { transferId: 'uuid' },
});

/** Deletes the bytes of parts past their time and expires the undownloaded ones. */
export const EXPIRE_TRANSFER_PARTS_JOB = defineJob({
  queue: 'schedules',
  name: 'transfers.expire-parts',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 60_000,
});

/** The jobs libs/provision declares. */
export const PROVISION_JOBS = [BUILD_TRANSFER_JOB, EXPIRE_TRANSFER_PARTS_JOB];
