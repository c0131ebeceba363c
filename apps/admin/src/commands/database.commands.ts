import { SCHEMA } from '@infobank/migrations';
import {
  AppConfig,
  buildDataSourceOptions,
  ensureDatabaseExists,
  ensureDatabaseRoles,
  migrateUnderLock,
  revertLastMigrationUnderLock,
  type DatabaseRolesReport,
} from '@infobank/platform';
import { DataSource } from 'typeorm';

/** Creates the configured database if it does not exist yet (connecting to `postgres` as the owner role). */
export async function createDatabaseIfMissing(config: AppConfig): Promise<{ database: string; created: boolean }> {
  const maintenance = await new DataSource(
    buildDataSourceOptions(config, { entities: [] }, { applicationName: 'infobank-admin', database: 'postgres', credentials: 'migration' }),
  ).initialize();
  try {
    return { database: config.database.name, created: await ensureDatabaseExists(maintenance, config.database.name) };
  } finally {
    await maintenance.destroy();
  }
}

// Migrations, and their reversal, run as the owner role (DATABASE_MIGRATION_USER), never as the runtime role.
async function withOwnerDataSource<T>(config: AppConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(
    buildDataSourceOptions(config, SCHEMA, { applicationName: 'infobank-admin', credentials: 'migration' }),
  ).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** `db:roles`: as DATABASE_ADMIN_USER (a superuser), creates the owner and runtime roles and the database where missing. */
export async function rolesCommand(config: AppConfig): Promise<DatabaseRolesReport> {
  return ensureDatabaseRoles(config);
}

/**
 * `db:migrate`: outside production, first creates the roles and the database where missing (as the
 * superuser, like `db:roles`); in production the DBA has created them and only a missing database is
 * created (if the owner role may). Then applies pending migrations as the owner role under the advisory lock.
 */
export async function migrateCommand(config: AppConfig): Promise<{ database: string; created: boolean; applied: string[] }> {
  const created =
    config.environment === 'production'
      ? (await createDatabaseIfMissing(config)).created
      : (await ensureDatabaseRoles(config)).databaseCreated;
  const applied = await withOwnerDataSource(config, migrateUnderLock);
  return { database: config.database.name, created, applied };
}

/** `db:revert`: reverts the most recent migration (as the owner role). */
export async function revertCommand(config: AppConfig): Promise<{ database: string; reverted: true }> {
  await withOwnerDataSource(config, revertLastMigrationUnderLock);
  return { database: config.database.name, reverted: true };
}
