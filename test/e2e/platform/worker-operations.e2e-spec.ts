// A worker process's own /health and /metrics (WORKER_PORT): what the container health check and
// Prometheus read, since the worker has no HTTP app of its own.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { loadConfig, serveWorkerOperations } from '@infobank/platform';
import type { FastifyInstance } from 'fastify';
import { collectWorkerGauges } from '../../../apps/worker/src/operations/worker-gauges';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { freePort } from '../../support/private-redis';
import { isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../support/platform';

describe('worker operations endpoints', () => {
  const token = 'worker-metrics-token-of-at-least-32-characters';
  let environment: IsolatedEnvironment;
  let worker: INestApplicationContext;
  let server: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    const port = await freePort();
    const config = loadConfig({
      ...process.env,
      DATABASE_NAME: environment.config.database.name,
      REDIS_PREFIX: environment.config.redis.prefix,
      WORKER_PORT: String(port),
      METRICS_TOKEN: token,
    });
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ service: 'worker', config, logger: testLogger('worker'), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
    server = await serveWorkerOperations(worker, config, testLogger('worker'), collectWorkerGauges);
    url = `http://127.0.0.1:${port}`;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await worker?.close();
    await environment?.dispose();
  });

  it('/health answers 200 with Postgres and Redis up', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', details: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('/metrics needs the operations token, then shows queue depths, the outbox backlog, seal lag and overdue notices', async () => {
    const refused = await fetch(`${url}/metrics`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^infobank_queue_jobs\{.*state="failed".*service="worker".*\} \d+$/m);
    expect(text).toMatch(/^infobank_outbox_backlog\{stage="pending".*\} \d+$/m);
    expect(text).toMatch(/^infobank_transparency_seal_lag_seconds\{service="worker"\} [\d.e+-]+$/m);
    expect(text).toMatch(/^infobank_notices_overdue\{service="worker"\} \d+$/m);
  });
});
