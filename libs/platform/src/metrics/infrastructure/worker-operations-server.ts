import type { INestApplicationContext } from '@nestjs/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import { REDIS } from '../../platform.tokens';
import { QueueRegistry } from '../../queue/infrastructure/queue-registry';
import type { RedisClient } from '../../queue/infrastructure/redis-connection';
import { MetricsRegistry } from './metrics.registry';
import { observeBacklog } from './observe-backlog';

/** Refreshes further gauges before a scrape (the worker adds its own: seal lag, overdue notices). */
export type MetricsCollector = (app: INestApplicationContext) => Promise<void>;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

/**
 * A worker process's own operations listener on WORKER_PORT: `/health` (200 when Postgres and Redis
 * both answer within a second, otherwise 503 naming which; for the container health check) and
 * `/metrics` (Prometheus: queue depths by state, outbox backlog, and what `collect` adds; the
 * METRICS_TOKEN bearer token when set). Closes with the application.
 */
export async function serveWorkerOperations(
  app: INestApplicationContext,
  config: AppConfig,
  logger: Logger,
  collect: MetricsCollector = async () => undefined,
): Promise<FastifyInstance> {
  const server = Fastify({ logger: false });
  const metrics = app.get(MetricsRegistry);
  const token = config.hardening.metricsToken === undefined ? undefined : digest(config.hardening.metricsToken);

  server.get('/health', async (_request, reply) => {
    const [postgres, redis] = await Promise.allSettled([
      withTimeout(app.get(DataSource).query('SELECT 1'), 1_000),
      withTimeout(app.get<RedisClient>(REDIS).ping(), 1_000),
    ]);
    const state = (result: PromiseSettledResult<unknown>) => ({ status: result.status === 'fulfilled' ? 'up' : 'down' });
    const checks = { postgres: state(postgres), redis: state(redis) };
    const healthy = postgres.status === 'fulfilled' && redis.status === 'fulfilled';
    void reply.status(healthy ? 200 : 503).header('cache-control', 'no-store');
    return { status: healthy ? 'ok' : 'error', details: checks };
  });

  server.get('/metrics', async (request, reply) => {
    if (token !== undefined) {
      const presented = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (presented === undefined || !timingSafeEqual(digest(presented), token)) {
        void reply.status(401).header('www-authenticate', 'Bearer').header('content-type', 'application/problem+json');
        return {
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'UNAUTHENTICATED',
          detail: 'This endpoint needs the operations bearer token.',
        };
      }
    }
    await Promise.allSettled([observeBacklog(metrics, app.get(DataSource), app.get(QueueRegistry)), withTimeout(collect(app), 1_000)]);
    void reply.header('cache-control', 'no-store').header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    return metrics.registry.metrics();
  });

  await server.listen({ port: config.worker.port, host: config.http.host });
  logger.info({ port: config.worker.port }, 'worker operations endpoints listening (/health, /metrics)');
  return server;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
