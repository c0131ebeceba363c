import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leaves partitions' fillfactor: room on each page for the sealed version of every leaf inserted there. */
export const LEAF_FILLFACTOR = 60;

/**
 * A seal's update of a leaf (its index, once) stays on the leaf's heap page and locks no row first.
 *
 * 1. The index-once guard (migration 1795340052000) becomes an AFTER UPDATE row trigger with the same WHEN condition
 *    and function. A BEFORE UPDATE row trigger makes PostgreSQL lock each row before updating it (to hand the trigger
 *    its latest version), whether or not the WHEN condition then calls the function: one heap lock and its WAL record
 *    per sealed leaf. An AFTER trigger whose condition is false is not even queued; one whose condition holds runs
 *    `transparency_log_append_only` at the end of the statement, which refuses the change, so the statement fails and
 *    changes nothing, as before. DELETE and TRUNCATE keep their BEFORE triggers (a DELETE is always refused).
 * 2. Every leaves partition, existing and made later by `ensure_ledger_partitions`, gets fillfactor 60 (provision
 *    records keep 100). Appends filled pages to the brim, so the sealed version of a leaf (8 bytes longer) went to
 *    another page, usually the one the appenders were filling: a second page locked and dirtied, the old row locked
 *    first, and the whole new row in WAL. On its own page the update is logged as its changed bytes (the body and the
 *    rest of the row are a common prefix). Pages keep the space: the leaves' heap is about 1.6 times what it was.
 *
 * Down restores the BEFORE trigger, fillfactor 100 on every leaves partition and the function as 1795340049000 made it.
 */
export class SealLeavesInPlace1795340076000 implements MigrationInterface {
  name = 'SealLeavesInPlace1795340076000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await replaceIndexOnceGuard(queryRunner, 'AFTER');
    await setLeafPartitionsFillfactor(queryRunner, LEAF_FILLFACTOR);
    await queryRunner.query(ensureLedgerPartitionsSql(LEAF_FILLFACTOR));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ensureLedgerPartitionsSql(null));
    await setLeafPartitionsFillfactor(queryRunner, null);
    await replaceIndexOnceGuard(queryRunner, 'BEFORE');
  }
}

/** The guard of migration 1795340052000 (cloned onto every partition), fired before or after the row's update. */
async function replaceIndexOnceGuard(queryRunner: QueryRunner, timing: 'BEFORE' | 'AFTER'): Promise<void> {
  await queryRunner.query(`DROP TRIGGER "tr_transparency_log_leaves_index_once" ON "transparency_log_leaves"`);
  await queryRunner.query(
    `CREATE TRIGGER "tr_transparency_log_leaves_index_once" ${timing} UPDATE ON "transparency_log_leaves"
       FOR EACH ROW
       WHEN (OLD."leaf_index" IS NOT NULL OR NEW."leaf_index" IS NULL
             OR NEW."id" IS DISTINCT FROM OLD."id" OR NEW."kind" IS DISTINCT FROM OLD."kind"
             OR NEW."body" IS DISTINCT FROM OLD."body" OR NEW."appended_xid" IS DISTINCT FROM OLD."appended_xid"
             OR NEW."appended_at" IS DISTINCT FROM OLD."appended_at")
       EXECUTE FUNCTION "transparency_log_append_only"()`,
  );
}

/** Sets (or with null resets) the fillfactor of every partition of transparency_log_leaves (a partitioned table has none). */
async function setLeafPartitionsFillfactor(queryRunner: QueryRunner, fillfactor: number | null): Promise<void> {
  const partitions: { name: string }[] = await queryRunner.query(
    `SELECT c."relname" AS "name" FROM pg_inherits i JOIN pg_class c ON c."oid" = i."inhrelid"
      WHERE i."inhparent" = '"transparency_log_leaves"'::regclass ORDER BY c."relname"`,
  );
  for (const { name } of partitions) {
    const change = fillfactor === null ? 'RESET (fillfactor)' : `SET (fillfactor = ${fillfactor})`;
    await queryRunner.query(`ALTER TABLE "${name}" ${change}`);
  }
}

/**
 * `ensure_ledger_partitions` as migration 1795340049000 made it; with a fillfactor, each leaves partition it makes (a
 * month's or the DEFAULT) gets that fillfactor. Same signature, owner and grants (CREATE OR REPLACE keeps them).
 */
function ensureLedgerPartitionsSql(fillfactor: number | null): string {
  const leafFillfactor = (name: string, indent: number): string => {
    if (fillfactor === null) return '';
    const pad = ' '.repeat(indent);
    return `${pad}IF ledger.name = 'transparency_log_leaves' THEN\n${pad}  EXECUTE format('ALTER TABLE %I SET (fillfactor = ${fillfactor})', ${name});\n${pad}END IF;\n`;
  };
  return `
    CREATE OR REPLACE FUNCTION "ensure_ledger_partitions"("since" timestamptz, "through" timestamptz) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
      first_month timestamp := date_trunc('month', "since" AT TIME ZONE 'UTC');
      last_month timestamp := date_trunc('month', "through" AT TIME ZONE 'UTC');
      month timestamp;
      ledger record;
      partition_name text;
      default_name text;
      made integer := 0;
      stray boolean;
    BEGIN
      IF "since" IS NULL OR "through" IS NULL OR last_month < first_month OR last_month > first_month + interval '120 months' THEN
        RAISE EXCEPTION 'ensure_ledger_partitions: a range of 1 to 121 months is required' USING ERRCODE = 'invalid_parameter_value';
      END IF;
      -- One maker at a time (workers and migrations may run it together).
      PERFORM pg_advisory_xact_lock(7301626049);
      FOR ledger IN SELECT * FROM (VALUES ('provision_records', 'provided_at', 'provision_records_append_only'),
                                          ('transparency_log_leaves', 'appended_at', 'transparency_log_append_only')) AS l("name", "key", "guard")
      LOOP
        default_name := ledger.name || '_default';
        IF to_regclass(quote_ident(default_name)) IS NULL THEN
          EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', default_name, ledger.name);
          EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION %I()',
                         'tr_' || default_name || '_no_truncate', default_name, ledger.guard);
          PERFORM ledger_copy_privileges(ledger.name::regclass, default_name::regclass);
${leafFillfactor('default_name', 10)}        END IF;
        month := first_month;
        WHILE month <= last_month LOOP
          partition_name := ledger.name || to_char(month, '"_p"YYYY"_"MM');
          IF to_regclass(quote_ident(partition_name)) IS NULL THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= $1 AND %I < $2)', default_name, ledger.key, ledger.key)
              INTO stray USING month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC';
            IF stray THEN
              -- Rows that fell into the default move to their month: detached, the default has no cloned row triggers.
              EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', ledger.name, default_name);
              EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition_name, ledger.name,
                             month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC');
              EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE %I >= $1 AND %I < $2', ledger.name, default_name, ledger.key, ledger.key)
                USING month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC';
              EXECUTE format('DELETE FROM %I WHERE %I >= $1 AND %I < $2', default_name, ledger.key, ledger.key)
                USING month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC';
              EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', ledger.name, default_name);
            ELSE
              EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition_name, ledger.name,
                             month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC');
            END IF;
            EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION %I()',
                           'tr_' || partition_name || '_no_truncate', partition_name, ledger.guard);
            PERFORM ledger_copy_privileges(ledger.name::regclass, partition_name::regclass);
${leafFillfactor('partition_name', 12)}            made := made + 1;
          END IF;
          month := month + interval '1 month';
        END LOOP;
      END LOOP;
      RETURN made;
    END
    $$`;
}
