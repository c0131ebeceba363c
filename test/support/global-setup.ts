import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/platform/src/config/infrastructure/load-config';
import { buildDataSourceOptions } from '../../libs/platform/src/database/infrastructure/data-source-options';
import { ensureDatabaseRoles } from '../../libs/platform/src/database/infrastructure/database-roles';
import { MIGRATIONS } from '../../prisma-free-migrations/migrations';
import { createDatabase, createKeysDirectory, services, uniqueTestName } from './test-environment';

// Runs once per `npm test`, outside Jest's module registry (no path aliases here). Every suite then
// reads these variables through the same config loader the apps use.
export default async function globalSetup(): Promise<void> {
  const name = uniqueTestName();
  const template = `${name}_template`;
  // As the superuser: the owner and runtime roles (cluster-wide, created once under an advisory lock,
  // so concurrent runs share them) and the template database, owned by the owner role.
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_NAME: template, DATABASE_ADMIN_USER: services.user });
  await ensureDatabaseRoles(config).catch((error: Error) => {
    throw new Error(`Tests need PostgreSQL at ${services.host}:${services.port} (superuser ${services.user}): ${error.message}`);
  });
  const redis = new Redis({ host: services.redisHost, port: services.redisPort, lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch((error: Error) => {
    throw new Error(`Tests need Redis at ${services.redisHost}:${services.redisPort}: ${error.message}`);
  });
  redis.disconnect();

  // Migrations run as the owner role, as `npm run migrate` does; the apps under test connect as the runtime role.
  const dataSource = new DataSource(buildDataSourceOptions(config, { entities: [], migrations: MIGRATIONS }, { credentials: 'migration' }));
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
    DATABASE_USER: config.database.user,
    DATABASE_MIGRATION_USER: config.database.migrationUser,
    DATABASE_ADMIN_USER: config.database.adminUser,
    TEST_DATABASE_TEMPLATE: template,
    REDIS_PREFIX: name,
    BANK_KEYS_DIR: keysDirectory,
    DEMO_DATA_DIR: join(dirname(keysDirectory), 'demo'),
    // Mail is written as .eml files into the run's own folder; a suite about SMTP starts its own server.
    MAIL_TRANSPORT: 'file',
    MAIL_DIR: join(dirname(keysDirectory), 'mail'),
    ACCOUNT_MAILS_PER_HOUR: '1000',
    // The suite signs in thousands of times from one address: the cheapest scrypt cost the config accepts
    // (2^14, about a third of 2^15's CPU; never accepted in production) and no registration throttle, except
    // where a suite sets its own. The default 2^17 is tested in password-hash.spec.ts, a raised cost's
    // upgrade at sign-in in password-work.e2e-spec.ts.
    SCRYPT_LOG_N: process.env.SCRYPT_LOG_N ?? '14',
    REGISTRATIONS_PER_HOUR: '100000',
    // Workers started by suites must not verify the whole shared log on their own (its leaves include
    // test kinds); the scheduled start is tested with its own setting.
    LOG_VERIFICATION_EVERY_HOURS: '0',
  });
}
