import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Standing conditions (予め指定した条件) one row per individual, ask-mode approval requests (個別確認)
 * with their timeout, and the individuals' notifications inbox (libs/rights).
 */
export class CreateStandingConditionsApprovalsNotifications1795340010000 implements MigrationInterface {
  name = 'CreateStandingConditionsApprovalsNotifications1795340010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "standing_conditions" (
        "individual_id" uuid NOT NULL,
        "purposes" text[] NOT NULL,
        "allow_cross_border" boolean NOT NULL,
        "allow_profiling" boolean NOT NULL,
        "minimum_benefit_type" text,
        "minimum_benefit_amount" integer,
        "excluded_recipients" uuid[] NOT NULL,
        "mode" text NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "pk_standing_conditions" PRIMARY KEY ("individual_id"),
        CONSTRAINT "fk_standing_conditions_individual" FOREIGN KEY ("individual_id") REFERENCES "accounts" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_standing_conditions_mode" CHECK ("mode" IN ('auto', 'ask')),
        CONSTRAINT "ck_standing_conditions_minimum_benefit" CHECK (
          ("minimum_benefit_type" IS NULL AND "minimum_benefit_amount" IS NULL)
          OR ("minimum_benefit_type" IN ('points', 'yen') AND "minimum_benefit_amount" > 0)
        )
      )`);
    // GIN: the evaluation job selects the individuals whose purposes contain the offer's (purposes @> ARRAY[code]).
    await queryRunner.query(`CREATE INDEX "ix_standing_conditions_purposes" ON "standing_conditions" USING gin ("purposes")`);

    await queryRunner.query(`
      CREATE TABLE "approval_requests" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "consent_id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "reference" uuid NOT NULL,
        "status" text NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "decided_at" timestamptz,
        CONSTRAINT "pk_approval_requests" PRIMARY KEY ("id"),
        CONSTRAINT "fk_approval_requests_individual" FOREIGN KEY ("individual_id") REFERENCES "accounts" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_approval_requests_consent" FOREIGN KEY ("consent_id") REFERENCES "consents" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_approval_requests_status" CHECK ("status" IN ('pending', 'approved', 'denied', 'expired')),
        CONSTRAINT "ck_approval_requests_decided" CHECK (("decided_at" IS NULL) = ("status" = 'pending')),
        CONSTRAINT "ck_approval_requests_window" CHECK ("expires_at" > "requested_at")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_approval_requests_individual" ON "approval_requests" ("individual_id", "requested_at")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_approval_requests_consent_reference" ON "approval_requests" ("consent_id", "reference")`,
    );

    await queryRunner.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL,
        "individual_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "subject_type" text NOT NULL,
        "subject_id" uuid NOT NULL,
        "message" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL,
        "read_at" timestamptz,
        CONSTRAINT "pk_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "fk_notifications_individual" FOREIGN KEY ("individual_id") REFERENCES "accounts" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('consent_granted_by_standing_condition', 'approval_requested')),
        CONSTRAINT "ck_notifications_subject_type" CHECK ("subject_type" IN ('consent', 'approval_request', 'offer'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_individual_created" ON "notifications" ("individual_id", "created_at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "approval_requests"`);
    await queryRunner.query(`DROP TABLE "standing_conditions"`);
  }
}
