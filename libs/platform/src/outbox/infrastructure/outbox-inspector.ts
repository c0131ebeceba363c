import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireBankActor } from '../../context/application/actor-guards';
import type { RequestContext } from '../../context/application/request-context';
import { ValidationFailedError } from '../../errors/domain/domain-error';
import { QUEUE_NAMES, type QueueName } from '../../queue/infrastructure/queue-names';
import { QueueRegistry } from '../../queue/infrastructure/queue-registry';

// A failed job's error as the operator reads it: its first line, cut short. Errors never carry personal
// data by the project's rules, and the job's data is never read (it holds only the outbox row's id).
const ERROR_TEXT_MAX = 300;

/** The outbox per job name: work not yet handed to Redis (pending) and handed but not finished (unfinished). */
export interface OutboxBacklog {
  queue: string;
  jobName: string;
  pending: number;
  unfinished: number;
  /** When the oldest row still waiting (pending or unfinished) was written. */
  oldestAt: string | null;
}

/** One BullMQ queue's job counts. */
export interface QueueCounts {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** A job that used up its retries (kept in Redis for inspection): which, when, and its error's first line. */
export interface FailedJob {
  queue: QueueName;
  id: string;
  name: string;
  attempts: number;
  failedAt: string | null;
  error: string;
}

/** `outbox:status`: the backlog, its oldest row, each queue's counts and the failed jobs with their errors. */
export interface OutboxStatus {
  pending: number;
  unfinished: number;
  oldestPendingAt: string | null;
  oldestUnfinishedAt: string | null;
  backlog: OutboxBacklog[];
  queues: QueueCounts[];
  failedJobs: FailedJob[];
}

/** Which failed jobs to run again (`jobs:retry-failed`): all, or one queue's, or one job name's. */
export interface RetryFailedJobsCommand {
  queue?: string;
  jobName?: string;
  /** At most this many per queue (oldest failures first). */
  limit: number;
}

/** Reads the state of the outbox and the queues, and retries failed jobs; for the operator only. */
@Injectable()
export class OutboxInspector {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  /** The outbox backlog and oldest rows, each queue's counts, and up to `failedLimit` failed jobs per queue. */
  async status(ctx: RequestContext, options: { failedLimit: number }): Promise<OutboxStatus> {
    requireBankActor(ctx);
    const backlog: { queue: string; job_name: string; pending: number; unfinished: number; oldest: Date | null }[] =
      await this.dataSource.query(
        `SELECT "queue", "job_name",
                count(*) FILTER (WHERE "dispatched_at" IS NULL)::int AS "pending",
                count(*) FILTER (WHERE "dispatched_at" IS NOT NULL)::int AS "unfinished",
                min("created_at") AS "oldest"
           FROM "outbox" WHERE "completed_at" IS NULL
          GROUP BY "queue", "job_name" ORDER BY "queue", "job_name"`,
      );
    const [oldest]: { pending: Date | null; unfinished: Date | null }[] = await this.dataSource.query(
      `SELECT min("created_at") FILTER (WHERE "dispatched_at" IS NULL) AS "pending",
              min("created_at") FILTER (WHERE "dispatched_at" IS NOT NULL) AS "unfinished"
         FROM "outbox" WHERE "completed_at" IS NULL`,
    );
    const queues: QueueCounts[] = [];
    const failedJobs: FailedJob[] = [];
    for (const name of QUEUE_NAMES) {
      const queue = this.queues.get(name);
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
      queues.push({
        queue: name,
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      });
      if ((counts.failed ?? 0) > 0 && options.failedLimit > 0) {
        for (const job of await queue.getFailed(0, options.failedLimit - 1)) failedJobs.push(failedJobOf(name, job));
      }
    }
    return {
      pending: backlog.reduce((sum, row) => sum + row.pending, 0),
      unfinished: backlog.reduce((sum, row) => sum + row.unfinished, 0),
      oldestPendingAt: isoOrNull(oldest?.pending ?? null),
      oldestUnfinishedAt: isoOrNull(oldest?.unfinished ?? null),
      backlog: backlog.map((row) => ({
        queue: row.queue,
        jobName: row.job_name,
        pending: row.pending,
        unfinished: row.unfinished,
        oldestAt: isoOrNull(row.oldest),
      })),
      queues,
      failedJobs,
    };
  }

  /**
   * Moves failed jobs back to waiting with their attempts reset, so the worker runs them again (their
   * outbox rows are still unfinished; the handlers are idempotent). Returns the jobs retried.
   */
  async retryFailed(ctx: RequestContext, command: RetryFailedJobsCommand): Promise<{ retried: FailedJob[] }> {
    requireBankActor(ctx);
    if (command.queue !== undefined && !(QUEUE_NAMES as readonly string[]).includes(command.queue)) {
      throw new ValidationFailedError([{ path: '/queue', message: `must be one of ${QUEUE_NAMES.join(', ')}` }]);
    }
    const names = command.queue === undefined ? QUEUE_NAMES : [command.queue as QueueName];
    const retried: FailedJob[] = [];
    for (const name of names) {
      const queue = this.queues.get(name);
      const failed = await queue.getFailed(0, command.limit - 1);
      for (const job of failed) {
        if (command.jobName !== undefined && job.name !== command.jobName) continue;
        const view = failedJobOf(name, job);
        const current = await queue.getJob(view.id);
        if (current === undefined || !(await current.isFailed())) continue;
        await current.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried.push(view);
      }
    }
    return { retried };
  }
}

function failedJobOf(
  queue: QueueName,
  job: { id?: string; name: string; attemptsMade: number; finishedOn?: number; failedReason?: string },
): FailedJob {
  const firstLine = (job.failedReason ?? '').split('\n')[0];
  return {
    queue,
    id: String(job.id),
    name: job.name,
    attempts: job.attemptsMade,
    failedAt: job.finishedOn === undefined ? null : new Date(job.finishedOn).toISOString(),
    error: firstLine.length > ERROR_TEXT_MAX ? `${firstLine.slice(0, ERROR_TEXT_MAX - 1)}…` : firstLine,
  };
}

function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
