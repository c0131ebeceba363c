import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consent ledger: the current state of each consent and its append-only events (each with the
 * bank's signed receipt and the transparency log leaf that records it).
 */
export class CreateConsentLedger1795340009000 implements MigrationInterface {
  name = 'CreateConsentLedger1795340009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "consents" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "status" text NOT NULL,
        "mode" text NOT NULL,
        "source" text NOT NULL,
        "items" text[] NOT NULL,
        "expires_at" timestamptz,
        "explanation" jsonb,
        "offer_snapshot" jsonb NOT NULL,
        "version" integer NOT NULL,
        "granted_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        "ended_at" timestamptz,
        "revocation_reason" text,
        "expiry_cause" text,
        CONSTRAINT "pk_consents" PRIMARY KEY ("id"),
        CONSTRAINT "ck_consents_status" CHECK ("status" IN ('active', 'paused', 'revoked', 'expired')),
        CONSTRAINT "ck_consents_mode" CHECK ("mode" IN ('auto', 'ask')),
        CONSTRAINT "ck_consents_source" CHECK ("source" IN ('individual', 'standing_condition')),
        CONSTRAINT "ck_consents_version" CHECK ("version" >= 1),
        CONSTRAINT "ck_consents_ended" CHECK (("ended_at" IS NULL) = ("status" IN ('active', 'paused')))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_consents_individual_granted" ON "consents" ("individual_id", "granted_at")`);
    await queryRunner.query(`CREATE INDEX "ix_consents_live_expires" ON "consents" ("expires_at") WHERE "ended_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "ix_consents_live_offer" ON "consents" ("offer_id") WHERE "ended_at" IS NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_consents_live_individual_offer" ON "consents" ("individual_id", "offer_id") WHERE "ended_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "consent_events" (
        "id" uuid NOT NULL,
        "consent_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "type" text NOT NULL,
        "payload" jsonb NOT NULL,
        "actor" text NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "receipt_id" uuid NOT NULL,
        "receipt_jws" text NOT NULL,
        "receipt_hash" text NOT NULL,
        "leaf_id" uuid NOT NULL,
        CONSTRAINT "pk_consent_events" PRIMARY KEY ("id"),
        CONSTRAINT "uq_consent_events_consent_version" UNIQUE ("consent_id", "version"),
        CONSTRAINT "uq_consent_events_receipt" UNIQUE ("receipt_id"),
        CONSTRAINT "fk_consent_events_consent" FOREIGN KEY ("consent_id") REFERENCES "consents" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_consent_events_version" CHECK ("version" >= 1),
        CONSTRAINT "ck_consent_events_actor" CHECK ("actor" IN ('individual', 'bank')),
        CONSTRAINT "ck_consent_events_type" CHECK ("type" IN ('consent_granted', 'consent_paused', 'consent_resumed', 'consent_revoked', 'consent_expired'))
      )`);
    // The ledger is the record an auditor relies on: the database itself refuses to change it.
    await queryRunner.query(`
      CREATE FUNCTION "consent_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_consent_events_append_only" BEFORE UPDATE OR DELETE ON "consent_events" FOR EACH ROW EXECUTE FUNCTION "consent_events_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_consent_events_no_truncate" BEFORE TRUNCATE ON "consent_events" FOR EACH STATEMENT EXECUTE FUNCTION "consent_events_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "consent_events"`);
    await queryRunner.query(`DROP FUNCTION "consent_events_append_only"()`);
    await queryRunner.query(`DROP TABLE "consents"`);
  }
}
