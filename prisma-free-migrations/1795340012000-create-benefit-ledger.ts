import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The individuals' benefit ledger (便益, libs/rights): one append-only entry per provision, credited
 * in the transaction that records the provision.
 */
export class CreateBenefitLedger1795340012000 implements MigrationInterface {
  name = 'CreateBenefitLedger1795340012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "benefit_entries" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "provision_id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "recipient_name" jsonb NOT NULL,
        "purpose_text" jsonb NOT NULL,
        "type" text NOT NULL,
        "amount" integer,
        "description" jsonb NOT NULL,
        "credited_at" timestamptz NOT NULL,
        CONSTRAINT "pk_benefit_entries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_benefit_entries_provision" UNIQUE ("provision_id"),
        CONSTRAINT "ck_benefit_entries_type" CHECK ("type" IN ('points', 'yen', 'service', 'social')),
        CONSTRAINT "ck_benefit_entries_amount" CHECK ("amount" IS NULL OR "amount" > 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_benefit_entries_individual_time" ON "benefit_entries" ("individual_id", "credited_at", "id")`,
    );
    // What an individual was given for their data is evidence: the database itself refuses to change it.
    await queryRunner.query(`
      CREATE FUNCTION "benefit_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_benefit_entries_append_only" BEFORE UPDATE OR DELETE ON "benefit_entries" FOR EACH ROW EXECUTE FUNCTION "benefit_entries_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_benefit_entries_no_truncate" BEFORE TRUNCATE ON "benefit_entries" FOR EACH STATEMENT EXECUTE FUNCTION "benefit_entries_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "benefit_entries"`);
    await queryRunner.query(`DROP FUNCTION "benefit_entries_append_only"()`);
  }
}
