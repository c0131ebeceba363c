import { randomBytes } from 'node:crypto';
import { testConfig, testLogger } from '../../../../../test/support/platform';
import { PrivateRedis } from '../../../../../test/support/private-redis';
import { defineJob } from './job-contract';
import { ACTIVE_WITHOUT_NEXT_RUN_MS, JobSchedules } from './job-schedules';
import { QueueRegistry } from './queue-registry';

const SEAL = defineJob({ queue: 'ledger', name: 'test.seal', fields: {}, origin: 'schedule', repeatEveryMs: 1_000 });
const SWEEP = defineJob({ queue: 'schedules', name: 'test.sweep', fields: {}, origin: 'schedule', repeatEveryMs: 60_000 });
const ONE_OFF = defineJob({ queue: 'schedules', name: 'test.one-off', fields: { thingId: 'uuid' } });

describe('job schedules (kept in Redis by the worker, re-added when Redis loses them)', () => {
  let redis: PrivateRedis;
  let queues: QueueRegistry;
  let schedules: JobSchedules;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    queues = new QueueRegistry(testConfig({ REDIS_PORT: String(redis.port), REDIS_PREFIX: `schedules_${randomBytes(3).toString('hex')}` }));
  });
  beforeEach(async () => {
    await redis.flushAll();
    schedules = new JobSchedules(queues, testLogger(), [SEAL, SWEEP, ONE_OFF]);
  });
  afterAll(async () => {
    await queues?.close();
    await redis?.stop();
  });

  async function nextRuns(): Promise<(number | undefined)[]> {
    return Promise.all([SEAL, SWEEP].map(async (contract) => (await queues.get(contract.queue).getJobScheduler(contract.name))?.next));
  }

  it('adds every schedule job (and no other job) at the first check, then leaves intact ones alone so their next run keeps its time', async () => {
    expect(await schedules.ensure()).toEqual([SEAL.name, SWEEP.name]);
    const seal = await queues.get('ledger').getJobScheduler(SEAL.name);
    expect({ every: seal?.every, data: seal?.template?.data ?? {} }).toEqual({ every: 1_000, data: {} });
    expect(await queues.get('schedules').getJobScheduler(ONE_OFF.name)).toBeUndefined();
    const before = await nextRuns();

    expect(await schedules.ensure()).toEqual([]);
    expect(await nextRuns()).toEqual(before);
  });

  it('after FLUSHALL, the next check re-adds every schedule, its first run due at once', async () => {
    await schedules.ensure();
    await redis.flushAll();
    expect(await queues.get('ledger').getJobScheduler(SEAL.name)).toBeUndefined();

    const checkedAt = Date.now();
    expect(await schedules.ensure()).toEqual([SEAL.name, SWEEP.name]);
    for (const next of await nextRuns()) expect(next).toBeLessThanOrEqual(Date.now());
    for (const next of await nextRuns()) expect(next).toBeGreaterThanOrEqual(checkedAt - 1_000);
    expect(await schedules.ensure()).toEqual([]);
  });

  it('re-adds a schedule whose next run was lost, or which runs at another period than its contract declares', async () => {
    await schedules.ensure();
    const sweep = await queues.get('schedules').getJobScheduler(SWEEP.name);
    // Lose only the next run (BullMQ refuses to remove it, so by hand), keeping the scheduler record.
    const nextRun = `repeat:${SWEEP.name}:${sweep?.next}`;
    const client = redis.client();
    try {
      const [jobKey] = await client.keys(`*:schedules:${nextRun}`);
      const base = jobKey.slice(0, -nextRun.length);
      await client.multi().del(jobKey).lrem(`${base}wait`, 0, nextRun).zrem(`${base}delayed`, nextRun).exec();
    } finally {
      client.disconnect();
    }
    expect(await queues.get('schedules').getJobState(nextRun)).toBe('unknown');
    await queues.get('ledger').upsertJobScheduler(SEAL.name, { every: 5_000 }, { name: SEAL.name, data: {} });

    expect(await schedules.ensure()).toEqual([SEAL.name, SWEEP.name]);
    expect((await queues.get('ledger').getJobScheduler(SEAL.name))?.every).toBe(1_000);
    const next = (await queues.get('schedules').getJobScheduler(SWEEP.name))?.next;
    expect(['waiting', 'delayed']).toContain(await queues.get('schedules').getJobState(`repeat:${SWEEP.name}:${next}`));
  });

  it('re-adds a schedule whose latest run a worker took and died with before queueing the run after it, once a live worker would have', async () => {
    await schedules.ensure();
    const seal = await queues.get('ledger').getJobScheduler(SEAL.name);
    const taken = `repeat:${SEAL.name}:${seal?.next}`;
    // What BullMQ's worker does first (moveToActive), without its second step (adding the next run): a SIGKILL between.
    const client = redis.client();
    try {
      const [jobKey] = await client.keys(`*:ledger:${taken}`);
      const base = jobKey.slice(0, -taken.length);
      await client
        .multi()
        .lrem(`${base}wait`, 0, taken)
        .zrem(`${base}delayed`, taken)
        .zrem(`${base}prioritized`, taken)
        .lpush(`${base}active`, taken)
        .exec();
    } finally {
      client.disconnect();
    }
    expect(await queues.get('ledger').getJobState(taken)).toBe('active');
    let now = (seal?.next as number) + ACTIVE_WITHOUT_NEXT_RUN_MS;
    const clocked = new JobSchedules(queues, testLogger(), [SEAL, SWEEP], () => now);

    expect(await clocked.ensure()).toEqual([]);
    expect((await queues.get('ledger').getJobScheduler(SEAL.name))?.next).toBe(seal?.next);

    now += 1;
    expect(await clocked.ensure()).toEqual([SEAL.name]);
    const next = (await queues.get('ledger').getJobScheduler(SEAL.name))?.next;
    expect(next).toBeGreaterThan(seal?.next as number);
    expect(['waiting', 'delayed']).toContain(await queues.get('ledger').getJobState(`repeat:${SEAL.name}:${next}`));
  });
});
