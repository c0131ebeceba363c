import type { FailedJob, OutboxStatus } from '@infobank/platform';
import { withAdminContext } from '../admin-context';
import { detailsTable, listTable } from '../output/table';
import { listingCommand, type AdminCommand } from './admin-command';

const FAILED_SHOWN_DEFAULT = '20';
const RETRY_LIMIT_DEFAULT = '1000';

function failedTable(jobs: readonly FailedJob[], empty: string): string {
  return listTable(
    jobs,
    [
      ['queue', (job) => job.queue],
      ['job', (job) => job.name],
      ['id', (job) => job.id],
      ['attempts', (job) => job.attempts],
      ['failed at', (job) => job.failedAt],
      ['error', (job) => job.error],
    ],
    empty,
  );
}

function renderStatus(status: OutboxStatus): string {
  const summary = detailsTable([
    ['outbox pending', `${status.pending} not yet handed to Redis${status.oldestPendingAt ? ` (oldest ${status.oldestPendingAt})` : ''}`],
    [
      'outbox unfinished',
      `${status.unfinished} handed to Redis, not done${status.oldestUnfinishedAt ? ` (oldest ${status.oldestUnfinishedAt})` : ''}`,
    ],
  ]);
  const backlog = listTable(
    status.backlog,
    [
      ['queue', (row) => row.queue],
      ['job', (row) => row.jobName],
      ['pending', (row) => row.pending],
      ['unfinished', (row) => row.unfinished],
      ['oldest', (row) => row.oldestAt],
    ],
    'No backlog: every outbox row is done.',
  );
  const queues = listTable(
    status.queues,
    [
      ['queue', (row) => row.queue],
      ['waiting', (row) => row.waiting],
      ['active', (row) => row.active],
      ['delayed', (row) => row.delayed],
      ['failed', (row) => row.failed],
    ],
    '',
  );
  const failed = failedTable(status.failedJobs, 'No failed jobs.');
  return [summary, backlog, queues, failed].join('\n\n');
}

/** The outbox and the queues: what waits, what is stuck and what failed (ids, names and errors only). */
export const JOB_COMMANDS: readonly AdminCommand[] = [
  listingCommand({
    name: 'outbox:status',
    usage: 'the outbox backlog (pending and unfinished rows by job, the oldest), each queue’s counts, and failed jobs with their errors',
    options: [{ name: 'failed', valueName: 'N', default: FAILED_SHOWN_DEFAULT, description: 'failed jobs shown per queue' }],
    examples: ['outbox:status', 'outbox:status --json --failed 100'],
    run: async (config, options) => {
      const failedLimit = options.count('failed', { min: 0, max: 10_000 }) as number;
      const { OutboxInspector } = await import('@infobank/platform');
      return withAdminContext(config, (app, ctx) => app.get(OutboxInspector).status(ctx, { failedLimit }));
    },
    render: renderStatus,
  }),
  listingCommand({
    name: 'jobs:retry-failed',
    usage: 'run failed jobs again (attempts reset; handlers are idempotent), all or one queue’s or one job name’s; lists what it retried',
    options: [
      {
        name: 'queue',
        valueName: 'QUEUE',
        describe: async () => `only this queue (${(await import('@infobank/platform')).QUEUE_NAMES.join(', ')})`,
      },
      { name: 'job', valueName: 'NAME', description: 'only jobs of this name' },
      { name: 'limit', valueName: 'N', default: RETRY_LIMIT_DEFAULT, description: 'at most this many per queue' },
    ],
    fields: { '/queue': 'queue' },
    examples: ['jobs:retry-failed', 'jobs:retry-failed --queue webhooks'],
    run: async (config, options) => {
      const command = {
        queue: options.optional('queue'),
        jobName: options.optional('job'),
        limit: options.count('limit', { min: 1, max: 100_000 }) as number,
      };
      const { OutboxInspector } = await import('@infobank/platform');
      return withAdminContext(config, (app, ctx) => app.get(OutboxInspector).retryFailed(ctx, command));
    },
    render: (result) =>
      `${result.retried.length} failed job(s) retried.${result.retried.length > 0 ? `\n\n${failedTable(result.retried, '')}` : ''}`,
  }),
];
