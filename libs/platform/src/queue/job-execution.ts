import { Job, UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createRequestContext, runInLogScope } from '../context/request-context';
import { assertPayload, JobContract } from './job-contract';
import type { JobContext, JobHandler } from './job-handler';

/** What happened to one delivery of a job. */
export type JobOutcome = 'done' | 'already-done';

/**
 * Runs one delivery of a job: validates the payload (a bad one is unrecoverable), then runs the handler
 * in a transaction. For outbox jobs that transaction first marks the outbox row completed (which locks
 * it) and commits that only together with the handler's effects, so a second delivery (a retry, or a re-enqueue after a Redis flush) finds it done.
 */
export async function executeJob(
  dataSource: DataSource,
  logger: Logger,
  contract: JobContract<unknown>,
  handler: JobHandler<unknown>,
  job: Pick<Job, 'id' | 'data' | 'attemptsMade'>,
): Promise<JobOutcome> {
  const payload = assertPayload(contract, job.data);
  const jobId = job.id ?? '';
  return dataSource.transaction(async (manager) => {
    let correlationId = jobId;
    if (contract.origin === 'outbox') {
      // One statement locks the row and marks it completed; if the handler fails, the rollback undoes both.
      // (Wrapped in a CTE so TypeORM returns the rows themselves rather than [rows, count] for an UPDATE.)
      const claimed: { correlation_id: string | null }[] = await manager.query(
        `WITH "claimed" AS (
           UPDATE "outbox" SET "completed_at" = now() WHERE "id" = $1 AND "completed_at" IS NULL RETURNING "correlation_id"
         ) SELECT "correlation_id" FROM "claimed"`,
        [jobId],
      );
      if (claimed.length === 0) {
        const exists: unknown[] = await manager.query(`SELECT 1 FROM "outbox" WHERE "id" = $1`, [jobId]);
        if (exists.length === 0) throw new UnrecoverableError(`Job ${contract.name} ${jobId} has no outbox row`);
        return 'already-done';
      }
      correlationId = claimed[0].correlation_id ?? jobId;
    }
    const context: JobContext = {
      ...createRequestContext({ type: 'system', name: `job:${contract.name}` }, correlationId),
      transaction: manager,
    };
    await runInLogScope({ correlationId }, async () => {
      logger.debug({ job: contract.name, jobId, attempt: job.attemptsMade + 1 }, 'job started');
      await handler.handle(payload, context);
    });
    return 'done';
  });
}
