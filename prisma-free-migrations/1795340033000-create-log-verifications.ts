import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full log verification (libs/oversight): one row per run with its progress, so a crashed run resumes
 * from its last page; the board's notifications (a failed verification raises one); and an index that
 * lets a verification find the consent event behind each leaf without scanning the ledger.
 */
export class CreateLogVerifications1795340033000 implements MigrationInterface {
  name = 'CreateLogVerifications1795340033000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "log_verifications" (
        "id" uuid NOT NULL,
        "trigger" text NOT NULL,
        "requested_by" uuid,
        "status" text NOT NULL,
        "from_size" bigint NOT NULL,
        "to_size" bigint NOT NULL,
        "next_size" bigint NOT NULL,
        "progress" jsonb NOT NULL,
        "failure_count" integer NOT NULL DEFAULT 0,
        "failures" jsonb NOT NULL DEFAULT '[]',
        "result_jws" text,
        "requested_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        "completed_at" timestamptz,
        CONSTRAINT "pk_log_verifications" PRIMARY KEY ("id"),
        CONSTRAINT "ck_log_verifications_trigger" CHECK ("trigger" IN ('board', 'operator', 'schedule')),
        CONSTRAINT "ck_log_verifications_status" CHECK ("status" IN ('running', 'passed', 'failed')),
        CONSTRAINT "ck_log_verifications_sizes" CHECK ("from_size" >= 0 AND "from_size" <= "next_size" AND "next_size" <= "to_size")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_log_verifications_requested" ON "log_verifications" ("requested_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "board_notifications" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "subject_id" uuid NOT NULL,
        "summary" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL,
        CONSTRAINT "pk_board_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "uq_board_notifications_kind_subject" UNIQUE ("kind", "subject_id"),
        CONSTRAINT "ck_board_notifications_kind" CHECK ("kind" IN ('log_verification_failed'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_board_notifications_created" ON "board_notifications" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_consent_events_leaf" ON "consent_events" ("leaf_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_consent_events_leaf"`);
    await queryRunner.query(`DROP TABLE "board_notifications"`);
    await queryRunner.query(`DROP TABLE "log_verifications"`);
  }
}
