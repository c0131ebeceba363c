import { SCHEMA } from '@infobank/migrations';
import {
  AppConfig,
  buildDataSourceOptions,
  ensureDatabaseExists,
  migrateUnderLock,
  revertLastMigrationUnderLock,
} from '@infobank/platform';
import { DataSource } from 'typeorm';

/** Creates the configured database if it does not exist yet (connecting to `postgres`). */
export async function createDatabaseIfMissing(config: AppConfig): Promise<{ database: string; created: boolean }> {
  const maintenance = await new DataSource(
    buildDataSourceOptions(config, { entities: [] }, { applicationName: 'infobank-admin', database: 'postgres' }),
  ).initialize();
  try {
    return { database: config.database.name, created: await ensureDatabaseExists(maintenance, config.database.name) };
  } finally {
    await maintenance.destroy();
  }
}

async function withDataSource<T>(config: AppConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(buildDataSourceOptions(config, SCHEMA, { applicationName: 'infobank-admin' })).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** `db:migrate`: creates the database when missing, then applies pending migrations under the advisory lock. */
export async function migrateCommand(config: AppConfig): Promise<{ database: string; created: boolean; applied: string[] }> {
  const { created } = await createDatabaseIfMissing(config);
  const applied = await withDataSource(config, migrateUnderLock);
  return { database: config.database.name, created, applied };
}

/** `db:revert`: reverts the most recent migration. */
export async function revertCommand(config: AppConfig): Promise<{ database: string; reverted: true }> {
  await withDataSource(config, revertLastMigrationUnderLock);
  return { database: config.database.name, reverted: true };
}
