import { defineJob, type JobContract } from '@infobank/platform';

/**
 * POST one notice to its recipient's webhook. A recipient's endpoint may be down for a while, so it is
 * tried 8 times, 30 s, 1 min, 2 min … apart (about an hour in all) before the recipient must pull it.
 */
export const DELIVER_NOTICE_WEBHOOK_JOB = defineJob({
  queue: 'webhooks',
  name: 'notices.deliver-webhook',
  fields: { noticeId: 'uuid' },
  retry: { attempts: 8, backoffMs: 30_000 },
});

/** Marks open notices past their due time overdue (escalated to the board), every minute. */
export const MARK_OVERDUE_NOTICES_JOB = defineJob({
  queue: 'schedules',
  name: 'notices.mark-overdue',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 60_000,
});

/** Notices recipients whose provisions' data life (provided_at + data_life_days) has ended, every 10 minutes. */
export const DATA_LIFE_NOTICES_JOB = defineJob({
  queue: 'schedules',
  name: 'notices.data-life',
  fields: {},
  origin: 'schedule',
  repeatEveryMs: 10 * 60_000,
});

/** The jobs libs/revocation declares (each helper adds its own contracts here). */
export const REVOCATION_JOBS: JobContract<unknown>[] = [MARK_OVERDUE_NOTICES_JOB, DELIVER_NOTICE_WEBHOOK_JOB, DATA_LIFE_NOTICES_JOB];
