import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail that leaves the bank (libs/rights): whether an individual's address is verified, the one-time
 * tokens of verification and password-reset links (their SHA-256 digests only), the mails the worker
 * sends (ids and purpose only: the address and text are read when sending), and per-kind e-mail
 * preferences for notifications. Accounts that exist before this migration start unverified. A password
 * reset ends the account's access tokens issued before it (`sessions_not_before`).
 */
export class AddMailAndEmailVerification1795340041000 implements MigrationInterface {
  name = 'AddMailAndEmailVerification1795340041000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" ADD COLUMN "email_verified_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD COLUMN "sessions_not_before" timestamptz`);
    await queryRunner.query(`
      CREATE TABLE "account_tokens" (
        "id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "token_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        CONSTRAINT "pk_account_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "uq_account_tokens_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "ck_account_tokens_purpose" CHECK ("purpose" IN ('email_verification', 'password_reset')),
        CONSTRAINT "ck_account_tokens_window" CHECK ("expires_at" > "created_at"),
        CONSTRAINT "fk_account_tokens_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_account_tokens_account_purpose" ON "account_tokens" ("account_id", "purpose")`);
    await queryRunner.query(`
      CREATE TABLE "mail_messages" (
        "id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "notification_id" uuid,
        "created_at" timestamptz NOT NULL,
        "sent_at" timestamptz,
        "skipped_at" timestamptz,
        CONSTRAINT "pk_mail_messages" PRIMARY KEY ("id"),
        CONSTRAINT "ck_mail_messages_purpose" CHECK ("purpose" IN ('email_verification', 'password_reset', 'address_already_registered', 'notification', 'reminder')),
        CONSTRAINT "ck_mail_messages_notification" CHECK (("notification_id" IS NOT NULL) = ("purpose" IN ('notification', 'reminder'))),
        CONSTRAINT "fk_mail_messages_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_mail_messages_notification" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_account_created" ON "mail_messages" ("account_id", "created_at")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mail_messages_notification_purpose" ON "mail_messages" ("notification_id", "purpose") WHERE "notification_id" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "notification_email_preferences" (
        "individual_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "email" boolean NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_notification_email_preferences" PRIMARY KEY ("individual_id", "kind"),
        CONSTRAINT "fk_notification_email_preferences_individual" FOREIGN KEY ("individual_id") REFERENCES "accounts"("id") ON DELETE RESTRICT
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_email_preferences"`);
    await queryRunner.query(`DROP TABLE "mail_messages"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "sessions_not_before"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "email_verified_at"`);
  }
}
