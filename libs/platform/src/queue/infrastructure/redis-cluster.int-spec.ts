import { Worker } from 'bullmq';
import { Cluster } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, testConfig, testLogger } from '../../../../../test/support/platform';
import { RedisCluster } from '../../../../../test/scale/redis-cluster';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import { defineJob } from './job-contract';
import { JobSchedules } from './job-schedules';
import { bullPrefix } from './queue-names';
import { QueueRegistry } from './queue-registry';
import { bullConnectionOptions, createFailFastRedis, releaseBullConnection, type RedisClient } from './redis-connection';

const SEAL = defineJob({ queue: 'ledger', name: 'test.cluster-seal', fields: {}, origin: 'schedule', repeatEveryMs: 1_000 });

describe('Redis Cluster (REDIS_CLUSTER_NODES): three primaries of a test of its own', () => {
  let directory: string;
  let cluster: RedisCluster;
  let config: AppConfig;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'infobank-redis-cluster-'));
    cluster = await RedisCluster.create(directory);
    config = testConfig({ REDIS_CLUSTER_NODES: cluster.nodes, REDIS_PREFIX: 'cluster_spec' });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('gives BullMQ a Cluster client: a job added through the registry is processed, and closing releases every connection', async () => {
    const queues = new QueueRegistry(config);
    const connection = bullConnectionOptions(config);
    expect(connection).toBeInstanceOf(Cluster);
    const processed: string[] = [];
    const worker = new Worker('transfers', async (job) => void processed.push(job.id as string), {
      connection,
      prefix: bullPrefix(config.redis.prefix),
    });
    try {
      await queues.get('transfers').add('test.cluster-job', {}, { jobId: 'cluster-job-1' });
      await eventually('the job is processed', async () => processed.includes('cluster-job-1'));
    } finally {
      await worker.close();
      await releaseBullConnection(connection);
      await queues.close();
    }
    await eventually('the Cluster client BullMQ shared is closed', async () => (connection as Cluster).status === 'end');
  });

  it('keeps the job schedules (BullMQ’s multi-key scripts) in the queues’ one hash slot', async () => {
    const queues = new QueueRegistry(config);
    try {
      const schedules = new JobSchedules(queues, testLogger(), [SEAL]);
      expect(await schedules.ensure()).toEqual([SEAL.name]);
      expect((await queues.get('ledger').getJobScheduler(SEAL.name))?.every).toBe(1_000);
    } finally {
      await queues.close();
    }
  });

  describe('the fail-fast client', () => {
    let redis: RedisClient;
    beforeAll(() => {
      redis = createFailFastRedis(config, testLogger());
    });
    afterAll(() => redis.disconnect());

    it('is a Cluster client under the configured key prefix, spreading single keys over the primaries', async () => {
      expect(redis).toBeInstanceOf(Cluster);
      await eventually('the cluster client is ready', async () => (await redis.ping().catch(() => null)) === 'PONG');
      for (let index = 0; index < 60; index += 1) await redis.set(`spread:${index}`, '1', 'PX', 60_000);
      const perNode = Object.values(await cluster.keysPerNode());
      expect(perNode.filter((count) => count > 0)).toHaveLength(3);
      expect(await redis.get('spread:0')).toBe('1');
    });

    it('runs a two-key script whose keys share a hash tag, and refuses (CROSSSLOT) one whose keys do not', async () => {
      const script = `redis.call('SET', KEYS[1], '1'); redis.call('SET', KEYS[2], '1'); return 1`;
      expect(await redis.eval(script, 2, 'limits:{individual}:account:a', 'limits:{individual}:address:b')).toBe(1);
      // Keys chosen to land in different slots (the same two without a tag).
      await expect(redis.eval(script, 2, 'limits:individual:account:a', 'limits:individual:address:b')).rejects.toThrow(/CROSSSLOT/);
    });
  });
});
