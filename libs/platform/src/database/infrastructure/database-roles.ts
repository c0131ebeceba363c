import { DataSource, type QueryRunner } from 'typeorm';
import type { AppConfig } from '../../config/infrastructure/config.schema';
import { buildDataSourceOptions } from './data-source-options';

/**
 * The role every migration grants the runtime privileges to (see migration LeastPrivilegeAppRole).
 * DATABASE_USER is this role itself or a login role that is a member of it.
 */
export const RUNTIME_PRIVILEGES_ROLE = 'infobank_app';

// Roles are cluster-wide while databases are not: every role set-up takes this advisory lock in the
// maintenance database `postgres`, so that concurrent runs (several test runs, replicas) never race.
const ROLES_LOCK_KEY = '7301626002';
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** What `ensureDatabaseRoles` found missing and created, and how many objects it handed to the owner. */
export interface DatabaseRolesReport {
  database: string;
  owner: string;
  runtime: string;
  createdRoles: string[];
  databaseCreated: boolean;
  adoptedObjects: number;
}

/** Runs `template` through the server's `format()` (%I identifiers, %L literals), then executes it. */
async function runFormatted(runner: QueryRunner, template: string, ...values: string[]): Promise<void> {
  const placeholders = values.map((_value, index) => `$${index + 2}::text`).join(', ');
  const [{ sql }]: { sql: string }[] = await runner.query(`SELECT format($1${placeholders ? `, ${placeholders}` : ''}) AS "sql"`, [
    template,
    ...values,
  ]);
  await runner.query(sql);
}

