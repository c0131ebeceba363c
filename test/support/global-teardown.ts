import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Redis } from 'ioredis';
import { dropDatabasesStartingWith, services } from './test-environment';

/** Removes what this run created: its database, its Redis keys (by prefix) and its key directory. */
export default async function globalTeardown(): Promise<void> {
  const name = process.env.DATABASE_NAME;
  const prefix = process.env.REDIS_PREFIX;
  if (name?.startsWith('infobank_test_')) await dropDatabasesStartingWith(name);
  if (prefix?.startsWith('infobank_test_')) {
    const redis = new Redis({ host: services.redisHost, port: services.redisPort, maxRetriesPerRequest: 1 });
    try {
      await deleteKeysMatching(redis, `*${prefix}*`);
    } finally {
      redis.disconnect();
    }
  }
  const keys = process.env.BANK_KEYS_DIR;
  if (keys?.includes('infobank-test-')) rmSync(dirname(keys), { recursive: true, force: true });
}

/** Deletes every key matching the pattern, a SCAN page at a time. */
export async function deleteKeysMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
