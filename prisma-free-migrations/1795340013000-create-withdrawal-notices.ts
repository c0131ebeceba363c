import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Withdrawal notices to recipients (revocation, expiry, data-life end, erasure, account closure,
 * stop-use orders), the provisions each covers, the recipients' signed deletion attestations, and the
 * log of webhook deliveries.
 */
export class CreateWithdrawalNotices1795340013000 implements MigrationInterface {
  name = 'CreateWithdrawalNotices1795340013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "withdrawal_notices" (
        "id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "source_key" text NOT NULL,
        "offer_id" uuid,
        "reason" text NOT NULL,
        "subjects" text[] NOT NULL,
        "transfers" uuid[] NOT NULL,
        "status" text NOT NULL,
        "issued_at" timestamptz NOT NULL,
        "due_at" timestamptz NOT NULL,
        "overdue_at" timestamptz,
        "attested_at" timestamptz,
        "attestation_jws" text,
        "attestation_kid" text,
        "deleted_at" timestamptz,
        "statement" text,
        CONSTRAINT "pk_withdrawal_notices" PRIMARY KEY ("id"),
        CONSTRAINT "uq_withdrawal_notices_recipient_source" UNIQUE ("recipient_id", "source_key"),
        CONSTRAINT "ck_withdrawal_notices_kind" CHECK ("kind" IN ('consent_revoked', 'consent_expired', 'data_life_ended', 'data_erased', 'account_closed', 'stop_use_order')),
        CONSTRAINT "ck_withdrawal_notices_status" CHECK ("status" IN ('open', 'attested', 'overdue')),
        CONSTRAINT "ck_withdrawal_notices_attested" CHECK (("attested_at" IS NOT NULL) = ("attestation_jws" IS NOT NULL)),
        CONSTRAINT "ck_withdrawal_notices_due" CHECK ("due_at" > "issued_at")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_withdrawal_notices_recipient_time" ON "withdrawal_notices" ("recipient_id", "issued_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_withdrawal_notices_open_due" ON "withdrawal_notices" ("due_at") WHERE "status" = 'open'`);
    await queryRunner.query(`
      CREATE TABLE "withdrawal_notice_provisions" (
        "notice_id" uuid NOT NULL,
        "provision_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "individual_id" uuid NOT NULL,
        "consent_id" uuid NOT NULL,
        CONSTRAINT "pk_withdrawal_notice_provisions" PRIMARY KEY ("notice_id", "provision_id"),
        CONSTRAINT "fk_withdrawal_notice_provisions_notice" FOREIGN KEY ("notice_id") REFERENCES "withdrawal_notices" ("id") ON DELETE CASCADE,
        CONSTRAINT "uq_withdrawal_notice_provisions_provision_kind" UNIQUE ("provision_id", "kind")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_withdrawal_notice_provisions_consent" ON "withdrawal_notice_provisions" ("consent_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_withdrawal_notice_provisions_individual" ON "withdrawal_notice_provisions" ("individual_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL,
        "notice_id" uuid NOT NULL,
        "attempt" integer NOT NULL,
        "attempted_at" timestamptz NOT NULL,
        "status_code" integer,
        "outcome" text NOT NULL,
        "error" text,
        CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "fk_webhook_deliveries_notice" FOREIGN KEY ("notice_id") REFERENCES "withdrawal_notices" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_webhook_deliveries_outcome" CHECK ("outcome" IN ('delivered', 'failed', 'refused'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_notice" ON "webhook_deliveries" ("notice_id", "attempted_at")`);
    // Stopping work in flight: a consent's end or a stop-use order cancels the approval requests still waiting.
    await queryRunner.query(`ALTER TABLE "approval_requests" DROP CONSTRAINT "ck_approval_requests_status"`);
    await queryRunner.query(
      `ALTER TABLE "approval_requests" ADD CONSTRAINT "ck_approval_requests_status" CHECK ("status" IN ('pending', 'approved', 'denied', 'expired', 'cancelled'))`,
    );
    // The offers each stop-use order suspended when it took effect (read when the order propagates).
    await queryRunner.query(`
      CREATE TABLE "stop_use_order_offers" (
        "order_id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        CONSTRAINT "pk_stop_use_order_offers" PRIMARY KEY ("order_id", "offer_id"),
        CONSTRAINT "fk_stop_use_order_offers_order" FOREIGN KEY ("order_id") REFERENCES "stop_use_orders" ("id") ON DELETE CASCADE
      )`);
    // The data-life run walks provisions by the end of their data life (in UTC, so that the expression is immutable).
    await queryRunner.query(
      `CREATE INDEX "ix_provision_records_data_life_end" ON "provision_records" ((("provided_at" AT TIME ZONE 'UTC') + make_interval(days => "data_life_days")), "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_provision_records_data_life_end"`);
    await queryRunner.query(`DROP TABLE "stop_use_order_offers"`);
    // A cancelled request reads as expired (a denial) under the older rules.
    await queryRunner.query(`UPDATE "approval_requests" SET "status" = 'expired' WHERE "status" = 'cancelled'`);
    await queryRunner.query(`ALTER TABLE "approval_requests" DROP CONSTRAINT "ck_approval_requests_status"`);
    await queryRunner.query(
      `ALTER TABLE "approval_requests" ADD CONSTRAINT "ck_approval_requests_status" CHECK ("status" IN ('pending', 'approved', 'denied', 'expired'))`,
    );
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "withdrawal_notice_provisions"`);
    await queryRunner.query(`DROP TABLE "withdrawal_notices"`);
  }
}
