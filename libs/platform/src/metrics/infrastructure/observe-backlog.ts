import type { DataSource } from 'typeorm';
import type { QueueRegistry } from '../../queue/infrastructure/queue-registry';
import type { MetricsRegistry } from './metrics.registry';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

/**
 * Refreshes the queue-depth and outbox-backlog gauges just before a scrape. A source that does not
 * answer within a second leaves its gauges unset rather than stalling the scrape.
 */
export async function observeBacklog(metrics: MetricsRegistry, dataSource: DataSource, queues: QueueRegistry): Promise<void> {
  const outbox = withTimeout(
    dataSource.query(
      `SELECT count(*) FILTER (WHERE "dispatched_at" IS NULL)::int AS pending,
              count(*) FILTER (WHERE "dispatched_at" IS NOT NULL AND "completed_at" IS NULL)::int AS unfinished
         FROM "outbox" WHERE "completed_at" IS NULL`,
    ) as Promise<{ pending: number; unfinished: number }[]>,
    1_000,
  ).then(([row]) => {
    metrics.outboxBacklog.set({ stage: 'pending' }, row.pending);
    metrics.outboxBacklog.set({ stage: 'unfinished' }, row.unfinished);
  });
  const depth = queues.all().map((queue) =>
    withTimeout(queue.getJobCounts(...JOB_STATES), 1_000).then((counts) => {
      for (const state of JOB_STATES) metrics.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
    }),
  );
  await Promise.allSettled([outbox, ...depth]);
}
