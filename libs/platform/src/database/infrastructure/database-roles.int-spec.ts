import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { testConfig } from '../../../../../test/support/platform';
import { dropDatabase, maintenanceClient } from '../../../../../test/support/test-environment';
import { ensureDatabaseRoles, RUNTIME_PRIVILEGES_ROLE } from './database-roles';

describe('db:roles (ensureDatabaseRoles): the owner and runtime roles and the database, where missing', () => {
  // Roles of this suite's own (roles are cluster-wide; the run's shared ones stay untouched), dropped after.
  const suffix = randomBytes(4).toString('hex');
  const owner = `infobank_test_${suffix}_owner`;
  const runtime = `infobank_test_${suffix}_app`;
  const database = `${testConfig().database.name}_roles`;
  const adopted = `${testConfig().database.name}_adopted`;
  const config = (name: string, overrides: Record<string, string> = {}) =>
    testConfig({ DATABASE_NAME: name, DATABASE_MIGRATION_USER: owner, DATABASE_USER: runtime, ...overrides });
  let superuser: Client;

  beforeAll(async () => {
    superuser = await maintenanceClient();
  });
  afterAll(async () => {
    await dropDatabase(database);
    await dropDatabase(adopted);
    for (const role of [runtime, owner]) await superuser.query(`DROP ROLE IF EXISTS "${role}"`);
    await superuser.end();
  });

  it('creates both roles and the database once, even when four run at the same time, and neither role is privileged', async () => {
    const reports = await Promise.all([1, 2, 3, 4].map(() => ensureDatabaseRoles(config(database))));

    expect(reports.flatMap((report) => report.createdRoles).sort()).toEqual([runtime, owner].sort());
    expect(reports.filter((report) => report.databaseCreated)).toHaveLength(1);
    const { rows: roles } = await superuser.query(
      `SELECT "rolname", "rolsuper", "rolcreaterole", "rolcreatedb", "rolcanlogin", pg_has_role("rolname", $3, 'MEMBER') AS "runtimePrivileges"
         FROM pg_roles WHERE "rolname" IN ($1, $2) ORDER BY "rolname"`,
      [runtime, owner, RUNTIME_PRIVILEGES_ROLE],
    );
    expect(roles).toEqual([
      { rolname: runtime, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: true, runtimePrivileges: true },
      { rolname: owner, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: true, runtimePrivileges: false },
    ]);
    const { rows: databases } = await superuser.query(`SELECT pg_get_userbyid("datdba") AS "owner" FROM pg_database WHERE "datname" = $1`, [
      database,
    ]);
    expect(databases).toEqual([{ owner }]);
    expect(await ensureDatabaseRoles(config(database))).toMatchObject({ createdRoles: [], databaseCreated: false, adoptedObjects: 0 });
  });

  it('hands a database a superuser migrated before (tables, functions) to the owner role', async () => {
    await superuser.query(`CREATE DATABASE "${adopted}"`);
    const inside = await maintenanceClient(adopted);
    try {
      await inside.query(`CREATE TABLE "legacy" ("id" int)`);
      await inside.query(`CREATE FUNCTION "legacy_guard"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);

      const report = await ensureDatabaseRoles(config(adopted));

      expect(report).toMatchObject({ databaseCreated: false, adoptedObjects: 2 });
      const { rows } = await inside.query(
        `SELECT (SELECT pg_get_userbyid("relowner") FROM pg_class WHERE "relname" = 'legacy') AS "table",
                (SELECT pg_get_userbyid("proowner") FROM pg_proc WHERE "proname" = 'legacy_guard') AS "function",
                (SELECT pg_get_userbyid("datdba") FROM pg_database WHERE "datname" = current_database()) AS "database"`,
      );
      expect(rows).toEqual([{ table: owner, function: owner, database: owner }]);
    } finally {
      await inside.end();
    }
  });

  it('refuses to run the apps or the migrations as the superuser, or both as one role', async () => {
    await expect(ensureDatabaseRoles(config(database, { DATABASE_USER: 'postgres', DATABASE_ADMIN_USER: 'postgres' }))).rejects.toThrow(
      /must not be DATABASE_ADMIN_USER/,
    );
    await expect(ensureDatabaseRoles(config(database, { DATABASE_USER: owner }))).rejects.toThrow(/two different roles/);
  });
});