async function withAdminRunner<T>(config: AppConfig, database: string, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(
    buildDataSourceOptions(config, { entities: [] }, { applicationName: 'infobank-roles', database, credentials: 'admin' }),
  ).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    return await work(runner);
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

function checkNames(config: AppConfig): { owner: string; runtime: string; name: string } {
  const { migrationUser: owner, user: runtime, adminUser, name } = config.database;
  for (const [variable, value] of [
    ['DATABASE_MIGRATION_USER', owner],
    ['DATABASE_USER', runtime],
    ['DATABASE_NAME', name],
  ]) {
    if (!PLAIN_IDENTIFIER.test(value)) throw new Error(`${variable} "${value}" is not a plain lower-case identifier`);
  }
  if (owner === runtime) throw new Error('DATABASE_USER and DATABASE_MIGRATION_USER must be two different roles');
  if (runtime === adminUser || owner === adminUser) {
    throw new Error('DATABASE_USER and DATABASE_MIGRATION_USER must not be DATABASE_ADMIN_USER (a superuser)');
  }
  return { owner, runtime, name };
}

/** Creates a login role that is no superuser and can create neither roles nor databases, or sets its password. */
async function ensureLoginRole(runner: QueryRunner, role: string, password: string, login: boolean): Promise<boolean> {
  const [existing]: { rolsuper: boolean; rolbypassrls: boolean }[] = await runner.query(
    `SELECT "rolsuper", "rolbypassrls" FROM pg_roles WHERE "rolname" = $1`,
    [role],
  );
  if (existing?.rolsuper || existing?.rolbypassrls) {
    throw new Error(`Role ${role} is a superuser (or bypasses row security): the owner and runtime roles must be ordinary roles`);
  }
  const attributes = `${login ? 'LOGIN' : 'NOLOGIN'} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`;
  if (existing === undefined) {
    await runFormatted(runner, `CREATE ROLE %I ${attributes}`, role);
  }
  if (password !== '') await runFormatted(runner, 'ALTER ROLE %I PASSWORD %L', role, password);
  return existing === undefined;
}

/** Hands every table, view and function of schema `public` that someone else owns (a database migrated as a superuser before) to the owner role. */
async function adoptObjects(runner: QueryRunner, owner: string): Promise<number> {
  const relations: { name: string; kind: string }[] = await runner.query(
    `SELECT c."relname" AS "name", c."relkind" AS "kind" FROM pg_class c
       JOIN pg_namespace n ON n."oid" = c."relnamespace"
      WHERE n."nspname" = 'public' AND c."relkind" IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c."relowner") <> $1`,
    [owner],
  );
  for (const relation of relations) {
    const keyword = relation.kind === 'v' ? 'VIEW' : relation.kind === 'm' ? 'MATERIALIZED VIEW' : 'TABLE';
    await runFormatted(runner, `ALTER ${keyword} %I OWNER TO %I`, relation.name, owner);
  }
  const functions: { signature: string }[] = await runner.query(
    `SELECT p."oid"::regprocedure::text AS "signature" FROM pg_proc p
       JOIN pg_namespace n ON n."oid" = p."pronamespace"
      WHERE n."nspname" = 'public' AND pg_get_userbyid(p."proowner") <> $1`,
    [owner],
  );
  for (const { signature } of functions) await runFormatted(runner, `ALTER FUNCTION ${signature} OWNER TO %I`, owner);
  // Migrations create in `public`: PostgreSQL 15 gives that only to the database owner (pg_database_owner).
  const [schema]: { owner: string }[] = await runner.query(
    `SELECT pg_get_userbyid("nspowner") AS "owner" FROM pg_namespace WHERE "nspname" = 'public'`,
  );
  if (schema && schema.owner !== 'pg_database_owner' && schema.owner !== owner) {
    await runFormatted(runner, 'GRANT USAGE, CREATE ON SCHEMA public TO %I', owner);
  }
  return relations.length + functions.length;
}

/**
 * `db:roles`: as the superuser DATABASE_ADMIN_USER, creates what least privilege needs when it is
 * missing: the owner role (DATABASE_MIGRATION_USER), the runtime role (DATABASE_USER, a member of
 * `infobank_app` when named otherwise), the database owned by the owner role (objects a superuser
 * migrated before are handed over), and CONNECT for the runtime role. Idempotent and race-safe.
 * In production the DBA creates the roles (docker/postgres-init does it for compose).
 */
export async function ensureDatabaseRoles(config: AppConfig): Promise<DatabaseRolesReport> {
  const { owner, runtime, name } = checkNames(config);
  const { migrationPassword, password } = config.database;
  return withAdminRunner(config, 'postgres', async (runner) => {
    await runner.query(`SELECT pg_advisory_lock(${ROLES_LOCK_KEY})`);
    try {
      const createdRoles: string[] = [];
      if (await ensureLoginRole(runner, owner, migrationPassword, true)) createdRoles.push(owner);
      if (await ensureLoginRole(runner, runtime, password, true)) createdRoles.push(runtime);
      if (runtime !== RUNTIME_PRIVILEGES_ROLE) {
        if (await ensureLoginRole(runner, RUNTIME_PRIVILEGES_ROLE, '', false)) createdRoles.push(RUNTIME_PRIVILEGES_ROLE);
        await runFormatted(runner, 'GRANT %I TO %I', RUNTIME_PRIVILEGES_ROLE, runtime);
      }
      const [membership]: { member: boolean }[] = await runner.query(`SELECT pg_has_role($1, $2, 'MEMBER') AS "member"`, [runtime, owner]);
      if (membership.member) throw new Error(`Role ${runtime} is a member of the owner role ${owner}: revoke that membership`);

      const [database]: { owner: string }[] = await runner.query(
        `SELECT pg_get_userbyid("datdba") AS "owner" FROM pg_database WHERE "datname" = $1`,
        [name],
      );
      if (database === undefined) await runFormatted(runner, 'CREATE DATABASE %I OWNER %I', name, owner);
      else if (database.owner !== owner) await runFormatted(runner, 'ALTER DATABASE %I OWNER TO %I', name, owner);
      const adoptedObjects =
        database === undefined ? 0 : await withAdminRunner(config, name, (inDatabase) => adoptObjects(inDatabase, owner));
      await runFormatted(runner, 'GRANT CONNECT ON DATABASE %I TO %I', name, RUNTIME_PRIVILEGES_ROLE);
      return { database: name, owner, runtime, createdRoles, databaseCreated: database === undefined, adoptedObjects };
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(${ROLES_LOCK_KEY})`);
    }
  });
}
