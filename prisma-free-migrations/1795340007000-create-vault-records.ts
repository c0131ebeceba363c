import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deposited records: the providers' signed batches (provenance and the stored answer), the current
 * version of each record (content encrypted under the individual's data key) and superseded versions.
 */
export class CreateVaultRecords1795340007000 implements MigrationInterface {
  name = 'CreateVaultRecords1795340007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "deposit_batches" (
        "id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "batch_id" text NOT NULL,
        "jws_digest" bytea NOT NULL,
        "payload_digest" bytea NOT NULL,
        "signing_kid" text NOT NULL,
        "record_count" integer NOT NULL,
        "response" jsonb,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_deposit_batches" PRIMARY KEY ("id"),
        CONSTRAINT "uq_deposit_batches_provider_batch" UNIQUE ("provider_id", "batch_id"),
        CONSTRAINT "fk_deposit_batches_provider" FOREIGN KEY ("provider_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_deposit_batches_record_count" CHECK ("record_count" BETWEEN 1 AND 5000)
      )`);
    await queryRunner.query(`
      CREATE TABLE "vault_records" (
        "id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "record_id" text NOT NULL,
        "individual_id" uuid NOT NULL,
        "category" text NOT NULL,
        "observed_at" timestamptz NOT NULL,
        "version" integer NOT NULL,
        "content_digest" bytea NOT NULL,
        "ciphertext" bytea NOT NULL,
        "plaintext_bytes" integer NOT NULL,
        "deposit_batch_id" uuid NOT NULL,
        "jws_digest" bytea NOT NULL,
        "signing_kid" text NOT NULL,
        "received_at" timestamptz NOT NULL,
        "first_received_at" timestamptz NOT NULL,
        CONSTRAINT "pk_vault_records" PRIMARY KEY ("id"),
        CONSTRAINT "uq_vault_records_provider_record" UNIQUE ("provider_id", "record_id"),
        CONSTRAINT "ck_vault_records_version" CHECK ("version" >= 1)
      )`);
    // The individual's records by provider × category, newest first (read backwards); the
    // individual_id prefix serves the summary and erasure too.
    await queryRunner.query(
      `CREATE INDEX "ix_vault_records_individual_provider_category_time"
         ON "vault_records" ("individual_id", "provider_id", "category", "observed_at", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "vault_record_versions" (
        "id" uuid NOT NULL,
        "vault_record_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "individual_id" uuid NOT NULL,
        "category" text NOT NULL,
        "observed_at" timestamptz NOT NULL,
        "content_digest" bytea NOT NULL,
        "ciphertext" bytea NOT NULL,
        "plaintext_bytes" integer NOT NULL,
        "deposit_batch_id" uuid NOT NULL,
        "jws_digest" bytea NOT NULL,
        "signing_kid" text NOT NULL,
        "received_at" timestamptz NOT NULL,
        "superseded_at" timestamptz NOT NULL,
        CONSTRAINT "pk_vault_record_versions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_vault_record_versions_record_version" UNIQUE ("vault_record_id", "version"),
        CONSTRAINT "fk_vault_record_versions_record" FOREIGN KEY ("vault_record_id") REFERENCES "vault_records" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "vault_record_versions"`);
    await queryRunner.query(`DROP TABLE "vault_records"`);
    await queryRunner.query(`DROP TABLE "deposit_batches"`);
  }
}
