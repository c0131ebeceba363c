import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../prisma-free-migrations/migrations';
import { createDatabase, createKeysDirectory, services, uniqueTestName } from './test-environment';

// Runs once per `npm test`, outside Jest's module registry (no path aliases here). Every suite then
// reads these variables through the same config loader the apps use.
export default async function globalSetup(): Promise<void> {
  const name = uniqueTestName();
  const template = `${name}_template`;
  await createDatabase(template).catch((error: Error) => {
    throw new Error(`Tests need PostgreSQL at ${services.host}:${services.port} (user ${services.user}): ${error.message}`);
  });
  const redis = new Redis({ host: services.redisHost, port: services.redisPort, lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch((error: Error) => {
    throw new Error(`Tests need Redis at ${services.redisHost}:${services.redisPort}: ${error.message}`);
  });
  redis.disconnect();

  const dataSource = new DataSource({
    type: 'postgres',
    host: services.host,
    port: services.port,
    username: services.user,
    password: services.password,
    database: template,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  // Suites that need a database of their own (they run a relay, or migrate down) clone the template.
  await createDatabase(name, template);

  const keysDirectory = createKeysDirectory();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_NAME: name,
    TEST_DATABASE_TEMPLATE: template,
    REDIS_PREFIX: name,
    BANK_KEYS_DIR: keysDirectory,
    DEMO_DATA_DIR: join(dirname(keysDirectory), 'demo'),
    // The suite signs in thousands of times from one address: a cheaper scrypt cost (never accepted in
    // production) and no registration throttle, except where a suite sets its own.
    SCRYPT_LOG_N: process.env.SCRYPT_LOG_N ?? '15',
    REGISTRATIONS_PER_HOUR: '100000',
  });
}
