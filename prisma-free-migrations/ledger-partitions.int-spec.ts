import { randomUUID } from 'node:crypto';
import { ensureLedgerPartitions, migrateUnderLock, revertLastMigrationUnderLock } from '@infobank/platform';
import type { DataSource } from 'typeorm';
import { isolatedEnvironment, openTestDataSource, type IsolatedEnvironment } from '../test/support/platform';

const INSUFFICIENT_PRIVILEGE = { driverError: expect.objectContaining({ code: '42501' }) };
const RESTRICT_VIOLATION = { driverError: expect.objectContaining({ code: '23001' }) };

/** The partition suffix of the UTC month `monthsFromNow` months after this one, e.g. `_p2027_07`. */
function monthSuffix(monthsFromNow: number): string {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsFromNow, 1));
  return `_p${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first instant of the UTC month `monthsFromNow` months after this one, plus `days`. */
function inMonth(monthsFromNow: number, days = 3): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsFromNow, 1 + days));
}

const PROVISION_COLUMNS = `"id", "individual_id", "subject_id", "recipient_id", "offer_id", "consent_id", "consent_version", "transfer_id",
  "part", "items", "record_digests", "recipient_name", "purpose_code", "purpose_text", "benefit", "data_life_days", "provided_at", "leaf_id"`;

async function insertProvision(dataSource: DataSource, providedAt: Date): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO "provision_records" (${PROVISION_COLUMNS})
     VALUES ($1, gen_random_uuid(), 'subject', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 1, gen_random_uuid(), 1,
             ARRAY['item'], ARRAY['digest'], '{"ja":"受領者"}', 'marketing.analysis', '{"ja":"目的"}',
             '{"type":"social","description":{"ja":"社会貢献"}}', 30, $2, gen_random_uuid())`,
    [id, providedAt],
  );
  return id;
}

