import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/infrastructure/config.schema';

/**
 * The app's Redis client: one server, or a Redis Cluster when REDIS_CLUSTER_NODES is set. On a Cluster
 * every command must name keys of one slot: single-key commands, or scripts whose keys share a hash tag.
 */
export type RedisClient = Redis | Cluster;

const reconnectDelay = (attempt: number): number => Math.min(attempt * 200, 2_000);

/**
 * The connection BullMQ is given (it requires maxRetriesPerRequest: null on workers). On one server these
 * are options, from which each Queue and Worker opens and closes its own connections. BullMQ opens only
 * single-server connections from options, so on a Cluster this is a Cluster client of its own, which
 * BullMQ shares and never closes: whoever asked for it closes it with `releaseBullConnection`.
 */
export function bullConnectionOptions(config: AppConfig): ConnectionOptions {
  const nodes = config.redis.clusterNodes;
  if (nodes === undefined) {
    return {
      host: config.redis.host,
      port: config.redis.port,
      password: config.redis.password,
      maxRetriesPerRequest: null,
      retryStrategy: reconnectDelay,
    };
  }
  return new Cluster(
    nodes.map((node) => ({ ...node })),
    {
      clusterRetryStrategy: reconnectDelay,
      redisOptions: { password: config.redis.password, maxRetriesPerRequest: null },
    },
  );
}

/** Closes a connection from `bullConnectionOptions` after the Queue or Worker using it closed (a no-op for options). */
export async function releaseBullConnection(connection: ConnectionOptions): Promise<void> {
  if (!(connection instanceof Cluster)) return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

/**
 * A Redis client for request paths (health, replay caches): commands fail fast while Redis is away
 * instead of queueing, so a request gets a clear 503 rather than hanging.
 */
export function createFailFastRedis(config: AppConfig, logger: Logger): RedisClient {
  const nodes = config.redis.clusterNodes;
  const client: RedisClient =
    nodes === undefined
      ? new Redis({
          host: config.redis.host,
          port: config.redis.port,
          password: config.redis.password,
          keyPrefix: `${config.redis.prefix}:`,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2_000,
          retryStrategy: reconnectDelay,
        })
      : new Cluster(
          nodes.map((node) => ({ ...node })),
          {
            keyPrefix: `${config.redis.prefix}:`,
            enableOfflineQueue: false,
            clusterRetryStrategy: reconnectDelay,
            redisOptions: { password: config.redis.password, maxRetriesPerRequest: 1, connectTimeout: 2_000 },
          },
        );
  reportConnectionErrors(client, logger);
  return client;
}

/** Logs a lost Redis connection once, not once per reconnection attempt. */
export function reportConnectionErrors(client: RedisClient, logger: Logger): void {
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
