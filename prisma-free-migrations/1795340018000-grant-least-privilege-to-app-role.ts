import type { MigrationInterface, QueryRunner } from 'typeorm';

// The runtime role (docs: DATABASE_USER is this role or a member of it). Written out, not imported,
// so that this migration never changes once it has landed.
const APP_ROLE = 'infobank_app';

/** Ledgers: the app may read and append, never change or remove (their triggers refuse even the owner). */
const LEDGER_TABLES = [
  'consent_events',
  'provision_records',
  'transparency_log_leaves',
  'transparency_log_nodes',
  'transparency_log_checkpoints',
  'review_votes',
  'review_recusals',
  'benefit_entries',
];

/** What the notice workflow changes: the issuer fills an empty notice in once; overdue marking; the attestation. */
const NOTICE_UPDATABLE_COLUMNS = [
  'subjects',
  'transfers',
  'offer_id',
  'status',
  'overdue_at',
  'attested_at',
  'attestation_jws',
  'attestation_kid',
  'deleted_at',
  'statement',
];

/**
 * Least privilege (docs/decisions/0010-two-database-roles.md). Migrations run as the owner role, which owns every table; the apps
 * and the worker connect as `infobank_app`, which gets CONNECT (from `db:roles` or the DBA), USAGE on
 * the schema and SELECT/INSERT/UPDATE/DELETE on tables, today's and (through default privileges)
 * those later migrations create, but never TRUNCATE, TRIGGER, REFERENCES or DDL. On the ledgers it
 * keeps SELECT/INSERT only; the sealer may give a leaf its index (column grant plus the log's
 * trigger, which allows that once). Votes and recusals also refuse TRUNCATE now, as the other ledgers
 * do; a notice's attestation is final, and only the issuer's still-empty notice may be removed.
 */
export class GrantLeastPrivilegeToAppRole1795340018000 implements MigrationInterface {
  name = 'GrantLeastPrivilegeToAppRole1795340018000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const roles: unknown[] = await queryRunner.query(`SELECT 1 FROM pg_roles WHERE "rolname" = $1`, [APP_ROLE]);
    if (roles.length === 0) {
      throw new Error(
        `Role ${APP_ROLE} does not exist: create it first (\`npm run admin -- db:roles\` as a superuser, or docker/postgres-init for compose)`,
      );
    }
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // For the owner role (the one running this): tables and sequences of later migrations get the same grants.
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE ON "schema_migrations" FROM ${APP_ROLE}`);
    for (const table of LEDGER_TABLES) await queryRunner.query(`REVOKE UPDATE, DELETE ON "${table}" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT UPDATE ("leaf_index") ON "transparency_log_leaves" TO ${APP_ROLE}`);
    await queryRunner.query(`REVOKE UPDATE ON "withdrawal_notices" FROM ${APP_ROLE}`);
    await queryRunner.query(
      `GRANT UPDATE (${NOTICE_UPDATABLE_COLUMNS.map((column) => `"${column}"`).join(', ')}) ON "withdrawal_notices" TO ${APP_ROLE}`,
    );

    for (const table of ['review_votes', 'review_recusals']) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "review_append_only"()`,
      );
    }
    await queryRunner.query(`
      CREATE FUNCTION "withdrawal_notices_attestation_final"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'withdrawal_notices cannot be truncated' USING ERRCODE = 'restrict_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN
          -- The issuer removes a notice it has just opened when no provision turned out new for it.
          IF OLD."status" = 'open' AND OLD."attestation_jws" IS NULL AND cardinality(OLD."subjects") = 0 THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'withdrawal_notices: only an empty, unattested notice may be removed' USING ERRCODE = 'restrict_violation';
        END IF;
        IF OLD."attestation_jws" IS NOT NULL THEN
          RAISE EXCEPTION 'withdrawal_notices: an attested notice is final' USING ERRCODE = 'restrict_violation';
        END IF;
        IF cardinality(OLD."subjects") > 0 AND (NEW."subjects" IS DISTINCT FROM OLD."subjects"
             OR NEW."transfers" IS DISTINCT FROM OLD."transfers" OR NEW."offer_id" IS DISTINCT FROM OLD."offer_id") THEN
          RAISE EXCEPTION 'withdrawal_notices: a notice''s subjects and transfers are set once' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_withdrawal_notices_attestation_final" BEFORE UPDATE OR DELETE ON "withdrawal_notices" FOR EACH ROW EXECUTE FUNCTION "withdrawal_notices_attestation_final"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_withdrawal_notices_no_truncate" BEFORE TRUNCATE ON "withdrawal_notices" FOR EACH STATEMENT EXECUTE FUNCTION "withdrawal_notices_attestation_final"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_withdrawal_notices_no_truncate" ON "withdrawal_notices"`);
    await queryRunner.query(`DROP TRIGGER "tr_withdrawal_notices_attestation_final" ON "withdrawal_notices"`);
    await queryRunner.query(`DROP FUNCTION "withdrawal_notices_attestation_final"()`);
    for (const table of ['review_recusals', 'review_votes'])
      await queryRunner.query(`DROP TRIGGER "tr_${table}_no_truncate" ON "${table}"`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE}`);
    // Column grants are not covered by REVOKE ... ON ALL TABLES.
    await queryRunner.query(
      `REVOKE UPDATE (${NOTICE_UPDATABLE_COLUMNS.map((column) => `"${column}"`).join(', ')}) ON "withdrawal_notices" FROM ${APP_ROLE}`,
    );
    await queryRunner.query(`REVOKE UPDATE ("leaf_index") ON "transparency_log_leaves" FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
  }
}
