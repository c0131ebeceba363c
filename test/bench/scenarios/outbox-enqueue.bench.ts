import { randomUUID } from 'node:crypto';
import { createRequestContext, enqueueJob } from '@infobank/platform';
import type { BenchEnvironment } from '../bench-environment';
import { BENCH_NOOP_JOB, WARM_UP_OPERATIONS } from '../bench-jobs';
import { progress, ScenarioMeasurement, summarise, timeSequential } from '../measure';

const JOBS = 2_000;
const JOBS_PER_BATCH = 100;

/** enqueueJob inside a TypeORM transaction: one job per transaction, then 100; compared to a raw autocommit INSERT. */
export async function outboxEnqueue(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const { dataSource } = environment;
  const context = createRequestContext({ type: 'system', name: 'bench' });
  const transactionOf = (jobs: number) => () =>
    dataSource.transaction(async (transaction) => {
      for (let index = 0; index < jobs; index += 1) {
        await enqueueJob({ ...context, transaction }, BENCH_NOOP_JOB, { thingId: randomUUID() });
      }
    });

  await timeSequential(WARM_UP_OPERATIONS, transactionOf(1));
  progress(`outbox_enqueue_1_per_transaction: ${JOBS} transactions`);
  const single = await timeSequential(JOBS, transactionOf(1));
  progress(`outbox_enqueue_${JOBS_PER_BATCH}_per_transaction: ${JOBS / JOBS_PER_BATCH} transactions`);
  const batched = await timeSequential(JOBS / JOBS_PER_BATCH, transactionOf(JOBS_PER_BATCH));

  const [{ rows }] = await dataSource.query('SELECT count(*)::int AS "rows" FROM "outbox"');
  if (rows !== WARM_UP_OPERATIONS + 2 * JOBS)
    throw new Error(`outbox_enqueue: expected ${WARM_UP_OPERATIONS + 2 * JOBS} rows, found ${rows}`);
  // The end-to-end scenario must relay only its own rows.
  await dataSource.query('TRUNCATE "outbox"');

  return [
    summarise(
      {
        name: 'outbox_enqueue_1_per_transaction',
        description: 'enqueueJob in its own transaction (BEGIN, INSERT, COMMIT); latency per transaction',
        operations: JOBS,
        baseline: 'raw_postgres_insert',
      },
      single,
    ),
    summarise(
      {
        name: `outbox_enqueue_${JOBS_PER_BATCH}_per_transaction`,
        description: `enqueueJob x${JOBS_PER_BATCH} in one transaction; rate in jobs/s, latency per transaction of ${JOBS_PER_BATCH} jobs`,
        operations: JOBS,
        baseline: 'raw_postgres_insert',
      },
      batched,
    ),
  ];
}
