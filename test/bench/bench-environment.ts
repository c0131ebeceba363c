import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, buildDataSourceOptions, createLogger, ensureDatabaseRoles, loadConfig, migrateUnderLock } from '@infobank/platform';
import { SCHEMA } from '@infobank/migrations';
import { Redis } from 'ioredis';
import { Client, type ClientConfig } from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { progress, within } from './measure';

/** A migrated database and a Redis prefix of this run's own, plus a directory for generated keys. */
export interface BenchEnvironment {
  /** `infobank_bench_<hex>`: the database name and the Redis prefix. */
  name: string;
  config: AppConfig;
  /**
   * As the owner role: the scenarios' own set-up (baseline tables, TRUNCATE between rounds) needs it.
   * Apps and use cases built from `config` connect as the runtime role, as in production.
   */
  dataSource: DataSource;
  keysDirectory: string;
  /** Warnings (failed jobs, worker errors) go to stderr; stdout carries only the report. */
  logger: Logger;
  /** node-postgres settings for the raw baselines, which bypass TypeORM. */
  postgres: ClientConfig;
}

const MAX_SCAN_ROUNDS = 100_000;
const CLEAN_UP_STEP_TIMEOUT_MS = 15_000;

/**
 * Creates the run's database and migrates it, runs `work`, then drops the database, deletes the
 * run's Redis keys and removes the keys directory, whether `work` succeeded or not.
 */
export async function withBenchEnvironment<T>(work: (environment: BenchEnvironment) => Promise<T>): Promise<T> {
  const name = `infobank_bench_${randomBytes(5).toString('hex')}`;
  // Hosts are pinned: a benchmark run must never reach anything but this machine's services.
  const config = loadConfig({
    ...process.env,
    DATABASE_HOST: '127.0.0.1',
    REDIS_HOST: '127.0.0.1',
    DATABASE_NAME: name,
    REDIS_PREFIX: name,
    LOG_LEVEL: 'silent',
  });
  const postgres: ClientConfig = {
    host: config.database.host,
    port: config.database.port,
    user: config.database.migrationUser,
    password: config.database.migrationPassword,
    database: name,
  };
  const superuser: ClientConfig = { ...postgres, user: config.database.adminUser, password: config.database.adminPassword };
  await assertRedisAnswers(config);
  const keysDirectory = mkdtempSync(join(tmpdir(), 'infobank-bench-keys-'));
  let dataSource: DataSource | undefined;
  try {
    // The roles (where missing) and the database, owned by the owner role, as `db:migrate` does in development.
    await ensureDatabaseRoles(config);
    progress(`created database ${name}`);
    dataSource = await new DataSource(
      buildDataSourceOptions(config, SCHEMA, { applicationName: 'infobank-bench', credentials: 'migration' }),
    ).initialize();
    const ran = await migrateUnderLock(dataSource);
    progress(`migrated (${ran.length} migrations)`);
    const logger = createLogger({ level: 'warn', service: 'bench', destination: process.stderr });
    return await work({ name, config, dataSource, keysDirectory, logger, postgres });
  } finally {
    const open = dataSource;
    if (open?.isInitialized) await cleanUp('close the data source', () => open.destroy());
    await cleanUp(`drop database ${name}`, () =>
      onMaintenanceDatabase(superuser, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    );
    await cleanUp(`delete Redis keys matching *${name}*`, async () =>
      progress(`deleted ${await deleteRedisKeys(config, name)} Redis keys`),
    );
    await cleanUp('remove the keys directory', async () => rmSync(keysDirectory, { recursive: true, force: true }));
  }
}

/**
 * Runs one clean-up step, bounded in time (a stuck scenario may still hold a connection); a failure is
 * reported and fails the run but does not skip the other steps.
 */
async function cleanUp(what: string, step: () => Promise<unknown>): Promise<void> {
  try {
    await within(step(), CLEAN_UP_STEP_TIMEOUT_MS, what);
  } catch (error) {
    process.exitCode = 1;
    progress(`could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function onMaintenanceDatabase(settings: ClientConfig, statement: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ ...settings, database: 'postgres' });
  await client.connect();
  try {
    await statement(client);
  } finally {
    await client.end();
  }
}

/** Fails in seconds, not at a scenario's timeout, when Redis is not there (BullMQ would retry for ever). */
async function assertRedisAnswers(config: AppConfig): Promise<void> {
  const redis = openRedis(config);
  try {
    await redis.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The benchmark needs Redis at ${config.redis.host}:${config.redis.port} (${reason})`, { cause: error });
  } finally {
    redis.disconnect();
  }
}

/** A plain client that gives up quickly; errors surface from its commands, not as unhandled events. */
function openRedis(config: AppConfig): Redis {
  const redis = new Redis({
    host: config.redis.host,
    port: config.redis.port,
    password: config.redis.password,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => (attempt > 3 ? null : attempt * 200),
  });
  redis.on('error', () => undefined);
  return redis;
}

/** SCAN + DEL of every key containing the run's name (BullMQ's `{name}:queue:...` keys among them). */
async function deleteRedisKeys(config: AppConfig, name: string): Promise<number> {
  const redis = openRedis(config);
  try {
    let deleted = 0;
    let cursor = '0';
    for (let round = 0; round < MAX_SCAN_ROUNDS; round += 1) {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `*${name}*`, 'COUNT', 1_000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = nextCursor;
      if (cursor === '0') return deleted;
    }
    throw new Error(`SCAN did not finish within ${MAX_SCAN_ROUNDS} rounds`);
  } finally {
    redis.disconnect();
  }
}
