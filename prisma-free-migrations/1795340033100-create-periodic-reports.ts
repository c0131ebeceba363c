import type { MigrationInterface, QueryRunner } from 'typeorm';

// The runtime role, written out so this migration never changes once it has landed.
const APP_ROLE = 'infobank_app';

/**
 * Periodic reports to the data ethics board (定期報告, libs/oversight): one per month, signed by the bank
 * and immutable. The runtime role may read and insert them only, and a trigger refuses even the owner.
 */
export class CreatePeriodicReports1795340033100 implements MigrationInterface {
  name = 'CreatePeriodicReports1795340033100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "periodic_reports" (
        "id" uuid NOT NULL,
        "period" text NOT NULL,
        "trigger" text NOT NULL,
        "generated_at" timestamptz NOT NULL,
        "content" jsonb NOT NULL,
        "content_jws" text NOT NULL,
        CONSTRAINT "pk_periodic_reports" PRIMARY KEY ("id"),
        CONSTRAINT "uq_periodic_reports_period" UNIQUE ("period"),
        CONSTRAINT "ck_periodic_reports_period" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        CONSTRAINT "ck_periodic_reports_trigger" CHECK ("trigger" IN ('board', 'schedule'))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "periodic_reports_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_periodic_reports_append_only" BEFORE UPDATE OR DELETE ON "periodic_reports" FOR EACH ROW EXECUTE FUNCTION "periodic_reports_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_periodic_reports_no_truncate" BEFORE TRUNCATE ON "periodic_reports" FOR EACH STATEMENT EXECUTE FUNCTION "periodic_reports_append_only"()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE ON "periodic_reports" FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "periodic_reports"`);
    await queryRunner.query(`DROP FUNCTION "periodic_reports_append_only"()`);
  }
}
