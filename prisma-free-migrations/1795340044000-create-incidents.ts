import type { MigrationInterface, QueryRunner } from 'typeorm';

// The runtime role, written out so this migration never changes once it has landed.
const APP_ROLE = 'infobank_app';

const KINDS_BEFORE = `'consent_granted_by_standing_condition', 'approval_requested', 'withdrawal_attested', 'disclosure_ready', 'complaint_answered'`;
const SUBJECT_TYPES_BEFORE = `'consent', 'approval_request', 'offer', 'disclosure', 'complaint'`;

/**
 * Incidents (libs/oversight): a breach at a recipient, a provider or the bank, the individuals it affected
 * (computed once from provision records or the vault when it is opened), and each step of its handling
 * with who took it (append-only). The individuals' inbox accepts the kind `incident_affecting_me` about an
 * `incident`, and provision records are indexed by pseudonymous subject id for leak tracing.
 */
export class CreateIncidents1795340044000 implements MigrationInterface {
  name = 'CreateIncidents1795340044000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "incidents" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "recipient_id" uuid,
        "provider_id" uuid,
        "categories" text[] NOT NULL,
        "window_from" timestamptz NOT NULL,
        "window_to" timestamptz NOT NULL,
        "description" text NOT NULL,
        "measures" text,
        "state" text NOT NULL,
        "affected_individuals" integer NOT NULL,
        "affected_records" integer NOT NULL,
        "items" text[] NOT NULL,
        "stop_use_order_id" uuid,
        "opened_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_incidents" PRIMARY KEY ("id"),
        CONSTRAINT "ck_incidents_kind" CHECK ("kind" IN ('recipient_breach', 'provider_breach', 'bank_breach')),
        CONSTRAINT "ck_incidents_state" CHECK ("state" IN ('open', 'notifying', 'notified', 'closed')),
        CONSTRAINT "ck_incidents_recipient" CHECK (("recipient_id" IS NOT NULL) = ("kind" = 'recipient_breach')),
        CONSTRAINT "ck_incidents_provider" CHECK (("provider_id" IS NOT NULL) = ("kind" = 'provider_breach')),
        CONSTRAINT "ck_incidents_window" CHECK ("window_from" < "window_to")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_incidents_opened" ON "incidents" ("opened_at", "id")`);

    await queryRunner.query(`
      CREATE TABLE "incident_steps" (
        "id" uuid NOT NULL,
        "incident_id" uuid NOT NULL,
        "state" text NOT NULL,
        "at" timestamptz NOT NULL,
        "actor_type" text NOT NULL,
        "actor_ref" text NOT NULL,
        CONSTRAINT "pk_incident_steps" PRIMARY KEY ("id"),
        CONSTRAINT "fk_incident_steps_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents" ("id") ON DELETE RESTRICT,
        CONSTRAINT "uq_incident_steps_incident_state" UNIQUE ("incident_id", "state"),
        CONSTRAINT "ck_incident_steps_state" CHECK ("state" IN ('open', 'notifying', 'notified', 'closed'))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "incident_steps_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_incident_steps_append_only" BEFORE UPDATE OR DELETE ON "incident_steps" FOR EACH ROW EXECUTE FUNCTION "incident_steps_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_incident_steps_no_truncate" BEFORE TRUNCATE ON "incident_steps" FOR EACH STATEMENT EXECUTE FUNCTION "incident_steps_append_only"()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE ON "incident_steps" FROM ${APP_ROLE}`);

    await queryRunner.query(`
      CREATE TABLE "incident_affected" (
        "id" uuid NOT NULL,
        "incident_id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "subject_ids" text[] NOT NULL,
        "items" text[] NOT NULL,
        "records" integer NOT NULL,
        "consent_ids" uuid[] NOT NULL,
        "provision_ids" uuid[] NOT NULL,
        "notification_id" uuid,
        "notified_at" timestamptz,
        CONSTRAINT "pk_incident_affected" PRIMARY KEY ("id"),
        CONSTRAINT "fk_incident_affected_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents" ("id") ON DELETE RESTRICT,
        CONSTRAINT "uq_incident_affected_incident_individual" UNIQUE ("incident_id", "individual_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_incident_affected_individual" ON "incident_affected" ("individual_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_incident_affected_unnotified" ON "incident_affected" ("incident_id", "id") WHERE "notified_at" IS NULL`,
    );

    await queryRunner.query(`CREATE INDEX "ix_provision_records_subject" ON "provision_records" ("subject_id")`);

    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${KINDS_BEFORE}, 'incident_affecting_me'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject_type"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject_type" CHECK ("subject_type" IN (${SUBJECT_TYPES_BEFORE}, 'incident'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'incident_affecting_me' OR "subject_type" = 'incident'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject_type"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject_type" CHECK ("subject_type" IN (${SUBJECT_TYPES_BEFORE}))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${KINDS_BEFORE}))`);
    await queryRunner.query(`DROP INDEX "ix_provision_records_subject"`);
    await queryRunner.query(`DROP TABLE "incident_affected"`);
    await queryRunner.query(`DROP TABLE "incident_steps"`);
    await queryRunner.query(`DROP FUNCTION "incident_steps_append_only"()`);
    await queryRunner.query(`DROP TABLE "incidents"`);
  }
}
