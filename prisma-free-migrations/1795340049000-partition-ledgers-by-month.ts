import type { MigrationInterface, QueryRunner } from 'typeorm';

// The runtime role, written out so this migration never changes once it has landed.
const APP_ROLE = 'infobank_app';

/** The two ledgers that grow without bound, each with its append-only trigger function. */
const LEDGERS = [
  { table: 'provision_records', guard: 'provision_records_append_only' },
  { table: 'transparency_log_leaves', guard: 'transparency_log_append_only' },
] as const;

/** Months created ahead of the current one, here and by the schedule (libs/platform ledger-partitions.ts). */
const MONTHS_AHEAD = 3;

/**
 * Partitions provision_records and transparency_log_leaves by month (PARTITION BY RANGE on their creation time),
 * moving every existing row into its month's partition. PostgreSQL requires every unique constraint of a partitioned
 * table to include the partition key, so the primary keys and the unique constraints gain it:
 * - ids are random UUIDs written once, so (id, time) is as unique as id was;
 * - one provision record per transfer and individual is kept by the delivery (a part's subjects leave `ready` under the
 *   part's lock, in the transaction that inserts the records); the constraint now also carries provided_at;
 * - a leaf index is given once by the one sealer (advisory lock) in the transaction that also inserts its level-0 node,
 *   whose primary key (level, node_index) refuses a second leaf at the same position.
 *
 * Partitions are made ahead by `ensure_ledger_partitions` (SECURITY DEFINER, owned by the owner role, executable by the
 * runtime role): the schedule `ledger.partitions` calls it, and so does every migration run. Each partition it makes
 * gets exactly the parent's grants (row triggers are cloned by PostgreSQL, grants are not: without this, the owner's
 * default privileges would give the runtime role UPDATE and DELETE on it) and the parent's no-truncate trigger
 * (statement triggers are not cloned either). A DEFAULT partition catches a row no month was made for; the next run
 * moves such rows into their month's partition when it makes it.
 */
export class PartitionLedgersByMonth1795340049000 implements MigrationInterface {
  name = 'PartitionLedgersByMonth1795340049000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await replaceAppendOnlyGuards(queryRunner, true);
    await createPartitionFunctions(queryRunner);
    for (const { table } of LEDGERS) {
      await queryRunner.query(`ALTER TABLE "${table}" RENAME TO "${table}_unpartitioned"`);
    }
    await queryRunner.query(`
      CREATE TABLE "provision_records" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "subject_id" text NOT NULL,
        "recipient_id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "consent_id" uuid NOT NULL,
        "consent_version" integer NOT NULL,
        "transfer_id" uuid NOT NULL,
        "part" integer NOT NULL,
        "items" text[] NOT NULL,
        "record_digests" text[] NOT NULL,
        "recipient_name" jsonb NOT NULL,
        "purpose_code" text NOT NULL,
        "purpose_text" jsonb NOT NULL,
        "benefit" jsonb NOT NULL,
        "data_life_days" integer NOT NULL,
        "provided_at" timestamptz NOT NULL,
        "leaf_id" uuid NOT NULL
      ) PARTITION BY RANGE ("provided_at")`);
    await queryRunner.query(`
      CREATE TABLE "transparency_log_leaves" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "body" bytea NOT NULL,
        "appended_xid" bigint NOT NULL,
        "leaf_index" bigint,
        "appended_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "ck_transparency_log_leaves_kind" CHECK ("kind" ~ '^[a-z][a-z0-9_.-]{0,63}$')
      ) PARTITION BY RANGE ("appended_at")`);
    for (const { table } of LEDGERS) {
      await queryRunner.query(`SELECT ledger_copy_privileges('"${table}_unpartitioned"'::regclass, '"${table}"'::regclass)`);
    }
    // The months the existing rows fall in, then the current month and those ahead; then the rows move (INSERT only:
    // the old tables' append-only triggers stay armed until they are dropped whole).
    await queryRunner.query(
      `SELECT ensure_ledger_partitions(LEAST((SELECT min("provided_at") FROM "provision_records_unpartitioned"),
                                              (SELECT min("appended_at") FROM "transparency_log_leaves_unpartitioned"), now()),
                                       now() + make_interval(months => ${MONTHS_AHEAD}))`,
    );
    for (const { table } of LEDGERS) {
      await queryRunner.query(`INSERT INTO "${table}" SELECT * FROM "${table}_unpartitioned"`);
      // Dropping the old table frees its constraint and index names for the new one.
      await queryRunner.query(`DROP TABLE "${table}_unpartitioned"`);
    }
    await addProvisionRecordKeysAndIndexes(queryRunner, 'provided_at');
    await addLeafKeysAndIndexes(queryRunner, 'appended_at');
    await addAppendOnlyTriggers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of LEDGERS) await queryRunner.query(`ALTER TABLE "${table}" RENAME TO "${table}_partitioned"`);
    await queryRunner.query(`
      CREATE TABLE "provision_records" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "subject_id" text NOT NULL,
        "recipient_id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "consent_id" uuid NOT NULL,
        "consent_version" integer NOT NULL,
        "transfer_id" uuid NOT NULL,
        "part" integer NOT NULL,
        "items" text[] NOT NULL,
        "record_digests" text[] NOT NULL,
        "recipient_name" jsonb NOT NULL,
        "purpose_code" text NOT NULL,
        "purpose_text" jsonb NOT NULL,
        "benefit" jsonb NOT NULL,
        "data_life_days" integer NOT NULL,
        "provided_at" timestamptz NOT NULL,
        "leaf_id" uuid NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "transparency_log_leaves" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "body" bytea NOT NULL,
        "appended_xid" bigint NOT NULL,
        "leaf_index" bigint,
        "appended_at" timestamptz NOT NULL DEFAULT now()
      )`);
    for (const { table } of LEDGERS) {
      await queryRunner.query(`SELECT ledger_copy_privileges('"${table}_partitioned"'::regclass, '"${table}"'::regclass)`);
      await queryRunner.query(`INSERT INTO "${table}" SELECT * FROM "${table}_partitioned"`);
      // Dropping the partitioned table (and its partitions) frees the constraint and index names.
      await queryRunner.query(`DROP TABLE "${table}_partitioned"`);
    }
    await queryRunner.query(
      `ALTER TABLE "transparency_log_leaves" ADD CONSTRAINT "ck_transparency_log_leaves_kind" CHECK ("kind" ~ '^[a-z][a-z0-9_.-]{0,63}$')`,
    );
    await addProvisionRecordKeysAndIndexes(queryRunner, null);
    await addLeafKeysAndIndexes(queryRunner, null);
    await addAppendOnlyTriggers(queryRunner);
    await queryRunner.query(`DROP FUNCTION "ensure_ledger_partitions"(timestamptz, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION "ledger_copy_privileges"(regclass, regclass)`);
    await replaceAppendOnlyGuards(queryRunner, false);
  }
}

