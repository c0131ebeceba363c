import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createRequestContext, enqueueJob, JobHandler, JobWorkerHost, OutboxRelay, QueueRegistry } from '@infobank/platform';
import type { BenchEnvironment } from '../bench-environment';
import { BENCH_NOOP_JOB } from '../bench-jobs';
import { progress, roundTo, ScenarioMeasurement, sleep, timeSequential } from '../measure';

const JOBS = 2_000;
const JOBS_PER_TRANSACTION = 100;
const TIMEOUT_MS = 45_000;
const POLL_INTERVAL_MS = 10;

/** Does nothing, so that what is timed is outbox → relay → BullMQ → worker → completed_at. */
const noopHandler: JobHandler<{ thingId: string }> = { handle: async () => undefined };

/**
 * Commits N outbox jobs, then runs OutboxRelay.relayOnce in a loop beside a JobWorkerHost until every
 * row has completed_at. Rate: jobs/s from the worker's start to the last completion. Latency: outbox
 * created_at → completed_at from the database (both are transaction start times, so commit time is excluded).
 */
export async function outboxEndToEnd(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const { dataSource, config, logger } = environment;
  await dataSource.query('TRUNCATE "outbox"');
  const context = createRequestContext({ type: 'system', name: 'bench' });
  progress(`outbox_end_to_end: committing ${JOBS} jobs in transactions of ${JOBS_PER_TRANSACTION}`);
  const committing = await timeSequential(JOBS / JOBS_PER_TRANSACTION, () =>
    dataSource.transaction(async (transaction) => {
      for (let index = 0; index < JOBS_PER_TRANSACTION; index += 1) {
        await enqueueJob({ ...context, transaction }, BENCH_NOOP_JOB, { thingId: randomUUID() });
      }
    }),
  );

  const queues = new QueueRegistry(config);
  const relay = new OutboxRelay(dataSource, queues, logger, config.outbox);
  const host = new JobWorkerHost(config, dataSource, queues, logger);
  const unfinished = async (): Promise<number> =>
    (await dataSource.query('SELECT count(*)::int AS n FROM "outbox" WHERE "completed_at" IS NULL'))[0].n;
  try {
    progress(`outbox_end_to_end: relaying (batch ${config.outbox.batchSize}) and working (concurrency ${config.worker.concurrency})`);
    const started = performance.now();
    await host.start([{ contract: BENCH_NOOP_JOB, handler: noopHandler }]);
    let relayPasses = 0;
    for (let remaining = JOBS; remaining > 0;) {
      if (performance.now() - started > TIMEOUT_MS)
        throw new Error(`outbox_end_to_end: ${remaining} jobs unfinished after ${TIMEOUT_MS} ms`);
      relayPasses += 1;
      if ((await relay.relayOnce()) > 0) continue;
      remaining = await unfinished();
      if (remaining > 0) await sleep(POLL_INTERVAL_MS);
    }
    const seconds = (performance.now() - started) / 1000;

    const [latency] = await dataSource.query(
      `SELECT count(*)::int AS "completed", max("attempts")::int AS "maxAttempts",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY "ms") AS "p50",
              percentile_cont(0.95) WITHIN GROUP (ORDER BY "ms") AS "p95",
              percentile_cont(0.99) WITHIN GROUP (ORDER BY "ms") AS "p99"
         FROM (SELECT "attempts", (extract(epoch FROM "completed_at" - "created_at") * 1000)::double precision AS "ms"
                 FROM "outbox" WHERE "job_name" = $1 AND "completed_at" IS NOT NULL) AS "finished"`,
      [BENCH_NOOP_JOB.name],
    );
    if (latency.completed !== JOBS) throw new Error(`outbox_end_to_end: expected ${JOBS} completed rows, found ${latency.completed}`);
    return [
      {
        name: 'outbox_end_to_end',
        description:
          'committed outbox jobs completed by relay + JobWorkerHost from the worker start; latency outbox created_at → completed_at',
        operations: JOBS,
        seconds: roundTo(seconds, 4),
        ratePerSecond: roundTo(JOBS / seconds, 1),
        latencyMs: { p50: roundTo(latency.p50, 3), p95: roundTo(latency.p95, 3), p99: roundTo(latency.p99, 3) },
        baseline: 'raw_bullmq_add_noop_drain',
        details: {
          commitSeconds: roundTo(committing.seconds, 4),
          relayBatchSize: config.outbox.batchSize,
          relayPasses,
          workerConcurrency: config.worker.concurrency,
          maxRelayDispatchesPerRow: latency.maxAttempts,
        },
      },
    ];
  } finally {
    await host.stop(5_000);
    await queues.close();
  }
}
