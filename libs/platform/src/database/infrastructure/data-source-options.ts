import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { AppConfig } from '../../config/infrastructure/config.schema';

type Constructor = new (...args: never[]) => unknown;

/**
 * Who a connection acts as: `runtime` (every app and the worker: the least-privileged role),
 * `migration` (the owner role that runs migrations) or `admin` (a superuser that creates roles).
 */
export type DatabaseCredentials = 'runtime' | 'migration' | 'admin';

/** The user name and password of one of the configured roles. */
export function databaseLogin(config: AppConfig, credentials: DatabaseCredentials): { username: string; password: string } {
  const { database } = config;
  if (credentials === 'migration') return { username: database.migrationUser, password: database.migrationPassword };
  if (credentials === 'admin') return { username: database.adminUser, password: database.adminPassword };
  return { username: database.user, password: database.password };
}

/** The TypeORM options every process uses: PostgreSQL, never `synchronize`, explicit entities. */
export function buildDataSourceOptions(
  config: AppConfig,
  schema: { entities: MixedList<Constructor | string | EntitySchema>; migrations?: Constructor[] },
  overrides: { applicationName?: string; database?: string; credentials?: DatabaseCredentials } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    host: config.database.host,
    port: config.database.port,
    ...databaseLogin(config, overrides.credentials ?? 'runtime'),
    database: overrides.database ?? config.database.name,
    ssl: config.database.ssl,
    applicationName: overrides.applicationName ?? 'infobank',
    entities: schema.entities,
    migrations: schema.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: config.database.poolSize,
    extra: { connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
  };
}

/**
 * The options of the read replica's pool (DATABASE_READ_HOST): the runtime role, like the primary's, but every
 * session is read-only (default_transaction_read_only), so not even a mistaken write can run there, and a
 * short connect timeout, so that a replica that is away sends reads to the primary quickly.
 */
export function buildReplicaDataSourceOptions(
  config: AppConfig,
  schema: { entities: MixedList<Constructor | string | EntitySchema> },
  applicationName: string,
): DataSourceOptions {
  const replica = config.database.readReplica;
  if (replica === null) throw new Error('buildReplicaDataSourceOptions needs DATABASE_READ_HOST');
  return {
    ...buildDataSourceOptions(config, schema, { applicationName }),
    host: replica.host,
    port: replica.port,
    extra: { connectionTimeoutMillis: 1_000, idleTimeoutMillis: 30_000, options: '-c default_transaction_read_only=on' },
  } as DataSourceOptions;
}