/**
 * The append-only trigger functions. A row trigger cloned onto a partition runs with the partition's TG_TABLE_NAME:
 * partitioned, the sealer's one permitted change is recognised on any leaves partition, and the refusal names the
 * ledger (not the month) as before.
 */
async function replaceAppendOnlyGuards(queryRunner: QueryRunner, partitioned: boolean): Promise<void> {
  const ledgerName = partitioned ? `regexp_replace(TG_TABLE_NAME, '_(p[0-9]{4}_[0-9]{2}|default)$', '')` : 'TG_TABLE_NAME';
  const isLeaves = partitioned
    ? `(TG_TABLE_NAME = 'transparency_log_leaves' OR starts_with(TG_TABLE_NAME, 'transparency_log_leaves_'))`
    : `TG_TABLE_NAME = 'transparency_log_leaves'`;
  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION "provision_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', ${ledgerName} USING ERRCODE = 'restrict_violation';
    END
    $$`);
  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION "transparency_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- The sealer's one permitted change: giving an unsealed leaf its index, nothing else.
      -- (Nested, because a row of another table, or a TRUNCATE, has no leaf columns to compare.)
      IF TG_OP = 'UPDATE' AND ${isLeaves} THEN
        IF OLD."leaf_index" IS NULL
           AND NEW."leaf_index" IS NOT NULL AND NEW."id" = OLD."id" AND NEW."kind" = OLD."kind"
           AND NEW."body" = OLD."body" AND NEW."appended_xid" = OLD."appended_xid" AND NEW."appended_at" = OLD."appended_at" THEN
          RETURN NEW;
        END IF;
      END IF;
      RAISE EXCEPTION '% is append-only', ${ledgerName} USING ERRCODE = 'restrict_violation';
    END
    $$`);
}

/** The append-only triggers, as the migrations that created the tables made them (row triggers reach every partition). */
async function addAppendOnlyTriggers(queryRunner: QueryRunner): Promise<void> {
  for (const { table, guard } of LEDGERS) {
    await queryRunner.query(
      `CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${guard}"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${guard}"()`,
    );
  }
}

