import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transfers (a recipient's request for the data of consented individuals), their subjects and their
 * encrypted package parts, and the append-only provision records written when a part is downloaded.
 * provision_records is the table that grows without bound: its indexes serve "this individual's history,
 * newest first" and "this recipient in this window"; partitioning it by provided_at is the next step at scale.
 */
export class CreateTransfersAndProvisions1795340011000 implements MigrationInterface {
  name = 'CreateTransfersAndProvisions1795340011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Building a transfer for "everyone who consented" reads every consent of the offer, live or ended.
    await queryRunner.query(`CREATE INDEX "ix_consents_offer_individual" ON "consents" ("offer_id", "individual_id")`);
    await queryRunner.query(`
      CREATE TABLE "transfers" (
        "id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "idempotency_key" text NOT NULL,
        "request_digest" bytea NOT NULL,
        "requested_subjects" text[],
        "status" text NOT NULL,
        "part_count" integer NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        "ready_at" timestamptz,
        "delivered_at" timestamptz,
        CONSTRAINT "pk_transfers" PRIMARY KEY ("id"),
        CONSTRAINT "uq_transfers_recipient_idempotency_key" UNIQUE ("recipient_id", "idempotency_key"),
        CONSTRAINT "ck_transfers_status" CHECK ("status" IN ('requested', 'processing', 'ready', 'delivered', 'expired', 'cancelled')),
        CONSTRAINT "ck_transfers_part_count" CHECK ("part_count" >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_transfers_recipient_time" ON "transfers" ("recipient_id", "requested_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_transfers_offer_time" ON "transfers" ("offer_id", "requested_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "transfer_subjects" (
        "transfer_id" uuid NOT NULL,
        "subject_id" text NOT NULL,
        "individual_id" uuid,
        "offer_id" uuid NOT NULL,
        "consent_id" uuid,
        "consent_version" integer,
        "status" text NOT NULL,
        "reason" text,
        "part" integer,
        "approval_request_id" uuid,
        "items" text[],
        "record_digests" text[],
        "reserved_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_transfer_subjects" PRIMARY KEY ("transfer_id", "subject_id"),
        CONSTRAINT "fk_transfer_subjects_transfer" FOREIGN KEY ("transfer_id") REFERENCES "transfers" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_transfer_subjects_status" CHECK ("status" IN ('pending', 'awaiting_approval', 'ready', 'delivered', 'denied', 'expired')),
        CONSTRAINT "ck_transfer_subjects_reason" CHECK (("reason" IS NOT NULL) = ("status" = 'denied'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_transfer_subjects_transfer_part" ON "transfer_subjects" ("transfer_id", "part")`);
    await queryRunner.query(
      `CREATE INDEX "ix_transfer_subjects_offer_individual" ON "transfer_subjects" ("offer_id", "individual_id", "reserved_at") WHERE "status" IN ('pending', 'awaiting_approval', 'ready', 'delivered')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transfer_subjects_consent" ON "transfer_subjects" ("consent_id") WHERE "status" IN ('pending', 'awaiting_approval', 'ready')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transfer_subjects_approval" ON "transfer_subjects" ("approval_request_id") WHERE "approval_request_id" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "transfer_parts" (
        "transfer_id" uuid NOT NULL,
        "part" integer NOT NULL,
        "status" text NOT NULL,
        "generation" integer NOT NULL,
        "subject_count" integer NOT NULL,
        "package" text,
        "package_digest" bytea,
        "built_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "delivered_at" timestamptz,
        CONSTRAINT "pk_transfer_parts" PRIMARY KEY ("transfer_id", "part"),
        CONSTRAINT "fk_transfer_parts_transfer" FOREIGN KEY ("transfer_id") REFERENCES "transfers" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_transfer_parts_status" CHECK ("status" IN ('ready', 'delivered', 'stale', 'void', 'expired')),
        CONSTRAINT "ck_transfer_parts_part" CHECK ("part" >= 1),
        CONSTRAINT "ck_transfer_parts_generation" CHECK ("generation" >= 1)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_transfer_parts_expiry" ON "transfer_parts" ("expires_at") WHERE "package" IS NOT NULL`);
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
        "leaf_id" uuid NOT NULL,
        CONSTRAINT "pk_provision_records" PRIMARY KEY ("id"),
        CONSTRAINT "uq_provision_records_transfer_individual" UNIQUE ("transfer_id", "individual_id"),
        CONSTRAINT "uq_provision_records_leaf" UNIQUE ("leaf_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_provision_records_individual_time" ON "provision_records" ("individual_id", "provided_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_provision_records_recipient_time" ON "provision_records" ("recipient_id", "provided_at")`);
    await queryRunner.query(`CREATE INDEX "ix_provision_records_consent" ON "provision_records" ("consent_id")`);
    await queryRunner.query(`
      CREATE FUNCTION "provision_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_provision_records_append_only" BEFORE UPDATE OR DELETE ON "provision_records" FOR EACH ROW EXECUTE FUNCTION "provision_records_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_provision_records_no_truncate" BEFORE TRUNCATE ON "provision_records" FOR EACH STATEMENT EXECUTE FUNCTION "provision_records_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "provision_records"`);
    await queryRunner.query(`DROP FUNCTION "provision_records_append_only"()`);
    await queryRunner.query(`DROP TABLE "transfer_parts"`);
    await queryRunner.query(`DROP TABLE "transfer_subjects"`);
    await queryRunner.query(`DROP TABLE "transfers"`);
    await queryRunner.query(`DROP INDEX "ix_consents_offer_individual"`);
  }
}
