import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { AppConfig, buildDataSourceOptions, createLogger, loadConfig, type DatabaseCredentials } from '@infobank/platform';
import { SCHEMA } from '@infobank/migrations';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createDatabase, dropDatabase } from './test-environment';

/** This run's configuration, read by the same loader the apps use (global setup set the variables). */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}

/** A logger at the run's level (silent unless TEST_LOG_LEVEL is set). */
export function testLogger(service = 'test'): Logger {
  return createLogger({ level: process.env.LOG_LEVEL ?? 'silent', service });
}

/**
 * A connected data source on this run's migrated database. Destroy it in afterAll. It connects as the
 * runtime role the apps use, unless a test needs the owner (`'migration'`: migrations, extra tables)
 * or the superuser (`'admin'`: what only an attacker with superuser rights could do).
 */
export async function openTestDataSource(
  config: AppConfig = testConfig(),
  credentials: DatabaseCredentials = 'runtime',
): Promise<DataSource> {
  return new DataSource(buildDataSourceOptions(config, SCHEMA, { applicationName: 'infobank-test', credentials })).initialize();
}

/** Refreshes a table's planner statistics. Only the owner role may (PostgreSQL 15 skips ANALYZE for others, with a mere warning). */
export async function analyzeAsOwner(config: AppConfig, table: string): Promise<void> {
  const owner = await openTestDataSource(config, 'migration');
  try {
    await owner.query(`ANALYZE "${table}"`);
  } finally {
    await owner.destroy();
  }
}

/** Waits until `check` returns a truthy value, polling; fails with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A migrated database and Redis prefix of a suite's own, for suites whose relay or worker must see only their own work. */
export interface IsolatedEnvironment {
  config: AppConfig;
  dataSource: DataSource;
  dispose(): Promise<void>;
}

/** Clones the run's migrated template into a new database and picks a new Redis prefix. */
export async function isolatedEnvironment(overrides: Record<string, string> = {}): Promise<IsolatedEnvironment> {
  const base = process.env.DATABASE_NAME ?? 'infobank_test';
  const name = `${base}_${randomBytes(3).toString('hex')}`;
  await createDatabase(name, process.env.TEST_DATABASE_TEMPLATE);
  const config = testConfig({ DATABASE_NAME: name, REDIS_PREFIX: name, ...overrides });
  const dataSource = await openTestDataSource(config);
  return {
    config,
    dataSource,
    dispose: async () => {
      await dataSource.destroy();
      await dropDatabase(name);
    },
  };
}

/** An active provider organisation inserted with plain SQL (the rows CreateOrganisationUseCase writes, without its checks), for tests of the links it holds. */
export async function insertActiveProvider(dataSource: DataSource): Promise<string> {
  const id = randomUUID();
  const corporateNumber =
    String(randomInt(1, 10)) + String(randomInt(0, 1e6)).padStart(6, '0') + String(randomInt(0, 1e6)).padStart(6, '0');
  await dataSource.query(
    `INSERT INTO organisations (id, corporate_number, name_ja, country, roles, terms_version, status)
     VALUES ($1, $2, 'テスト提供元', 'JP', ARRAY['provider'], '2025-01', 'active')`,
    [id, corporateNumber],
  );
  return id;
}
