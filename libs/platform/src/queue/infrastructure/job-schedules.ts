import type { Logger } from 'pino';
import type { JobContract } from './job-contract';
import type { QueueRegistry } from './queue-registry';

/** The states of a schedule's next run in which it will still run (and add the run after it). */
const PENDING_STATES: ReadonlySet<string> = new Set(['delayed', 'waiting', 'prioritized', 'active']);

/**
 * The worker's repeatable jobs (sealer, expiries, overdue notices, data life, outbox pruning). Redis alone
 * holds a schedule, so the worker re-asserts them all the time, not only at start: a schedule Redis lost
 * (a flush, a failover to an empty replica, an evicted key) comes back on the next check, with no restart.
 */
export class JobSchedules {
  private readonly schedules: readonly JobContract<unknown>[];
  private checked = false;

  constructor(
    private readonly queues: QueueRegistry,
    private readonly logger: Logger,
    contracts: readonly JobContract<unknown>[],
  ) {
    this.schedules = contracts.filter((contract) => contract.origin === 'schedule');
  }

  /**
   * Adds every schedule Redis does not hold as declared (missing, another period, a non-empty payload, or
   * its next run gone); a schedule that is intact is left alone, so its next run keeps its time.
   * Returns the names of the schedules it (re)added.
   */
  async ensure(): Promise<string[]> {
    const added: string[] = [];
    for (const contract of this.schedules) {
      if (await this.isIntact(contract)) continue;
      await this.queues
        .get(contract.queue)
        .upsertJobScheduler(contract.name, { every: contract.repeatEveryMs as number }, { name: contract.name, data: {} });
      added.push(contract.name);
    }
    // The first check (at start) adds them as a matter of course; later, a missing schedule means Redis lost it.
    if (this.checked && added.length > 0) this.logger.warn({ schedules: added }, 'job schedules missing from redis were re-added');
    this.checked = true;
    return added;
  }

  private async isIntact(contract: JobContract<unknown>): Promise<boolean> {
    const queue = this.queues.get(contract.queue);
    const scheduler = await queue.getJobScheduler(contract.name);
    if (!scheduler || scheduler.every !== contract.repeatEveryMs || typeof scheduler.next !== 'number') return false;
    if (Object.keys(scheduler.template?.data ?? {}).length > 0) return false;
    // BullMQ names a schedule's next run `repeat:<scheduler id>:<its time>`. If that run is gone, or already
    // finished (the worker failed to add the one after it), nothing would ever run again.
    const state = await queue.getJobState(`repeat:${contract.name}:${scheduler.next}`);
    return PENDING_STATES.has(state);
  }
}
