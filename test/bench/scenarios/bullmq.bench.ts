import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { bullConnectionOptions, bullPrefix, DEFAULT_JOB_OPTIONS } from '@infobank/platform';
import { Queue, Worker } from 'bullmq';
import type { BenchEnvironment } from '../bench-environment';
import { BENCH_NOOP_JOB, WARM_UP_OPERATIONS } from '../bench-jobs';
import { progress, ScenarioMeasurement, summarise, timeSequential, within } from '../measure';

const JOBS = 2_000;
const QUEUE = 'bench-raw-noop';
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Baseline: Queue.add of N jobs one after another, then a BullMQ Worker with a no-op processor draining
 * them. Same connection options, key prefix, job options and concurrency as the platform's own queues.
 */
export async function rawBullmqAddNoop(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const connection = bullConnectionOptions(environment.config);
  const prefix = bullPrefix(environment.config.redis.prefix);
  const concurrency = environment.config.worker.concurrency;
  const queue = new Queue(QUEUE, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  // Reported once on stderr instead of BullMQ printing every reconnection attempt.
  const reportOnce = onlyOnce((error: Error) => progress(`raw BullMQ: ${error.message}`));
  queue.on('error', reportOnce);
  let worker: Worker | undefined;
  try {
    const add = () => queue.add(BENCH_NOOP_JOB.name, { thingId: randomUUID() });
    await timeSequential(WARM_UP_OPERATIONS, add);
    await queue.drain();
    progress(`raw_bullmq_add_noop: adding ${JOBS} jobs`);
    const adding = await timeSequential(JOBS, add);
    const waiting = await queue.getWaitingCount();
    if (waiting !== JOBS) throw new Error(`raw_bullmq_add_noop: expected ${JOBS} waiting jobs, found ${waiting}`);

    progress(`raw_bullmq_add_noop_drain: draining ${JOBS} jobs (concurrency ${concurrency})`);
    const latenciesMs: number[] = [];
    let failed = 0;
    let finish: () => void = () => undefined;
    const drained = new Promise<void>((resolve) => (finish = resolve));
    const started = performance.now();
    // The clock includes the worker's start-up, as it does for the outbox end-to-end scenario.
    worker = new Worker(QUEUE, async () => undefined, { connection, prefix, concurrency });
    worker.on('completed', (job) => {
      latenciesMs.push((job.finishedOn ?? Date.now()) - job.timestamp);
      if (latenciesMs.length === JOBS) finish();
    });
    worker.on('failed', () => (failed += 1));
    worker.on('error', reportOnce);
    await within(drained, DRAIN_TIMEOUT_MS, () => `raw BullMQ drain (${latenciesMs.length} of ${JOBS} done, ${failed} failed)`);
    const draining = { seconds: (performance.now() - started) / 1000, latenciesMs };

    return [
      summarise(
        { name: 'raw_bullmq_add_noop', description: 'one Queue.add, sequential (latency of the add)', operations: JOBS, baseline: null },
        adding,
      ),
      summarise(
        {
          name: 'raw_bullmq_add_noop_drain',
          description: `jobs completed by a no-op Worker (concurrency ${concurrency}) from its start; latency from add to finishedOn`,
          operations: JOBS,
          baseline: null,
        },
        draining,
      ),
    ];
  } finally {
    await worker?.close();
    await queue.close();
  }
}

function onlyOnce<T>(report: (value: T) => void): (value: T) => void {
  let reported = false;
  return (value) => {
    if (!reported) report(value);
    reported = true;
  };
}
