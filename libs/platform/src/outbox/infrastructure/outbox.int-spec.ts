import { UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { isolatedEnvironment, IsolatedEnvironment, eventually, openTestDataSource, testLogger } from '../../../../../test/support/platform';
import { PrivateRedis } from '../../../../../test/support/private-redis';
import { createRequestContext } from '../../context/application/request-context';
import { defineJob } from '../../queue/infrastructure/job-contract';
import type { JobContext, JobHandler } from '../../queue/infrastructure/job-handler';
import { executeJob } from '../../queue/infrastructure/job-execution';
import { JobWorkerHost } from '../../queue/infrastructure/job-worker-host';
import { QueueRegistry } from '../../queue/infrastructure/queue-registry';
import { enqueueJob } from './enqueue-job';
import { OutboxRelay } from './outbox-relay';

const EFFECT_JOB = defineJob({ queue: 'ledger', name: 'test.record-effect', fields: { thingId: 'uuid' } });
const OTHER_JOB = defineJob({ queue: 'ledger', name: 'test.other-effect', fields: { thingId: 'uuid' } });
const SWEEP_JOB = defineJob({ queue: 'ledger', name: 'test.sweep', fields: {}, origin: 'schedule', repeatEveryMs: 60_000 });

/**
 * Each delivery inserts a row with no uniqueness guard, so the effect table counts how often the
 * handler's transaction committed: exactly-once must come from the outbox, not from the handler.
 */
class RecordEffect implements JobHandler<{ thingId: string }> {
  gate: Promise<void> | undefined;
  started = 0;

  async handle(payload: { thingId: string }, context: JobContext): Promise<void> {
    this.started += 1;
    await context.transaction.query('INSERT INTO "test_effects" ("thing_id") VALUES ($1)', [payload.thingId]);
    if (this.gate) await this.gate;
  }
}

describe('transactional outbox', () => {
  let environment: IsolatedEnvironment;
  let redis: PrivateRedis;
  let queues: QueueRegistry;
  let relay: OutboxRelay;
  let host: JobWorkerHost;
  let handler: RecordEffect;
  const logger = testLogger();

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    environment = await isolatedEnvironment({ REDIS_PORT: String(redis.port), OUTBOX_RECONCILE_GRACE_MS: '0' });
    // Tables are the owner role's to create; its default privileges give the runtime role access.
    const owner = await openTestDataSource(environment.config, 'migration');
    await owner.query('CREATE TABLE "test_effects" ("thing_id" uuid NOT NULL, "at" timestamptz NOT NULL DEFAULT now())');
    await owner.destroy();
    queues = new QueueRegistry(environment.config);
    relay = new OutboxRelay(environment.dataSource, queues, logger, environment.config.outbox);
  });

  beforeEach(() => {
    handler = new RecordEffect();
    host = new JobWorkerHost(environment.config, environment.dataSource, queues, logger);
  });

  afterEach(async () => {
    await host.stop(1_000);
  });

  afterAll(async () => {
    await queues.close();
    await environment.dispose();
    await redis.stop();
  });

  async function commitJobs(count: number): Promise<string[]> {
    const thingIds = Array.from({ length: count }, () => randomUUID());
    await environment.dataSource.transaction(async (transaction) => {
      for (const thingId of thingIds)
        await enqueueJob({ ...createRequestContext({ type: 'system', name: 'test' }), transaction }, EFFECT_JOB, { thingId });
    });
    return thingIds;
  }

  async function effectCount(thingIds: string[]): Promise<number> {
    const [row] = await environment.dataSource.query('SELECT count(*)::int AS n FROM "test_effects" WHERE "thing_id" = ANY($1::uuid[])', [
      thingIds,
    ]);
    return row.n;
  }

  async function outboxIdOf(thingId: string): Promise<string> {
    const [row]: { id: string }[] = await environment.dataSource.query(`SELECT "id" FROM "outbox" WHERE "payload"->>'thingId' = $1`, [
      thingId,
    ]);
    return row.id;
  }

  async function unfinished(): Promise<number> {
    const [row] = await environment.dataSource.query('SELECT count(*)::int AS n FROM "outbox" WHERE "completed_at" IS NULL');
    return row.n;
  }

  it('enqueues rows committed in a transaction exactly once, with jobId = outbox id', async () => {
    const thingIds = await commitJobs(3);
    expect(await relay.relayOnce()).toBe(3);
    expect(await relay.relayOnce()).toBe(0);
    const rows: { id: string }[] = await environment.dataSource.query('SELECT "id" FROM "outbox" WHERE "dispatched_at" IS NOT NULL');
    for (const { id } of rows) expect(await queues.get('ledger').getJob(id)).toBeDefined();
    expect(await queues.get('ledger').getJobCounts('waiting')).toEqual({ waiting: 3 });

    await host.start([{ contract: EFFECT_JOB, handler }]);
    await eventually('all jobs to complete', async () => (await unfinished()) === 0);
    expect(await effectCount(thingIds)).toBe(3);
  });

  it('enqueues nothing for a rolled-back transaction', async () => {
    const before: { n: number }[] = await environment.dataSource.query('SELECT count(*)::int AS n FROM "outbox"');
    await expect(
      environment.dataSource.transaction(async (transaction) => {
        await enqueueJob({ ...createRequestContext({ type: 'system', name: 'test' }), transaction }, EFFECT_JOB, { thingId: randomUUID() });
        throw new Error('the change that caused the job failed');
      }),
    ).rejects.toThrow('the change that caused the job failed');
    const after: { n: number }[] = await environment.dataSource.query('SELECT count(*)::int AS n FROM "outbox"');
    expect(after[0].n).toBe(before[0].n);
    expect(await relay.relayOnce()).toBe(0);
  });

  it('rejects a payload that breaks the job contract before anything is written', async () => {
    await expect(
      environment.dataSource.transaction((transaction) =>
        enqueueJob({ ...createRequestContext({ type: 'system', name: 'test' }), transaction }, EFFECT_JOB, {
          thingId: 'someone@example.com',
        }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/thingId' }] });
  });

  it('after FLUSHALL mid-run, re-enqueues unfinished rows and every effect happens exactly once', async () => {
    // One job finishes before the flush, one is mid-flight during it, three wait in Redis.
    const [finished] = await commitJobs(1);
    expect(await relay.relayOnce()).toBe(1);
    await host.start([{ contract: EFFECT_JOB, handler }]);
    await eventually('the first job to finish', async () => (await effectCount([finished])) === 1);

    let release!: () => void;
    handler.gate = new Promise<void>((resolve) => (release = resolve));
    const [inFlight] = await commitJobs(1);
    expect(await relay.relayOnce()).toBe(1);
    await eventually('the second job to start', async () => handler.started === 2);
    await host.stop(0);
    host = new JobWorkerHost(environment.config, environment.dataSource, queues, logger);

    const waiting = await commitJobs(3);
    expect(await relay.relayOnce()).toBe(3);
    await redis.flushAll();
    expect(await queues.get('ledger').getJobCounts('waiting', 'active')).toEqual({ waiting: 0, active: 0 });

    // The three waiting jobs are missing from Redis; the in-flight one is too, but its first delivery
    // still holds the outbox row, so the reconciler leaves it to that delivery.
    expect(await relay.reconcileOnce()).toBe(3);
    await host.start([{ contract: EFFECT_JOB, handler }]);
    release();
    await eventually('every job to complete', async () => (await unfinished()) === 0);
    expect(await effectCount([finished])).toBe(1);
    expect(await effectCount([inFlight])).toBe(1);
    expect(await effectCount(waiting)).toBe(3);
    expect(await relay.reconcileOnce()).toBe(0);
  });

  it('runs the effect of a job delivered twice only once', async () => {
    const [thingId] = await commitJobs(1);
    const [row]: { id: string }[] = await environment.dataSource.query(`SELECT "id" FROM "outbox" WHERE "payload"->>'thingId' = $1`, [
      thingId,
    ]);
    const delivery = { id: row.id, data: { thingId }, attemptsMade: 0 };
    expect(await executeJob(environment.dataSource, logger, EFFECT_JOB, handler, delivery)).toBe('done');
    expect(await executeJob(environment.dataSource, logger, EFFECT_JOB, handler, delivery)).toBe('already-done');
    expect(await effectCount([thingId])).toBe(1);
  });

  it('relays a job with no data: Redis carries only the outbox row id', async () => {
    const [thingId] = await commitJobs(1);
    await relay.relayOnce();
    const id = await outboxIdOf(thingId);
    const job = await queues.get('ledger').getJob(id);
    expect({ id: job?.id, data: job?.data }).toEqual({ id, data: {} });

    await host.start([{ contract: EFFECT_JOB, handler }]);
    await eventually('the job to complete', async () => (await unfinished()) === 0);
    expect(await effectCount([thingId])).toBe(1);
  });

  it('acts on the payload stored in the outbox row when the job data in Redis is changed to point at another individual', async () => {
    const [mine, someoneElse] = await commitJobs(2);
    await relay.relayOnce();
    const job = await queues.get('ledger').getJob(await outboxIdOf(mine));
    // Someone who can write to Redis points this job at another individual's thing.
    await job!.updateData({ thingId: someoneElse });

    await host.start([{ contract: EFFECT_JOB, handler }]);
    await eventually('both jobs to complete', async () => (await unfinished()) === 0);
    expect(await effectCount([mine])).toBe(1);
    expect(await effectCount([someoneElse])).toBe(1);
  });

  it('refuses a job whose outbox row does not exist (unrecoverable, tried once, nothing done)', async () => {
    const thingId = randomUUID();
    const forged = await queues.get('ledger').add(EFFECT_JOB.name, { thingId }, { jobId: randomUUID(), attempts: 3 });

    await host.start([{ contract: EFFECT_JOB, handler }]);
    const failed = await eventually('the forged job to fail', async () =>
      (await forged.getState()) === 'failed' ? queues.get('ledger').getJob(forged.id!) : null,
    );
    expect({ attemptsMade: failed?.attemptsMade, failedReason: failed?.failedReason }).toEqual({
      attemptsMade: 1,
      failedReason: `Job ${EFFECT_JOB.name} ${forged.id} has no outbox row`,
    });
    expect(handler.started).toBe(0);
    expect(await effectCount([thingId])).toBe(0);
  });

  it("refuses a job that points at another job's outbox row, leaving that row unfinished for its own job", async () => {
    const victim = randomUUID();
    const rowId = await environment.dataSource.transaction((transaction) =>
      enqueueJob({ ...createRequestContext({ type: 'system', name: 'test' }), transaction }, OTHER_JOB, { thingId: victim }),
    );
    const delivery = { id: rowId, data: { thingId: victim }, attemptsMade: 0 };
    try {
      await expect(executeJob(environment.dataSource, logger, EFFECT_JOB, handler, delivery)).rejects.toThrow(
        new UnrecoverableError(`Job ${EFFECT_JOB.name} ${rowId}: its outbox row is for another job`),
      );
      expect(handler.started).toBe(0);
      expect(await effectCount([victim])).toBe(0);
      const [row]: { completed_at: Date | null }[] = await environment.dataSource.query(
        `SELECT "completed_at" FROM "outbox" WHERE "id" = $1`,
        [rowId],
      );
      expect(row.completed_at).toBeNull();
    } finally {
      await environment.dataSource.query(`DELETE FROM "outbox" WHERE "id" = $1`, [rowId]);
    }
  });

  it('treats a stored payload that breaks the contract as unrecoverable, without running the handler', async () => {
    const rowId = randomUUID();
    await environment.dataSource.query(`INSERT INTO "outbox" ("id", "queue", "job_name", "payload") VALUES ($1, $2, $3, $4::jsonb)`, [
      rowId,
      EFFECT_JOB.queue,
      EFFECT_JOB.name,
      JSON.stringify({ thingId: 'not-an-id', name: 'Taro' }),
    ]);
    try {
      const delivery = { id: rowId, data: {}, attemptsMade: 0 };
      await expect(executeJob(environment.dataSource, logger, EFFECT_JOB, handler, delivery)).rejects.toBeInstanceOf(UnrecoverableError);
      expect(handler.started).toBe(0);
    } finally {
      await environment.dataSource.query(`DELETE FROM "outbox" WHERE "id" = $1`, [rowId]);
    }
  });

  it('runs a schedule job without an outbox row, but only with the empty payload its contract allows', async () => {
    let runs = 0;
    const sweep: JobHandler<unknown> = { handle: async () => void (runs += 1) };
    const scheduled = { id: `repeat:${SWEEP_JOB.name}:1`, attemptsMade: 0 };
    expect(await executeJob(environment.dataSource, logger, SWEEP_JOB, sweep, { ...scheduled, data: {} })).toBe('done');
    await expect(
      executeJob(environment.dataSource, logger, SWEEP_JOB, sweep, { ...scheduled, data: { individualId: randomUUID() } }),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(runs).toBe(1);
  });
});
