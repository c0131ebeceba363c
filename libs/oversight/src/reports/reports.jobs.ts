import { defineJob } from '@infobank/platform';

/** Writes the report of the last ended month if it has none yet (hourly, so a missed hour costs nothing). */
export const GENERATE_MONTHLY_REPORT_JOB = defineJob({
  queue: 'schedules',
  name: 'reports.monthly',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 60 * 60_000,
});

/** The jobs of periodic reports. */
export const REPORT_JOBS = [GENERATE_MONTHLY_REPORT_JOB];