async function insertLeaf(dataSource: DataSource, appendedAt: Date): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO "transparency_log_leaves" ("id", "kind", "body", "appended_xid", "appended_at")
     VALUES ($1, 'test.leaf', '\\x01', pg_current_xact_id()::text::bigint, $2)`,
    [id, appendedAt],
  );
  return id;
}

/** Reverts the migrations made after the partitioning one, then that one. */
async function revertThroughPartitioning(owner: DataSource): Promise<void> {
  const partitioned = async (): Promise<boolean> => {
    const rows: unknown[] = await owner.query(`SELECT 1 FROM "schema_migrations" WHERE "name" = 'PartitionLedgersByMonth1795340049000'`);
    return rows.length > 0;
  };
  while (await partitioned()) await revertLastMigrationUnderLock(owner);
}

/** The partition a row is stored in. */
async function partitionOf(dataSource: DataSource, table: string, id: string): Promise<string> {
  const [row]: { partition: string }[] = await dataSource.query(
    `SELECT tableoid::regclass::text AS "partition" FROM "${table}" WHERE "id" = $1`,
    [id],
  );
  return row.partition;
}

/** What the runtime role may do to a table, directly: the table's privileges and its leaf_index column's. */
async function privilegesOn(app: DataSource, table: string): Promise<Record<string, boolean>> {
  const [row]: Record<string, boolean>[] = await app.query(
    `SELECT has_table_privilege($1::regclass, 'SELECT') AS "select", has_table_privilege($1::regclass, 'INSERT') AS "insert",
            has_table_privilege($1::regclass, 'UPDATE') AS "update", has_table_privilege($1::regclass, 'DELETE') AS "delete",
            has_table_privilege($1::regclass, 'TRUNCATE') AS "truncate",
            has_any_column_privilege($1::regclass, 'UPDATE') AS "updateAnyColumn"`,
    [table],
  );
  return row;
}

describe('monthly partitions of the ledgers (provision_records, transparency_log_leaves)', () => {
  let environment: IsolatedEnvironment;
  let app: DataSource;
  let owner: DataSource;

  beforeAll(async () => {
    // A database of the suite's own: it makes partitions months ahead and rows dated in them.
    environment = await isolatedEnvironment();
    app = environment.dataSource;
    owner = await openTestDataSource(environment.config, 'migration');
  });
  afterAll(async () => {
    await owner?.destroy();
    await environment?.dispose();
  });

  it('Given rows in the ledgers before partitioning, When the migration runs, Then each moves into its month, and down brings every row back', async () => {
    await revertThroughPartitioning(owner);
    const [{ partitioned }]: { partitioned: boolean }[] = await owner.query(
      `SELECT relkind = 'p' AS "partitioned" FROM pg_class WHERE oid = 'provision_records'::regclass`,
    );
    expect(partitioned).toBe(false);
    const old = new Date('2025-02-14T08:00:00Z');
    const provisions = [
      await insertProvision(owner, old),
      await insertProvision(owner, inMonth(0)),
      await insertProvision(owner, inMonth(2)),
    ];
    const leaves = [await insertLeaf(owner, old), await insertLeaf(owner, inMonth(0))];

    await migrateUnderLock(owner);
    expect(await Promise.all(provisions.map((id) => partitionOf(owner, 'provision_records', id)))).toEqual([
      'provision_records_p2025_02',
      `provision_records${monthSuffix(0)}`,
      `provision_records${monthSuffix(2)}`,
    ]);
    expect(await Promise.all(leaves.map((id) => partitionOf(owner, 'transparency_log_leaves', id)))).toEqual([
      'transparency_log_leaves_p2025_02',
      `transparency_log_leaves${monthSuffix(0)}`,
    ]);
    // Every month from the oldest row's to three ahead, none skipped.
    const [{ months }]: { months: number }[] = await owner.query(
      `SELECT count(*)::int AS "months" FROM pg_inherits WHERE inhparent = 'provision_records'::regclass
          AND inhrelid::regclass::text LIKE 'provision\\_records\\_p%'`,
    );
    const now = new Date();
    expect(months).toBe((now.getUTCFullYear() - 2025) * 12 + now.getUTCMonth() - 1 + 1 + 3); // February 2025 through this month, then 3 ahead

    await revertThroughPartitioning(owner);
    const [{ back }]: { back: number }[] = await owner.query(
      `SELECT count(*)::int AS "back" FROM "provision_records" WHERE "id" = ANY($1::uuid[])`,
      [provisions],
    );
    expect(back).toBe(3);
    await migrateUnderLock(owner);
    expect(await partitionOf(owner, 'transparency_log_leaves', leaves[0])).toBe('transparency_log_leaves_p2025_02');
  });

  it.each([
    ['provision_records', 9],
    ['transparency_log_leaves', 14],
  ] as const)(
    'Given the schedule made %s a partition for a month %d months ahead, Then the runtime role may do exactly what it may on the first, and UPDATE, DELETE and TRUNCATE are refused',
    async (table, monthsAhead) => {
      const insert = (at: Date) => (table === 'provision_records' ? insertProvision(app, at) : insertLeaf(app, at));
      const first = `${table}${monthSuffix(0)}`;
      const future = `${table}${monthSuffix(monthsAhead)}`;
      const [{ existed }]: { existed: boolean }[] = await app.query(`SELECT to_regclass($1) IS NOT NULL AS "existed"`, [future]);
      expect(existed).toBe(false);

      // What the schedule runs (as the runtime role), at a time nine months from now.
      const made = await ensureLedgerPartitions(app.manager, { now: inMonth(monthsAhead) });
      expect(made).toBeGreaterThan(0);
      expect(await ensureLedgerPartitions(app.manager, { now: inMonth(monthsAhead) })).toBe(0);

      const firstPrivileges = await privilegesOn(app, first);
      expect(await privilegesOn(app, future)).toEqual(firstPrivileges);
      expect(firstPrivileges).toMatchObject({ select: true, insert: true, update: false, delete: false, truncate: false });
      expect(firstPrivileges.updateAnyColumn).toBe(table === 'transparency_log_leaves');

      const later = await insert(inMonth(monthsAhead));
      expect(await partitionOf(app, table, later)).toBe(future);
      const current = await insert(new Date());
      expect(await partitionOf(app, table, current)).toBe(first);
      for (const [partition, id] of [
        [first, current],
        [future, later],
      ]) {
        await expect(app.query(`UPDATE "${partition}" SET "id" = "id" WHERE "id" = $1`, [id])).rejects.toMatchObject(
          INSUFFICIENT_PRIVILEGE,
        );
        await expect(app.query(`DELETE FROM "${partition}" WHERE "id" = $1`, [id])).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
        await expect(app.query(`TRUNCATE "${partition}"`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
        // Even the owner meets the append-only triggers on every partition, the cloned row trigger and its own truncate one.
        await expect(owner.query(`UPDATE "${partition}" SET "id" = "id" WHERE "id" = $1`, [id])).rejects.toMatchObject(RESTRICT_VIOLATION);
        await expect(owner.query(`DELETE FROM "${partition}" WHERE "id" = $1`, [id])).rejects.toThrow(`${table} is append-only`);
        await expect(owner.query(`TRUNCATE "${partition}"`)).rejects.toMatchObject(RESTRICT_VIOLATION);
      }
      if (table === 'transparency_log_leaves') {
        // Giving an unsealed leaf its index together with any other change is refused on every partition, even to the
        // owner (whom column grants do not stop): the trigger's condition lets the index alone through, nothing more.
        for (const [partition, id] of [
          [first, current],
          [future, later],
        ]) {
          for (const alsoChanged of [
            `"body" = '\\x02'`,
            `"kind" = 'other.leaf'`,
            `"id" = gen_random_uuid()`,
            `"appended_xid" = "appended_xid" + 1`,
            `"appended_at" = "appended_at" + interval '1 second'`,
          ]) {
            await expect(
              owner.query(`UPDATE "${partition}" SET "leaf_index" = 900002, ${alsoChanged} WHERE "id" = $1`, [id]),
            ).rejects.toMatchObject(RESTRICT_VIOLATION);
          }
        }
        // The sealer's one change still works on the new partition, once.
        await app.query(`UPDATE "transparency_log_leaves" SET "leaf_index" = 900000 WHERE "id" = $1`, [later]);
        await expect(
          app.query(`UPDATE "transparency_log_leaves" SET "leaf_index" = 900001 WHERE "id" = $1`, [later]),
        ).rejects.toMatchObject(RESTRICT_VIOLATION);
      }
    },
  );

  it('Given the partitions made at migration, When a provision and a leaf dated next month are inserted, Then each lands in its month', async () => {
    const provision = await insertProvision(app, inMonth(1));
    const leaf = await insertLeaf(app, inMonth(1));
    expect(await partitionOf(app, 'provision_records', provision)).toBe(`provision_records${monthSuffix(1)}`);
    expect(await partitionOf(app, 'transparency_log_leaves', leaf)).toBe(`transparency_log_leaves${monthSuffix(1)}`);
    const rows: { id: string }[] = await app.query(`SELECT "id" FROM "provision_records" WHERE "id" = $1 AND "provided_at" = $2`, [
      provision,
      inMonth(1),
    ]);
    expect(rows).toEqual([{ id: provision }]);
  });

  it('Given a row dated in a month no partition was made for, When the schedule makes that month, Then the row moves out of the DEFAULT partition into it', async () => {
    const provision = await insertProvision(app, inMonth(30));
    const leaf = await insertLeaf(app, inMonth(30));
    expect(await partitionOf(app, 'provision_records', provision)).toBe('provision_records_default');
    expect(await partitionOf(app, 'transparency_log_leaves', leaf)).toBe('transparency_log_leaves_default');

    await ensureLedgerPartitions(app.manager, { now: inMonth(30), monthsAhead: 0 });
    expect(await partitionOf(app, 'provision_records', provision)).toBe(`provision_records${monthSuffix(30)}`);
    expect(await partitionOf(app, 'transparency_log_leaves', leaf)).toBe(`transparency_log_leaves${monthSuffix(30)}`);
    const [{ strays }]: { strays: number }[] = await app.query(
      `SELECT (SELECT count(*) FROM "provision_records_default") + (SELECT count(*) FROM "transparency_log_leaves_default") AS "strays"`,
    );
    expect(Number(strays)).toBe(0);
    // The default keeps its guards after being detached and attached again.
    await expect(owner.query(`TRUNCATE "provision_records_default"`)).rejects.toMatchObject(RESTRICT_VIOLATION);
    await expect(app.query(`DELETE FROM "provision_records_default"`)).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    const [{ triggers }]: { triggers: number }[] = await owner.query(
      `SELECT count(*)::int AS "triggers" FROM pg_trigger WHERE tgrelid = 'provision_records_default'::regclass AND tgname LIKE 'tr_provision_records%'`,
    );
    expect(triggers).toBe(2);
  });

  it("Given the schedule makes a month, Then its leaves partition keeps room for the sealer's updates (fillfactor 60), as those made at migration do", async () => {
    await ensureLedgerPartitions(app.manager, { now: inMonth(40), monthsAhead: 0 });
    const fillfactors: { name: string; options: string[] | null }[] = await owner.query(
      `SELECT c."relname" AS "name", c."reloptions" AS "options" FROM pg_inherits i JOIN pg_class c ON c."oid" = i."inhrelid"
        WHERE i."inhparent" IN ('"transparency_log_leaves"'::regclass, '"provision_records"'::regclass)`,
    );
    const made = (table: string) => fillfactors.filter((partition) => partition.name.startsWith(table));
    expect(made('transparency_log_leaves').map((partition) => partition.name)).toContain(`transparency_log_leaves${monthSuffix(40)}`);
    expect(made('transparency_log_leaves').every((partition) => partition.options?.includes('fillfactor=60'))).toBe(true);
    expect(made('provision_records').every((partition) => partition.options === null)).toBe(true);
  });

  it('refuses a range of months it was not made for', async () => {
    await expect(app.query(`SELECT ensure_ledger_partitions(now(), now() - interval '2 months')`)).rejects.toThrow(
      /range of 1 to 121 months/,
    );
    await expect(app.query(`SELECT ledger_copy_privileges('provision_records'::regclass, 'outbox'::regclass)`)).rejects.toMatchObject(
      INSUFFICIENT_PRIVILEGE,
    );
  });
});
