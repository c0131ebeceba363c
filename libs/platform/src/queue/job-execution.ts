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
 * in a transaction. For outbox jobs that transaction first locks the outbox row and ends by marking it
 * completed, so a second delivery (a retry, or a re-enqueue after a Redis flush) finds it done.
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
      const rows: { completed_at: Date | null; correlation_id: string | null }[] = await manager.query(
        `SELECT "completed_at", "correlation_id" FROM "outbox" WHERE "id" = $1 FOR UPDATE`,
        [jobId],
      );
      if (rows.length === 0) throw new UnrecoverableError(`Job ${contract.name} ${jobId} has no outbox row`);
      if (rows[0].completed_at !== null) return 'already-done';
      correlationId = rows[0].correlation_id ?? jobId;
    }
    const context: JobContext = {
      ...createRequestContext({ type: 'system', name: `job:${contract.name}` }, correlationId),
      transaction: manager,
    };
    await runInLogScope({ correlationId }, async () => {
      logger.debug({ job: contract.name, jobId, attempt: job.attemptsMade + 1 }, 'job started');
      await handler.handle(payload, context);
    });
    if (contract.origin === 'outbox') {
      await manager.query(`UPDATE "outbox" SET "completed_at" = now() WHERE "id" = $1`, [jobId]);
    }
    return 'done';
  });
}
