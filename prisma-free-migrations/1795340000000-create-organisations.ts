import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations (providers and recipients, keyed by 法人番号) and the public keys they sign with. */
export class CreateOrganisations1795340000000 implements MigrationInterface {
  name = 'CreateOrganisations1795340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organisations" (
        "id" uuid NOT NULL,
        "corporate_number" text NOT NULL,
        "name_ja" text NOT NULL,
        "name_en" text,
        "country" text NOT NULL,
        "roles" text[] NOT NULL,
        "encryption_jwk" jsonb,
        "webhook_url" text,
        "terms_version" text NOT NULL,
        "status" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_organisations" PRIMARY KEY ("id"),
        CONSTRAINT "uq_organisations_corporate_number" UNIQUE ("corporate_number"),
        CONSTRAINT "ck_organisations_corporate_number" CHECK ("corporate_number" ~ '^[1-9][0-9]{12}$'),
        CONSTRAINT "ck_organisations_country" CHECK ("country" ~ '^[A-Z]{2}$'),
        CONSTRAINT "ck_organisations_roles" CHECK (cardinality("roles") > 0 AND "roles" <@ ARRAY['provider', 'recipient']::text[]),
        CONSTRAINT "ck_organisations_status" CHECK ("status" IN ('active', 'suspended'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "organisation_signing_keys" (
        "organisation_id" uuid NOT NULL,
        "kid" text NOT NULL,
        "jwk" jsonb NOT NULL,
        "added_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_organisation_signing_keys" PRIMARY KEY ("organisation_id", "kid"),
        CONSTRAINT "fk_organisation_signing_keys_organisation" FOREIGN KEY ("organisation_id")
          REFERENCES "organisations" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organisation_signing_keys"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
  }
}
