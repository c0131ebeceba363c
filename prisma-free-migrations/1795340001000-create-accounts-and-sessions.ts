import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts of individuals and board members, and their rotating refresh tokens (stored as SHA-256). */
export class CreateAccountsAndSessions1795340001000 implements MigrationInterface {
  name = 'CreateAccountsAndSessions1795340001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "accounts" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "email" text NOT NULL,
        "password_hash" text NOT NULL,
        "display_name" text NOT NULL,
        "language" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "disabled_at" timestamptz,
        CONSTRAINT "pk_accounts" PRIMARY KEY ("id"),
        CONSTRAINT "uq_accounts_kind_email" UNIQUE ("kind", "email"),
        CONSTRAINT "ck_accounts_kind" CHECK ("kind" IN ('individual', 'board_member')),
        CONSTRAINT "ck_accounts_language" CHECK ("language" IN ('ja', 'en'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL,
        "family_id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "token_hash" bytea NOT NULL,
        "issued_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "pk_refresh_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "uq_refresh_tokens_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_refresh_tokens_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens" ("family_id")`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens_account" ON "refresh_tokens" ("account_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
