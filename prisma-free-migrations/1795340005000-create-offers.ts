import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Recipients' data-use offers and the board's outcome for each review round. */
export class CreateOffers1795340005000 implements MigrationInterface {
  name = 'CreateOffers1795340005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "offers" (
        "id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "status" text NOT NULL,
        "round" integer NOT NULL,
        "purpose_code" text NOT NULL,
        "purpose_text" jsonb NOT NULL,
        "items" jsonb NOT NULL,
        "category_codes" text[] NOT NULL,
        "data_range" jsonb NOT NULL,
        "fetch" jsonb NOT NULL,
        "data_life_days" integer NOT NULL,
        "benefit" jsonb NOT NULL,
        "processing_countries" text[] NOT NULL,
        "profiling" boolean NOT NULL,
        "terms_version" text NOT NULL,
        "valid_until" timestamptz NOT NULL,
        "submitted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_offers" PRIMARY KEY ("id"),
        CONSTRAINT "fk_offers_recipient" FOREIGN KEY ("recipient_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_offers_status"
          CHECK ("status" IN ('draft', 'in_review', 'approved', 'rejected', 'changes_requested', 'suspended', 'withdrawn')),
        CONSTRAINT "ck_offers_round" CHECK ("round" >= 0),
        CONSTRAINT "ck_offers_data_life_days" CHECK ("data_life_days" BETWEEN 1 AND 3650)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_offers_recipient_created" ON "offers" ("recipient_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_offers_status_valid_until" ON "offers" ("status", "valid_until")`);
    await queryRunner.query(`
      CREATE TABLE "offer_review_outcomes" (
        "offer_id" uuid NOT NULL,
        "round" integer NOT NULL,
        "case_id" uuid NOT NULL,
        "outcome" text NOT NULL,
        "reasons" jsonb NOT NULL,
        "decided_at" timestamptz NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_offer_review_outcomes" PRIMARY KEY ("offer_id", "round"),
        CONSTRAINT "uq_offer_review_outcomes_case" UNIQUE ("case_id"),
        CONSTRAINT "fk_offer_review_outcomes_offer" FOREIGN KEY ("offer_id") REFERENCES "offers" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_offer_review_outcomes_outcome" CHECK ("outcome" IN ('approved', 'rejected', 'changes_requested'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "offer_review_outcomes"`);
    await queryRunner.query(`DROP TABLE "offers"`);
  }
}
