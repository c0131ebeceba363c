import { createFailFastRedis, type RedisClient } from '@infobank/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, testConfig, testLogger } from '../../../../../test/support/platform';
import { RedisCluster } from '../../../../../test/scale/redis-cluster';
import { LoginRateLimiter } from './login-rate-limiter';

const LIMITS = {
  perAccount: { freeFailures: 1, baseDelayMs: 60_000, maxDelayMs: 60_000 },
  perAddress: { freeFailures: 100, baseDelayMs: 1_000, maxDelayMs: 1_000 },
  forgetAfterMs: 60_000,
};

describe('LoginRateLimiter on a Redis Cluster (its account and address keys share a hash slot)', () => {
  let directory: string;
  let cluster: RedisCluster;
  let redis: RedisClient;
  let limiter: LoginRateLimiter;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'infobank-login-cluster-'));
    cluster = await RedisCluster.create(directory);
    redis = createFailFastRedis(testConfig({ REDIS_CLUSTER_NODES: cluster.nodes, REDIS_PREFIX: 'login_spec' }), testLogger());
    await eventually('the cluster client is ready', async () => (await redis.ping().catch(() => null)) === 'PONG');
    limiter = new LoginRateLimiter(redis, LIMITS, { accountKinds: ['individual'], publicUrl: 'http://localhost' });
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await cluster?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('counts, stamps and forgives attempts, and delays an account after its free failures, as on one server', async () => {
    const first = await limiter.begin('hanako@example.jp', '192.0.2.1');
    await limiter.failed(first);
    await expect(limiter.begin('hanako@example.jp', '192.0.2.2')).rejects.toMatchObject({ code: 'RATE_LIMITED' });

    const other = await limiter.begin('taro@example.jp', '192.0.2.1');
    await limiter.succeeded(other);
    await limiter.succeeded(await limiter.begin('taro@example.jp', '192.0.2.1'));
  });
});
