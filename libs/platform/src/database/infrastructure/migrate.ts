import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import { buildDataSourceOptions } from './data-source-options';
import { ensureLedgerPartitions } from './ledger-partitions';

// One arbitrary, fixed 64-bit key: every Infobank process that migrates takes this lock first, so that
// `npm run migrate` and MIGRATE_AT_BOOT in several replicas never run migrations at the same time.
const MIGRATION_LOCK_KEY = '7301626001';

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      return await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Runs pending migrations under a PostgreSQL advisory lock, then makes the ledgers' partitions for the months ahead
 * (so `npm run migrate`, `npm start` and MIGRATE_AT_BOOT never leave them to the schedule alone); returns the names of
 * the migrations it ran.
 */
export async function migrateUnderLock(dataSource: DataSource): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    await ensureLedgerPartitions(dataSource.manager, { now: new Date() });
    return ran.map((migration) => migration.name);
  });
}

/** Reverts the most recent migration under the same lock (used by tests and by operators). */
export async function revertLastMigrationUnderLock(dataSource: DataSource): Promise<void> {
  await withMigrationLock(dataSource, () => dataSource.undoLastMigration({ transaction: 'each' }));
}

/** Creates the database if it does not exist, connecting through an existing (maintenance) data source. */
export async function ensureDatabaseExists(maintenance: DataSource, name: string): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`DATABASE_NAME "${name}" is not a plain lower-case identifier`);
  const rows: unknown[] = await maintenance.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rows.length > 0) return false;
  await maintenance.query(`CREATE DATABASE "${name}"`);
  return true;
}

/** With MIGRATE_AT_BOOT, applies pending migrations (under the lock) before the process builds its app. */
export async function migrateAtBootIfEnabled(
  config: AppConfig,
  schema: Parameters<typeof buildDataSourceOptions>[1],
  logger: Logger,
): Promise<void> {
  if (!config.database.migrateAtBoot) return;
  // Migrations run as the owner role; the process itself then connects as the runtime role.
  const dataSource = await new DataSource(
    buildDataSourceOptions(config, schema, { applicationName: 'infobank-migrate', credentials: 'migration' }),
  ).initialize();
  try {
    const ran = await migrateUnderLock(dataSource);
    if (ran.length > 0) logger.info({ migrations: ran }, 'migrations applied at boot');
  } finally {
    await dataSource.destroy();
  }
}
