import type { AppConfig, DatabaseRolesReport, DatabaseStatus } from '@infobank/platform';
import type { DataSource } from 'typeorm';
import { detailsTable, listTable } from '../output/table';
import { listingCommand, type AdminCommand } from './admin-command';

/** Creates the configured database if it does not exist yet (connecting to `postgres` as the owner role). */
export async function createDatabaseIfMissing(config: AppConfig): Promise<{ database: string; created: boolean }> {
  const { buildDataSourceOptions, ensureDatabaseExists } = await import('@infobank/platform');
  const { DataSource } = await import('typeorm');
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
  const { SCHEMA } = await import('@infobank/migrations');
  const { buildDataSourceOptions } = await import('@infobank/platform');
  const { DataSource } = await import('typeorm');
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
  const { ensureDatabaseRoles } = await import('@infobank/platform');
  return ensureDatabaseRoles(config);
}

/**
 * `db:migrate`: outside production, first creates the roles and the database where missing (as the
 * superuser, like `db:roles`); in production the DBA has created them and only a missing database is
 * created (if the owner role may). Then applies pending migrations as the owner role under the advisory lock.
 */
export async function migrateCommand(config: AppConfig): Promise<{ database: string; created: boolean; applied: string[] }> {
  const { ensureDatabaseRoles, migrateUnderLock } = await import('@infobank/platform');
  const created =
    config.environment === 'production'
      ? (await createDatabaseIfMissing(config)).created
      : (await ensureDatabaseRoles(config)).databaseCreated;
  const applied = await withOwnerDataSource(config, migrateUnderLock);
  return { database: config.database.name, created, applied };
}

/** `db:revert`: reverts the most recent migration (as the owner role). */
export async function revertCommand(config: AppConfig): Promise<{ database: string; reverted: true }> {
  const { revertLastMigrationUnderLock } = await import('@infobank/platform');
  await withOwnerDataSource(config, revertLastMigrationUnderLock);
  return { database: config.database.name, reverted: true };
}

/** `db:status`: applied and pending migrations and the roles, read as the owner role; changes nothing. */
export async function statusCommand(config: AppConfig): Promise<DatabaseStatus> {
  const { SCHEMA } = await import('@infobank/migrations');
  const { readDatabaseStatus } = await import('@infobank/platform');
  return readDatabaseStatus(config, SCHEMA);
}

function renderStatus(status: DatabaseStatus): string {
  const last = status.applied.at(-1);
  const summary = detailsTable([
    ['database', `${status.database}${status.exists ? '' : ' (does not exist: run npm run migrate)'}`],
    ['applied migrations', `${status.applied.length}${last ? ` (last: ${last.name})` : ''}`],
    ['pending migrations', status.pending.length === 0 ? 'none' : `${status.pending.length}: ${status.pending.join(', ')}`],
  ]);
  const roles = listTable(
    status.roles,
    [
      ['role', (role) => role.name],
      ['for', (role) => role.purpose],
      ['exists', (role) => (role.exists ? 'yes' : 'NO')],
      ['login', (role) => (role.canLogin ? 'yes' : 'no')],
      ['superuser', (role) => (role.superuser ? 'YES' : 'no')],
      ['runtime privileges', (role) => (role.holdsRuntimePrivileges ? 'yes' : 'no')],
    ],
    'no roles',
  );
  return `${summary}\n\n${roles}`;
}

export const DATABASE_COMMANDS: readonly AdminCommand[] = [
  listingCommand({
    name: 'db:status',
    usage: 'applied and pending migrations, and the owner, runtime and privileges roles (exists, login, superuser); changes nothing',
    options: [],
    examples: ['db:status', 'db:status --json'],
    run: (config) => statusCommand(config),
    render: renderStatus,
  }),
  {
    name: 'db:roles',
    usage: 'as DATABASE_ADMIN_USER (a superuser): create the owner and runtime roles and the database where missing',
    options: [],
    run: (config) => rolesCommand(config),
  },
  {
    name: 'db:migrate',
    usage: 'as the owner role: apply pending migrations (under a lock); in development first what db:roles does',
    options: [],
    run: (config) => migrateCommand(config),
  },
  {
    name: 'db:revert',
    usage: 'revert the most recent migration (as the owner role); asks first, or --yes',
    options: [],
    examples: ['db:revert', 'db:revert --yes'],
    confirm: (config) =>
      `This reverts the most recent migration of database "${config.database.name}"; the tables it created and their data are dropped.`,
    run: (config) => revertCommand(config),
  },
];
