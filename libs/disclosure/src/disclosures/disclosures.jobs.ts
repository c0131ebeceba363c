import { defineJob } from '@infobank/platform';

/** Builds one disclosure bundle (payload: the request's id only). */
export const BUILD_DISCLOSURE_JOB = defineJob({
  queue: 'rights',
  name: 'disclosures.build',
  fields: { disclosureId: 'uuid' },
});

/** Deletes the bundles whose seven days of retention ended; their requests become `expired`. */
export const EXPIRE_DISCLOSURES_JOB = defineJob({
  queue: 'schedules',
  name: 'disclosures.expire',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 10 * 60_000,
});

/** The jobs of disclosure requests. */
export const DISCLOSURE_JOBS = [BUILD_DISCLOSURE_JOB, EXPIRE_DISCLOSURES_JOB];
