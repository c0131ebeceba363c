import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/config.schema';

type Constructor = new (...args: never[]) => unknown;

/** The TypeORM options every process uses: PostgreSQL, never `synchronize`, explicit entities. */
export function buildDataSourceOptions(
  config: AppConfig,
  schema: { entities: MixedList<Constructor | string | EntitySchema>; migrations?: Constructor[] },
  overrides: { applicationName?: string; database?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    host: config.database.host,
    port: config.database.port,
    username: config.database.user,
    password: config.database.password,
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
