import type { MigrationInterface, QueryRunner } from 'typeorm';

// The runtime role, written out so this migration never changes once it has landed.
const APP_ROLE = 'infobank_app';

/**
 * The complaints desk (苦情相談窓口, libs/rights): `staff` accounts that sign in at the ethics board,
 * complaints and their append-only thread of events (texts encrypted under the individual's data key),
 * and the `complaint_answered` notification. The runtime role may only read and insert events, and a
 * trigger refuses even the owner.
 */
export class CreateComplaintsDesk1795340043000 implements MigrationInterface {
  name = 'CreateComplaintsDesk1795340043000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "ck_accounts_kind"`);
    await queryRunner.query(
      `ALTER TABLE "accounts" ADD CONSTRAINT "ck_accounts_kind" CHECK ("kind" IN ('individual', 'board_member', 'staff'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('consent_granted_by_standing_condition', 'approval_requested', 'withdrawal_attested', 'disclosure_ready', 'complaint_answered'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject_type"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject_type" CHECK ("subject_type" IN ('consent', 'approval_request', 'offer', 'disclosure', 'complaint'))`,
    );
    await queryRunner.query(`
      CREATE TABLE "complaints" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "category" text NOT NULL,
        "status" text NOT NULL,
        "priority" text,
        "escalated_at" timestamptz,
        "filed_at" timestamptz NOT NULL,
        "first_answered_at" timestamptz,
        "closed_at" timestamptz,
        "updated_at" timestamptz NOT NULL,
        "version" integer NOT NULL,
        "related_consent_id" uuid,
        "related_provision_id" uuid,
        "related_recipient_id" uuid,
        CONSTRAINT "pk_complaints" PRIMARY KEY ("id"),
        CONSTRAINT "fk_complaints_individual" FOREIGN KEY ("individual_id") REFERENCES "accounts"("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_complaints_category" CHECK ("category" IN ('consent', 'provision', 'recipient', 'data_handling', 'account', 'benefit', 'other')),
        CONSTRAINT "ck_complaints_status" CHECK ("status" IN ('open', 'in_progress', 'awaiting_information', 'closed')),
        CONSTRAINT "ck_complaints_priority" CHECK ("priority" IN ('normal', 'urgent'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_complaints_individual_filed" ON "complaints" ("individual_id", "filed_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_complaints_status_filed" ON "complaints" ("status", "filed_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "complaint_events" (
        "id" uuid NOT NULL,
        "complaint_id" uuid NOT NULL,
        "sequence" integer NOT NULL,
        "type" text NOT NULL,
        "actor_type" text NOT NULL,
        "actor_id" uuid NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "category" text,
        "priority" text,
        "text_ciphertext" bytea,
        CONSTRAINT "pk_complaint_events" PRIMARY KEY ("id"),
        CONSTRAINT "uq_complaint_events_sequence" UNIQUE ("complaint_id", "sequence"),
        CONSTRAINT "fk_complaint_events_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_complaint_events_actor" FOREIGN KEY ("actor_id") REFERENCES "accounts"("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_complaint_events_type" CHECK ("type" IN ('filed', 'triaged', 'replied', 'information_requested', 'information_provided', 'escalated', 'closed')),
        CONSTRAINT "ck_complaint_events_actor_type" CHECK ("actor_type" IN ('individual', 'staff'))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "complaint_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_complaint_events_append_only" BEFORE UPDATE OR DELETE ON "complaint_events" FOR EACH ROW EXECUTE FUNCTION "complaint_events_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_complaint_events_no_truncate" BEFORE TRUNCATE ON "complaint_events" FOR EACH STATEMENT EXECUTE FUNCTION "complaint_events_append_only"()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE ON "complaint_events" FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "complaint_events"`);
    await queryRunner.query(`DROP FUNCTION "complaint_events_append_only"()`);
    await queryRunner.query(`DROP TABLE "complaints"`);
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'complaint_answered' OR "subject_type" = 'complaint'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject_type"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject_type" CHECK ("subject_type" IN ('consent', 'approval_request', 'offer', 'disclosure'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('consent_granted_by_standing_condition', 'approval_requested', 'withdrawal_attested', 'disclosure_ready'))`,
    );
    // Staff accounts cannot outlive the kind; their refresh tokens go with them.
    await queryRunner.query(`DELETE FROM "refresh_tokens" WHERE "account_id" IN (SELECT "id" FROM "accounts" WHERE "kind" = 'staff')`);
    await queryRunner.query(`DELETE FROM "accounts" WHERE "kind" = 'staff'`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "ck_accounts_kind"`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD CONSTRAINT "ck_accounts_kind" CHECK ("kind" IN ('individual', 'board_member'))`);
  }
}
