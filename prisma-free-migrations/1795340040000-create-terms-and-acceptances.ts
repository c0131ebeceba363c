import type { MigrationInterface, QueryRunner } from 'typeorm';

// The runtime role, written out so this migration never changes once it has landed.
const APP_ROLE = 'infobank_app';

const TABLES = ['terms_versions', 'terms_acceptances'] as const;

/**
 * The bank's terms (利用規約・委任契約 for individuals, contracts for recipients and providers; libs/rights):
 * every published version, and every acceptance by an individual or an organisation with its time.
 * Both are ledgers: the runtime role may read and insert only, and a trigger refuses even the owner.
 */
export class CreateTermsAndAcceptances1795340040000 implements MigrationInterface {
  name = 'CreateTermsAndAcceptances1795340040000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "terms_versions" (
        "id" uuid NOT NULL,
        "audience" text NOT NULL,
        "version" text NOT NULL,
        "text_ja" text NOT NULL,
        "text_en" text NOT NULL,
        "published_at" timestamptz NOT NULL,
        "published_by" text NOT NULL,
        CONSTRAINT "pk_terms_versions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_terms_versions_audience_version" UNIQUE ("audience", "version"),
        CONSTRAINT "ck_terms_versions_audience" CHECK ("audience" IN ('individual', 'recipient', 'provider'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_terms_versions_audience_time" ON "terms_versions" ("audience", "published_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "terms_acceptances" (
        "id" uuid NOT NULL,
        "terms_version_id" uuid NOT NULL,
        "party_id" uuid NOT NULL,
        "accepted_at" timestamptz NOT NULL,
        "method" text NOT NULL,
        "recorded_by" text,
        CONSTRAINT "pk_terms_acceptances" PRIMARY KEY ("id"),
        CONSTRAINT "uq_terms_acceptances_party_version" UNIQUE ("party_id", "terms_version_id"),
        CONSTRAINT "fk_terms_acceptances_version" FOREIGN KEY ("terms_version_id") REFERENCES "terms_versions" ("id"),
        CONSTRAINT "ck_terms_acceptances_method" CHECK ("method" IN ('registration', 'portal', 'api', 'paper'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_terms_acceptances_party_time" ON "terms_acceptances" ("party_id", "accepted_at")`);
    await queryRunner.query(`
      CREATE FUNCTION "terms_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "terms_append_only"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "terms_append_only"()`,
      );
      await queryRunner.query(`REVOKE UPDATE, DELETE ON "${table}" FROM ${APP_ROLE}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "terms_acceptances"`);
    await queryRunner.query(`DROP TABLE "terms_versions"`);
    await queryRunner.query(`DROP FUNCTION "terms_append_only"()`);
  }
}
