import { Job, UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { createRequestContext, runInLogScope } from '../../context/application/request-context';
import { assertPayload, JobContract } from './job-contract';
import type { JobContext, JobHandler } from './job-handler';

/** What happened to one delivery of a job. */
export type JobOutcome = 'done' | 'already-done';

type Delivery = Pick<Job, 'id' | 'data' | 'attemptsMade'>;

const OUTBOX_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Runs one delivery of a job in a transaction with its handler's effects.
 *
 * An outbox job's payload is read from its outbox row, never from Redis: Redis carries only the row id
 * (the job id), so a write to Redis cannot point a job at another individual. The same statement that
 * reads the row locks it and marks it completed, and commits only together with the handler's effects,
 * so a second delivery (a retry, or a re-enqueue after a Redis flush) finds it done. A job whose row is
 * missing, or belongs to another job, is unrecoverable and does nothing.
 *
 * A schedule job has no row; the only payload its contract allows is the empty one.
 */
export async function executeJob(
  dataSource: DataSource,
  logger: Logger,
  contract: JobContract<unknown>,
  handler: JobHandler<unknown>,
  job: Delivery,
): Promise<JobOutcome> {
  const jobId = job.id ?? '';
  if (contract.origin === 'schedule') {
    const payload = assertPayload(contract, job.data);
    return dataSource.transaction(async (manager): Promise<JobOutcome> => {
      await runHandler(logger, contract, handler, job, { payload, correlationId: jobId, manager });
      return 'done';
    });
  }
  if (!OUTBOX_ID.test(jobId)) throw new UnrecoverableError(`Job ${contract.name}: its id is not an outbox row id`);
  return dataSource.transaction(async (manager): Promise<JobOutcome> => {
    // (Wrapped in a CTE so TypeORM returns the rows themselves rather than [rows, count] for an UPDATE.)
    const claimed: { correlation_id: string | null; payload: unknown }[] = await manager.query(
      `WITH "claimed" AS (
         UPDATE "outbox" SET "completed_at" = now()
          WHERE "id" = $1 AND "queue" = $2 AND "job_name" = $3 AND "completed_at" IS NULL
          RETURNING "correlation_id", "payload"
       ) SELECT "correlation_id", "payload" FROM "claimed"`,
      [jobId, contract.queue, contract.name],
    );
    if (claimed.length === 0) return refuseOrSkip(manager, contract, jobId);
    // Stored payloads were checked when enqueued; checking again keeps a hand-edited row from reaching a handler.
    const payload = assertPayload(contract, claimed[0].payload);
    if (!dataAgreesWithRow(job.data, claimed[0].payload)) {
      // Names and ids only: the data itself may be what an intruder wanted logged.
      logger.warn({ job: contract.name, jobId }, 'job data in redis differs from its outbox row; the row was used');
    }
    await runHandler(logger, contract, handler, job, { payload, correlationId: claimed[0].correlation_id ?? jobId, manager });
    return 'done';
  });
}

/** No unfinished row of this job has the id: done already, or a delivery that names no work of this job. */
async function refuseOrSkip(manager: EntityManager, contract: JobContract<unknown>, jobId: string): Promise<JobOutcome> {
  const rows: { queue: string; job_name: string }[] = await manager.query(`SELECT "queue", "job_name" FROM "outbox" WHERE "id" = $1`, [
    jobId,
  ]);
  if (rows.length === 0) throw new UnrecoverableError(`Job ${contract.name} ${jobId} has no outbox row`);
  if (rows[0].queue !== contract.queue || rows[0].job_name !== contract.name) {
    throw new UnrecoverableError(`Job ${contract.name} ${jobId}: its outbox row is for another job`);
  }
  return 'already-done';
}

/** Jobs are relayed with empty data; jobs relayed before that carry a copy of the row's payload. */
function dataAgreesWithRow(data: unknown, stored: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const entries = Object.entries(data);
  if (entries.length === 0) return true;
  const storedRecord = stored as Record<string, unknown>;
  return entries.length === Object.keys(storedRecord).length && entries.every(([key, value]) => storedRecord[key] === value);
}

async function runHandler(
  logger: Logger,
  contract: JobContract<unknown>,
  handler: JobHandler<unknown>,
  job: Delivery,
  run: { payload: unknown; correlationId: string; manager: EntityManager },
): Promise<void> {
  const context: JobContext = {
    ...createRequestContext({ type: 'system', name: `job:${contract.name}` }, run.correlationId),
    transaction: run.manager,
  };
  await runInLogScope({ correlationId: run.correlationId }, async () => {
    logger.debug({ job: contract.name, jobId: job.id, attempt: job.attemptsMade + 1 }, 'job started');
    await handler.handle(run.payload, context);
  });
}
