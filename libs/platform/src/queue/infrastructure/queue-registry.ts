import { ConnectionOptions, JobsOptions, Queue } from 'bullmq';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import type { JobContract } from './job-contract';
import { bullConnectionOptions, releaseBullConnection } from './redis-connection';
import { QUEUE_NAMES, QueueName, bullPrefix } from './queue-names';

/** Retries back off exponentially; failed jobs stay in Redis for inspection; completed ones expire. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 60 * 60, count: 10_000 },
  removeOnFail: false,
};

/** The options a job is added with: the defaults, with the contract's own retry policy if it declares one. */
export function jobOptionsFor(contract: Pick<JobContract<unknown>, 'retry'> | undefined): JobsOptions {
  if (contract?.retry === undefined) return DEFAULT_JOB_OPTIONS;
  return { ...DEFAULT_JOB_OPTIONS, attempts: contract.retry.attempts, backoff: { type: 'exponential', delay: contract.retry.backoffMs } };
}

/** One BullMQ Queue per queue name, created on first use and closed together. */
export class QueueRegistry {
  private readonly queues = new Map<QueueName, Queue>();
  /** What each queue was given to connect with (a Cluster client is this registry's to close). */
  private readonly connections: ConnectionOptions[] = [];

  constructor(private readonly config: AppConfig) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      const connection = bullConnectionOptions(this.config);
      queue = new Queue(name, {
        connection,
        prefix: bullPrefix(this.config.redis.prefix),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
      this.connections.push(connection);
    }
    return queue;
  }

  all(): Queue[] {
    return QUEUE_NAMES.map((name) => this.get(name));
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await Promise.all(this.connections.splice(0).map(releaseBullConnection));
  }
}
