import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/infrastructure/config.schema';

/** ioredis options for BullMQ (which requires maxRetriesPerRequest: null on workers). */
export function bullConnectionOptions(config: AppConfig): ConnectionOptions {
  return {
    host: config.redis.host,
    port: config.redis.port,
    password: config.redis.password,
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  };
}

/**
 * A Redis client for request paths (health, replay caches): commands fail fast while Redis is away
 * instead of queueing, so a request gets a clear 503 rather than hanging.
 */
export function createFailFastRedis(config: AppConfig, logger: Logger): Redis {
  const client = new Redis({
    host: config.redis.host,
    port: config.redis.port,
    password: config.redis.password,
    keyPrefix: `${config.redis.prefix}:`,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  reportConnectionErrors(client, logger);
  return client;
}

/** Logs a lost Redis connection once, not once per reconnection attempt. */
export function reportConnectionErrors(client: Redis, logger: Logger): void {
  let reported = false;
  client.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: { message: error.message } }, 'redis connection lost; retrying');
  });
  client.on('ready', () => {
    if (reported) logger.info('redis connection restored');
    reported = false;
  });
}
