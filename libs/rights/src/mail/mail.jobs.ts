import { defineJob } from '@infobank/platform';

/**
 * Sends one mail (a `mail_messages` row). The payload is the row's id only: the worker reads the
 * address and the content from the database when it sends. Retried with backoff while the SMTP
 * server is unreachable.
 */
export const SEND_MAIL_JOB = defineJob({
  queue: 'notifications',
  name: 'mail.send',
  fields: { mailId: 'uuid' },
  retry: { attempts: 10, backoffMs: 10_000 },
});

/** The jobs libs/rights declares. */
export const RIGHTS_JOBS = [SEND_MAIL_JOB];