/** The keys (with the partition key when there is one) and the indexes of provision_records, as before partitioning. */
async function addProvisionRecordKeysAndIndexes(queryRunner: QueryRunner, partitionKey: string | null): Promise<void> {
  const withKey = (columns: string) => (partitionKey === null ? columns : `${columns}, "${partitionKey}"`);
  await queryRunner.query(`ALTER TABLE "provision_records" ADD CONSTRAINT "pk_provision_records" PRIMARY KEY (${withKey('"id"')})`);
  await queryRunner.query(
    `ALTER TABLE "provision_records" ADD CONSTRAINT "uq_provision_records_transfer_individual" UNIQUE (${withKey('"transfer_id", "individual_id"')})`,
  );
  await queryRunner.query(`ALTER TABLE "provision_records" ADD CONSTRAINT "uq_provision_records_leaf" UNIQUE (${withKey('"leaf_id"')})`);
  await queryRunner.query(
    `CREATE INDEX "ix_provision_records_individual_time" ON "provision_records" ("individual_id", "provided_at", "id")`,
  );
  // Partitioned, the board's audit of one recipient pages newest first by (provided_at, id): the id joins the index so
  // that a page is read in order (before, each page sorted the recipient's rows of the window).
  await queryRunner.query(
    `CREATE INDEX "ix_provision_records_recipient_time" ON "provision_records" ("recipient_id", "provided_at"${partitionKey === null ? '' : ', "id"'})`,
  );
  await queryRunner.query(`CREATE INDEX "ix_provision_records_consent" ON "provision_records" ("consent_id")`);
  await queryRunner.query(`CREATE INDEX "ix_provision_records_subject" ON "provision_records" ("subject_id")`);
  await queryRunner.query(
    `CREATE INDEX "ix_provision_records_time_utc" ON "provision_records" ((("provided_at" AT TIME ZONE 'UTC')), "id")`,
  );
  await queryRunner.query(
    `CREATE INDEX "ix_provision_records_data_life_end" ON "provision_records" ((("provided_at" AT TIME ZONE 'UTC') + make_interval(days => "data_life_days")), "id")`,
  );
}

/** The keys (with the partition key when there is one) and the sealer's index of transparency_log_leaves. */
async function addLeafKeysAndIndexes(queryRunner: QueryRunner, partitionKey: string | null): Promise<void> {
  const withKey = (columns: string) => (partitionKey === null ? columns : `${columns}, "${partitionKey}"`);
  await queryRunner.query(
    `ALTER TABLE "transparency_log_leaves" ADD CONSTRAINT "pk_transparency_log_leaves" PRIMARY KEY (${withKey('"id"')})`,
  );
  await queryRunner.query(
    `ALTER TABLE "transparency_log_leaves" ADD CONSTRAINT "uq_transparency_log_leaves_leaf_index" UNIQUE (${withKey('"leaf_index"')})`,
  );
  await queryRunner.query(
    `CREATE INDEX "ix_transparency_log_leaves_unsealed" ON "transparency_log_leaves" ("appended_xid", "id") WHERE "leaf_index" IS NULL`,
  );
}

/** The two functions: copying a table's grants, and making the months' partitions. */
async function createPartitionFunctions(queryRunner: QueryRunner): Promise<void> {
  // Makes `target`'s grants (table and column) exactly `source`'s, for every role but the owner.
  await queryRunner.query(`
    CREATE FUNCTION "ledger_copy_privileges"("source" regclass, "target" regclass) RETURNS void
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
    DECLARE
      granted record;
    BEGIN
      FOR granted IN
        SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = "target" AND a.grantee <> c.relowner
      LOOP
        EXECUTE format('REVOKE ALL ON %s FROM %s', "target", CASE WHEN granted.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(granted.grantee)) END);
      END LOOP;
      FOR granted IN
        SELECT a.grantee, a.privilege_type FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = "source" AND a.grantee <> c.relowner
      LOOP
        EXECUTE format('GRANT %s ON %s TO %s', granted.privilege_type, "target",
                       CASE WHEN granted.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(granted.grantee)) END);
      END LOOP;
      FOR granted IN
        SELECT att.attname, a.grantee, a.privilege_type
          FROM pg_attribute att, aclexplode(att.attacl) a
         WHERE att.attrelid = "source" AND att.attnum > 0 AND NOT att.attisdropped AND att.attacl IS NOT NULL
      LOOP
        EXECUTE format('GRANT %s (%I) ON %s TO %s', granted.privilege_type, granted.attname, "target",
                       CASE WHEN granted.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(granted.grantee)) END);
      END LOOP;
    END
    $$`);
  await queryRunner.query(`REVOKE ALL ON FUNCTION "ledger_copy_privileges"(regclass, regclass) FROM PUBLIC`);

  // Runs as its owner (the owner role), so that the runtime role's schedule can make partitions it could not make
  // itself; it makes nothing but month partitions of the two ledgers, for at most ten years at a time.
  await queryRunner.query(`
    CREATE FUNCTION "ensure_ledger_partitions"("since" timestamptz, "through" timestamptz) RETURNS integer
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
        END IF;
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
            made := made + 1;
          END IF;
          month := month + interval '1 month';
        END LOOP;
      END LOOP;
      RETURN made;
    END
    $$`);
  await queryRunner.query(`REVOKE ALL ON FUNCTION "ensure_ledger_partitions"(timestamptz, timestamptz) FROM PUBLIC`);
  await queryRunner.query(`GRANT EXECUTE ON FUNCTION "ensure_ledger_partitions"(timestamptz, timestamptz) TO ${APP_ROLE}`);
}
