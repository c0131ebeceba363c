import type { Logger } from 'pino';
import type { JobContract } from './job-contract';
import type { QueueRegistry } from './queue-registry';

/** The states of a schedule's next run in which it will still run (and add the run after it); for `active` see below. */
const PENDING_STATES: ReadonlySet<string> = new Set(['delayed', 'waiting', 'prioritized']);

/**
 * How long a schedule's latest run may be active with no run queued after it. BullMQ's worker adds the next run
 * right after it moves a run to active (two steps, not one script): a worker killed between them leaves the schedule
 * with nothing after that run, which only BullMQ's stalled-job check (30 s and more) would hand on. A live worker
 * adds it within milliseconds; past this, the run's taker is taken for dead and the schedule is re-added (at worst
 * one extra run, and every handler is idempotent).
 */
export const ACTIVE_WITHOUT_NEXT_RUN_MS = 1_000;

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
    private readonly now: () => number = Date.now,
  ) {
    this.schedules = contracts.filter((contract) => contract.origin === 'schedule');
  }

  /**
   * Adds every schedule Redis does not hold as declared (missing, another period, a non-empty payload, or
   * its next run gone, or taken by a worker that died before queueing the run after it); a schedule that is intact
   * is left alone, so its next run keeps its time.
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
    if (state === 'active') return this.now() - scheduler.next <= ACTIVE_WITHOUT_NEXT_RUN_MS;
    return PENDING_STATES.has(state);
  }
}
