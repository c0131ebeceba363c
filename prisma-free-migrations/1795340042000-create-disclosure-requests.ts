import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosure requests (開示請求, libs/disclosure): each request, its status and due date, and its bundle,
 * stored only encrypted and deleted when the request expires; single-use download tokens, stored as
 * hashes. The notifications inbox accepts the kind `disclosure_ready` about a `disclosure`.
 * The runtime role gets its table grants from the default privileges (GrantLeastPrivilegeToAppRole).
 */
export class CreateDisclosureRequests1795340042000 implements MigrationInterface {
  name = 'CreateDisclosureRequests1795340042000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "disclosure_requests" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "sections" text[] NOT NULL,
        "format" text NOT NULL,
        "status" text NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "due_at" timestamptz NOT NULL,
        "building_at" timestamptz,
        "ready_at" timestamptz,
        "expires_at" timestamptz,
        "expired_at" timestamptz,
        "bundle" bytea,
        "bundle_bytes" integer,
        "bundle_sha256" text,
        "manifest_jws" text,
        CONSTRAINT "pk_disclosure_requests" PRIMARY KEY ("id"),
        CONSTRAINT "fk_disclosure_requests_individual" FOREIGN KEY ("individual_id") REFERENCES "accounts" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_disclosure_requests_status" CHECK ("status" IN ('requested', 'building', 'ready', 'expired')),
        CONSTRAINT "ck_disclosure_requests_format" CHECK ("format" IN ('json', 'csv')),
        CONSTRAINT "ck_disclosure_requests_bundle" CHECK (("status" = 'ready') = ("bundle" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_disclosure_requests_individual" ON "disclosure_requests" ("individual_id", "requested_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_disclosure_requests_status_expires" ON "disclosure_requests" ("status", "expires_at")`);
    await queryRunner.query(`
      CREATE TABLE "disclosure_download_tokens" (
        "token_hash" bytea NOT NULL,
        "disclosure_id" uuid NOT NULL,
        "issued_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        CONSTRAINT "pk_disclosure_download_tokens" PRIMARY KEY ("token_hash"),
        CONSTRAINT "fk_disclosure_download_tokens_disclosure" FOREIGN KEY ("disclosure_id") REFERENCES "disclosure_requests" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_disclosure_download_tokens_disclosure" ON "disclosure_download_tokens" ("disclosure_id")`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('consent_granted_by_standing_condition', 'approval_requested', 'withdrawal_attested', 'disclosure_ready'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject_type"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject_type" CHECK ("subject_type" IN ('consent', 'approval_request', 'offer', 'disclosure'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'disclosure_ready' OR "subject_type" = 'disclosure'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_subject_type"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_subject_type" CHECK ("subject_type" IN ('consent', 'approval_request', 'offer'))`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('consent_granted_by_standing_condition', 'approval_requested', 'withdrawal_attested'))`,
    );
    await queryRunner.query(`DROP TABLE "disclosure_download_tokens"`);
    await queryRunner.query(`DROP TABLE "disclosure_requests"`);
  }
}
