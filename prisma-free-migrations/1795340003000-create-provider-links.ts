import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider links (store consent, 預託の同意): which provider may deposit which categories about which
 * individual, the SHA-256 of the one-time link code, and the customer reference bound at redemption.
 */
export class CreateProviderLinks1795340003000 implements MigrationInterface {
  name = 'CreateProviderLinks1795340003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "provider_links" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "categories" text[] NOT NULL,
        "status" text NOT NULL,
        "code_hash" bytea,
        "code_expires_at" timestamptz NOT NULL,
        "customer_ref" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "linked_at" timestamptz,
        "removed_at" timestamptz,
        CONSTRAINT "pk_provider_links" PRIMARY KEY ("id"),
        CONSTRAINT "uq_provider_links_code_hash" UNIQUE ("code_hash"),
        CONSTRAINT "fk_provider_links_individual" FOREIGN KEY ("individual_id") REFERENCES "accounts" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_provider_links_provider" FOREIGN KEY ("provider_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_provider_links_status" CHECK ("status" IN ('pending', 'active', 'removed')),
        CONSTRAINT "ck_provider_links_categories" CHECK (cardinality("categories") > 0),
        CONSTRAINT "ck_provider_links_customer_ref" CHECK (char_length("customer_ref") BETWEEN 1 AND 128),
        CONSTRAINT "ck_provider_links_lifecycle" CHECK (
          ("status" = 'pending' AND "customer_ref" IS NULL AND "linked_at" IS NULL AND "removed_at" IS NULL)
          OR ("status" = 'active' AND "customer_ref" IS NOT NULL AND "linked_at" IS NOT NULL AND "removed_at" IS NULL AND "code_hash" IS NULL)
          OR ("status" = 'removed' AND "removed_at" IS NOT NULL AND "code_hash" IS NULL)
        )
      )`);
    await queryRunner.query(`CREATE INDEX "ix_provider_links_individual" ON "provider_links" ("individual_id", "created_at")`);
    // Deposits look customers up by (provider, customer_ref) among active links; at most one each.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_provider_links_active_customer" ON "provider_links" ("provider_id", "customer_ref") WHERE "status" = 'active'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_provider_links_active_individual" ON "provider_links" ("provider_id", "individual_id") WHERE "status" = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "provider_links"`);
  }
}
