import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import { buildDataSourceOptions } from './data-source-options';
import { RUNTIME_PRIVILEGES_ROLE } from './database-roles';

type Constructor = new (...args: never[]) => unknown;

/** A database role as `db:status` reports it. */
export interface DatabaseRoleStatus {
  /** What the role is for: the owner (migrations), the runtime role (apps and worker) or the privileges role. */
  purpose: 'owner' | 'runtime' | 'privileges';
  name: string;
  exists: boolean;
  superuser: boolean;
  canLogin: boolean;
  /** For the runtime role: whether it holds the runtime privileges (is or belongs to `infobank_app`). */
  holdsRuntimePrivileges: boolean;
}

/** `db:status`: which migrations are applied and pending, and whether the roles are as they should be. */
export interface DatabaseStatus {
  database: string;
  exists: boolean;
  applied: { name: string; timestamp: number }[];
  pending: string[];
  roles: DatabaseRoleStatus[];
}

/** Reads the schema's migration state (as the owner role) and the configured roles; changes nothing. */
export async function readDatabaseStatus(
  config: AppConfig,
  schema: { entities: Constructor[]; migrations?: Constructor[] },
): Promise<DatabaseStatus> {
  const name = config.database.name;
  const maintenance = await new DataSource(
    buildDataSourceOptions(config, { entities: [] }, { applicationName: 'infobank-admin', database: 'postgres', credentials: 'migration' }),
  ).initialize();
  let exists: boolean;
  let roles: DatabaseRoleStatus[];
  try {
    exists = (await maintenance.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
    roles = await readRoles(maintenance, config);
  } finally {
    await maintenance.destroy();
  }
  const known = (schema.migrations ?? []).map((migration) => migrationName(migration));
  if (!exists) return { database: name, exists, applied: [], pending: known, roles };
  const dataSource = await new DataSource(
    buildDataSourceOptions(config, { entities: [], migrations: [] }, { applicationName: 'infobank-admin', credentials: 'migration' }),
  ).initialize();
  try {
    const [table]: { present: boolean }[] = await dataSource.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS "present"`);
    const applied: { name: string; timestamp: string }[] = table.present
      ? await dataSource.query(`SELECT "name", "timestamp" FROM "schema_migrations" ORDER BY "timestamp", "id"`)
      : [];
    const done = new Set(applied.map((migration) => migration.name));
    return {
      database: name,
      exists,
      applied: applied.map((migration) => ({ name: migration.name, timestamp: Number(migration.timestamp) })),
      pending: known.filter((migration) => !done.has(migration)),
      roles,
    };
  } finally {
    await dataSource.destroy();
  }
}

// TypeORM records a migration under its `name` property, or its class name when it has none.
function migrationName(migration: Constructor): string {
  const instance = new (migration as unknown as new () => { name?: string })();
  return instance.name ?? migration.name;
}

async function readRoles(dataSource: DataSource, config: AppConfig): Promise<DatabaseRoleStatus[]> {
  const wanted: [DatabaseRoleStatus['purpose'], string][] = [
    ['owner', config.database.migrationUser],
    ['runtime', config.database.user],
    ['privileges', RUNTIME_PRIVILEGES_ROLE],
  ];
  const rows: { rolname: string; rolsuper: boolean; rolcanlogin: boolean; privileged: boolean }[] = await dataSource.query(
    `SELECT r.rolname, r.rolsuper, r.rolcanlogin,
            (r.rolname = $2 OR pg_has_role(r.oid, (SELECT oid FROM pg_roles WHERE rolname = $2), 'MEMBER')) AS privileged
       FROM pg_roles r WHERE r.rolname = ANY($1::text[])`,
    [wanted.map(([, role]) => role), RUNTIME_PRIVILEGES_ROLE],
  );
  return wanted.map(([purpose, role]) => {
    const row = rows.find((candidate) => candidate.rolname === role);
    return {
      purpose,
      name: role,
      exists: row !== undefined,
      superuser: row?.rolsuper ?? false,
      canLogin: row?.rolcanlogin ?? false,
      holdsRuntimePrivileges: row?.privileged ?? false,
    };
  });
}
