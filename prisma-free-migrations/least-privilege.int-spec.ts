import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isolatedEnvironment, openTestDataSource, type IsolatedEnvironment } from '../test/support/platform';

// Every app and the worker connect as the runtime role; these are the refusals docs/architecture.md §8 and docs/decisions/0010 promise.
const LEDGER_TABLES = [
  'consent_events',
  'provision_records',
  'transparency_log_leaves',
  'transparency_log_nodes',
  'transparency_log_checkpoints',
  'review_votes',
  'review_recusals',
  'benefit_entries',
  'periodic_reports',
  'terms_versions',
  'terms_acceptances',
  'complaint_events',
  'incident_steps',
];
const INSUFFICIENT_PRIVILEGE = { driverError: expect.objectContaining({ code: '42501' }) };
const RESTRICT_VIOLATION = { driverError: expect.objectContaining({ code: '23001' }) };

describe('the runtime database role (least privilege)', () => {
  let environment: IsolatedEnvironment;
  let app: DataSource;
  let owner: DataSource;

  beforeAll(async () => {
    // A database of the suite's own: the leaf and notice rows below must not reach other suites' log.
    environment = await isolatedEnvironment();
    app = environment.dataSource;
    owner = await openTestDataSource(environment.config, 'migration');
  });
  afterAll(async () => {
    await owner?.destroy();
    await environment?.dispose();
  });

  it('is neither superuser nor owner: it owns no table, not the database, and is no member of the owner role', async () => {
    const [role] = await app.query(
      `SELECT current_user AS "name", "rolsuper", "rolcreaterole", "rolcreatedb", "rolbypassrls",
              pg_has_role(current_user, $1, 'MEMBER') AS "memberOfOwner",
              (SELECT pg_get_userbyid("datdba") FROM pg_database WHERE "datname" = current_database()) AS "databaseOwner"
         FROM pg_roles WHERE "rolname" = current_user`,
      [environment.config.database.migrationUser],
    );
    expect(role).toEqual({
      name: environment.config.database.user,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      memberOfOwner: false,
      databaseOwner: environment.config.database.migrationUser,
    });
    const [{ owned, tables }] = await app.query(
      `SELECT count(*) FILTER (WHERE pg_has_role(current_user, c."relowner", 'USAGE'))::int AS "owned", count(*)::int AS "tables"
         FROM pg_class c JOIN pg_namespace n ON n."oid" = c."relnamespace"
        WHERE n."nspname" = 'public' AND c."relkind" IN ('r', 'p', 'v', 'm', 'S')`,
    );
    expect(tables).toBeGreaterThan(30);
    expect(owned).toBe(0);
  });

  it.each(LEDGER_TABLES)('refuses UPDATE, DELETE and TRUNCATE on the ledger %s', async (table) => {
    const column = (
      (await app.query(
        `SELECT "column_name" FROM information_schema.columns WHERE "table_name" = $1 AND "column_name" <> 'leaf_index' ORDER BY "ordinal_position" LIMIT 1`,
        [table],
      )) as { column_name: string }[]
    )[0].column_name;
    await expect(app.query(`UPDATE "${table}" SET "${column}" = "${column}"`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(app.query(`DELETE FROM "${table}"`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(app.query(`TRUNCATE "${table}"`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(app.query(`TRUNCATE "${table}" CASCADE`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
  });

  it.each(LEDGER_TABLES)('refuses to disable the triggers of, alter or drop the ledger %s', async (table) => {
    await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(app.query(`DROP TABLE "${table}" CASCADE`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
  });

  it('refuses to switch triggers off for its session, to create tables, and to truncate any table', async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(app.query(`CREATE TABLE "smuggled" ("id" int)`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    const tables: { name: string }[] = await app.query(
      `SELECT c."relname" AS "name" FROM pg_class c JOIN pg_namespace n ON n."oid" = c."relnamespace"
        WHERE n."nspname" = 'public' AND c."relkind" IN ('r', 'p') AND has_table_privilege(c."oid", 'TRUNCATE')`,
    );
    expect(tables).toEqual([]);
    await expect(app.query(`TRUNCATE "outbox"`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(app.query(`INSERT INTO "schema_migrations" ("timestamp", "name") VALUES (1, 'x')`)).rejects.toMatchObject(
      INSUFFICIENT_PRIVILEGE,
    );
  });

  it('lets the sealer give a leaf its index once, and nothing else', async () => {
    const id = randomUUID();
    await app.query(
      `INSERT INTO "transparency_log_leaves" ("id", "kind", "body", "appended_xid") VALUES ($1, 'test.leaf', '\\x01', pg_current_xact_id()::text::bigint)`,
      [id],
    );
    await app.query(`UPDATE "transparency_log_leaves" SET "leaf_index" = 0 WHERE "id" = $1`, [id]);
    await expect(app.query(`UPDATE "transparency_log_leaves" SET "leaf_index" = 1 WHERE "id" = $1`, [id])).rejects.toMatchObject(
      RESTRICT_VIOLATION,
    );
    await expect(app.query(`UPDATE "transparency_log_leaves" SET "body" = '\\x02' WHERE "id" = $1`, [id])).rejects.toMatchObject(
      INSUFFICIENT_PRIVILEGE,
    );
    await expect(app.query(`SELECT "leaf_index" FROM "transparency_log_leaves" WHERE "id" = $1`, [id])).resolves.toEqual([
      { leaf_index: '0' },
    ]);
  });

  it('refuses TRUNCATE of votes and recusals even to the owner (their append-only trigger)', async () => {
    await expect(owner.query(`TRUNCATE "review_votes"`)).rejects.toThrow(/review_votes is append-only/);
    await expect(owner.query(`TRUNCATE "review_recusals"`)).rejects.toThrow(/review_recusals is append-only/);
  });

  it("keeps a notice's attestation final: no change, no removal, no truncation; only an empty unattested notice may be removed", async () => {
    const insertNotice = async (attested: boolean, subjects: string[]): Promise<string> => {
      const id = randomUUID();
      await app.query(
        `INSERT INTO "withdrawal_notices" ("id", "recipient_id", "kind", "source_key", "reason", "subjects", "transfers", "status",
           "issued_at", "due_at", "attested_at", "attestation_jws", "attestation_kid")
         VALUES ($1, $2, 'consent_revoked', $8, 'test', $3::text[], '{}', $4, now(), now() + interval '1 day', $5, $6, $7)`,
        [
          id,
          randomUUID(),
          subjects,
          attested ? 'attested' : 'open',
          attested ? new Date() : null,
          attested ? 'a.b.c' : null,
          attested ? 'k' : null,
          `test:${id}`,
        ],
      );
      return id;
    };
    const attested = await insertNotice(true, ['subject']);
    await expect(
      app.query(`UPDATE "withdrawal_notices" SET "attestation_jws" = 'x.y.z' WHERE "id" = $1`, [attested]),
    ).rejects.toMatchObject(RESTRICT_VIOLATION);
    await expect(app.query(`UPDATE "withdrawal_notices" SET "status" = 'open' WHERE "id" = $1`, [attested])).rejects.toMatchObject(
      RESTRICT_VIOLATION,
    );
    await expect(
      app.query(`UPDATE "withdrawal_notices" SET "recipient_id" = $2 WHERE "id" = $1`, [attested, randomUUID()]),
    ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(app.query(`DELETE FROM "withdrawal_notices" WHERE "id" = $1`, [attested])).rejects.toMatchObject(RESTRICT_VIOLATION);
    await expect(app.query(`TRUNCATE "withdrawal_notices" CASCADE`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(owner.query(`TRUNCATE "withdrawal_notices" CASCADE`)).rejects.toThrow(/withdrawal_notices cannot be truncated/);

    const open = await insertNotice(false, ['subject']);
    await expect(app.query(`UPDATE "withdrawal_notices" SET "subjects" = '{other}' WHERE "id" = $1`, [open])).rejects.toMatchObject(
      RESTRICT_VIOLATION,
    );
    await expect(app.query(`DELETE FROM "withdrawal_notices" WHERE "id" = $1`, [open])).rejects.toMatchObject(RESTRICT_VIOLATION);
    const placeholder = await insertNotice(false, []);
    await app.query(`DELETE FROM "withdrawal_notices" WHERE "id" = $1`, [placeholder]);
    const [{ remaining }] = await app.query(`SELECT count(*)::int AS "remaining" FROM "withdrawal_notices" WHERE "id" = ANY($1::uuid[])`, [
      [attested, open, placeholder],
    ]);
    expect(remaining).toBe(2);
  });
});
