import { UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import { executeJob } from './job-execution';
import type { JobContract } from './job-contract';
import type { JobHandler } from './job-handler';
import { JobSchedules } from './job-schedules';
import { bullPrefix, QueueName } from './queue-names';
import type { QueueRegistry } from './queue-registry';
import { bullConnectionOptions, releaseBullConnection } from './redis-connection';

/** A contract with its one handler. */
export interface BoundJob {
  contract: JobContract<unknown>;
  handler: JobHandler<unknown>;
}

/**
 * Runs one BullMQ worker per queue that has jobs, dispatching each job by name to its handler, and adds
 * the schedules of the schedule jobs among them (`schedules` re-adds them later if Redis loses them).
 */
export class JobWorkerHost {
  private readonly workers: Worker[] = [];
  /** What each worker was given to connect with (a Cluster client is this host's to close). */
  private readonly connections: ConnectionOptions[] = [];
  private jobSchedules?: JobSchedules;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly logger: Logger,
  ) {}

  async start(jobs: readonly BoundJob[]): Promise<void> {
    const byQueue = new Map<QueueName, Map<string, BoundJob>>();
    for (const job of jobs) {
      const named = byQueue.get(job.contract.queue) ?? new Map<string, BoundJob>();
      named.set(job.contract.name, job);
      byQueue.set(job.contract.queue, named);
    }
    for (const [queue, named] of byQueue) {
      const connection = bullConnectionOptions(this.config);
      this.connections.push(connection);
      const worker = new Worker(
        queue,
        async (job) => {
          const bound = named.get(job.name);
          if (!bound) throw new UnrecoverableError(`No handler for job ${job.name} on queue ${queue}`);
          return executeJob(this.dataSource, this.logger, bound.contract, bound.handler, job);
        },
        {
          connection,
          prefix: bullPrefix(this.config.redis.prefix),
          concurrency: this.config.worker.concurrency,
          autorun: true,
        },
      );
      worker.on('failed', (job, error) => {
        this.logger.warn({ job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: { message: error.message } }, 'job failed');
      });
      worker.on('error', (error) => this.logger.error({ err: { message: error.message } }, 'worker error'));
      this.workers.push(worker);
    }
    this.jobSchedules = new JobSchedules(
      this.queues,
      this.logger,
      jobs.map((job) => job.contract),
    );
    await this.jobSchedules.ensure();
  }

  /** The schedules of the jobs this host runs (after start). */
  get schedules(): JobSchedules {
    if (!this.jobSchedules) throw new Error('JobWorkerHost.schedules is known once the host has started');
    return this.jobSchedules;
  }

  /**
   * Stops taking jobs and waits for running ones up to the timeout. Jobs still running after it are
   * abandoned: their transactions roll back when the process ends, and BullMQ's stalled-job check (or the
   * outbox reconciler) hands them to another worker, so nothing is lost.
   */
  async stop(timeoutMs: number): Promise<void> {
    const workers = this.workers.splice(0);
    const closed = Promise.all(workers.map((worker) => worker.close())).then(() => true);
    const finished = await Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())]);
    if (!finished) this.logger.warn({ timeoutMs }, 'worker stopped with jobs still running; they will be retried elsewhere');
    await Promise.all(this.connections.splice(0).map(releaseBullConnection));
  }
}
