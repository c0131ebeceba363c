import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data ethics board's review cases (one per offer round), their votes and recusals (append-only),
 * and stop-use orders.
 */
export class CreateReviewCasesAndOrders1795340006000 implements MigrationInterface {
  name = 'CreateReviewCasesAndOrders1795340006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "review_cases" (
        "id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "recipient_id" uuid NOT NULL,
        "round" integer NOT NULL,
        "status" text NOT NULL,
        "stricter_review" text[] NOT NULL,
        "offer_snapshot" jsonb NOT NULL,
        "opened_at" timestamptz NOT NULL,
        "outcome" text,
        "decided_at" timestamptz,
        "decision_jws" text,
        CONSTRAINT "pk_review_cases" PRIMARY KEY ("id"),
        CONSTRAINT "uq_review_cases_offer_round" UNIQUE ("offer_id", "round"),
        CONSTRAINT "ck_review_cases_round" CHECK ("round" >= 1),
        CONSTRAINT "ck_review_cases_status" CHECK ("status" IN ('open', 'decided')),
        CONSTRAINT "ck_review_cases_outcome" CHECK ("outcome" IN ('approved', 'rejected', 'changes_requested')),
        CONSTRAINT "ck_review_cases_decision" CHECK (("status" = 'open' AND "outcome" IS NULL AND "decided_at" IS NULL AND "decision_jws" IS NULL) OR ("status" = 'decided' AND "outcome" IS NOT NULL AND "decided_at" IS NOT NULL AND "decision_jws" IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_review_cases_status_opened" ON "review_cases" ("status", "opened_at")`);
    await queryRunner.query(`CREATE INDEX "ix_review_cases_recipient_opened" ON "review_cases" ("recipient_id", "opened_at")`);
    await queryRunner.query(`
      CREATE TABLE "review_votes" (
        "case_id" uuid NOT NULL,
        "member_id" uuid NOT NULL,
        "decision" text NOT NULL,
        "reason" text NOT NULL,
        "expertise" text NOT NULL,
        "external" boolean NOT NULL,
        "cast_at" timestamptz NOT NULL,
        CONSTRAINT "pk_review_votes" PRIMARY KEY ("case_id", "member_id"),
        CONSTRAINT "fk_review_votes_case" FOREIGN KEY ("case_id") REFERENCES "review_cases" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_review_votes_member" FOREIGN KEY ("member_id") REFERENCES "board_members" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_review_votes_decision" CHECK ("decision" IN ('approve', 'reject', 'request_changes'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "review_recusals" (
        "case_id" uuid NOT NULL,
        "member_id" uuid NOT NULL,
        "reason" text NOT NULL,
        "expertise" text NOT NULL,
        "external" boolean NOT NULL,
        "recused_at" timestamptz NOT NULL,
        CONSTRAINT "pk_review_recusals" PRIMARY KEY ("case_id", "member_id"),
        CONSTRAINT "fk_review_recusals_case" FOREIGN KEY ("case_id") REFERENCES "review_cases" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_review_recusals_member" FOREIGN KEY ("member_id") REFERENCES "board_members" ("id") ON DELETE RESTRICT
      )`);
    // Votes and recusals are what a signed decision is made of: they are never changed or removed.
    await queryRunner.query(`
      CREATE FUNCTION "review_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    for (const table of ['review_votes', 'review_recusals']) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "review_append_only"()`,
      );
    }
    await queryRunner.query(`
      CREATE TABLE "stop_use_orders" (
        "id" uuid NOT NULL,
        "target_type" text NOT NULL,
        "target_id" text NOT NULL,
        "reason" text NOT NULL,
        "status" text NOT NULL,
        "proposed_by" uuid NOT NULL,
        "proposed_at" timestamptz NOT NULL,
        "confirmed_by" uuid,
        "confirmed_at" timestamptz,
        "lift_requested_by" uuid,
        "lift_requested_at" timestamptz,
        "lift_reason" text,
        "lifted_by" uuid,
        "lifted_at" timestamptz,
        CONSTRAINT "pk_stop_use_orders" PRIMARY KEY ("id"),
        CONSTRAINT "fk_stop_use_orders_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "board_members" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_stop_use_orders_confirmed_by" FOREIGN KEY ("confirmed_by") REFERENCES "board_members" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_stop_use_orders_lift_requested_by" FOREIGN KEY ("lift_requested_by") REFERENCES "board_members" ("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_stop_use_orders_lifted_by" FOREIGN KEY ("lifted_by") REFERENCES "board_members" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_stop_use_orders_target_type" CHECK ("target_type" IN ('recipient', 'offer', 'category')),
        CONSTRAINT "ck_stop_use_orders_status" CHECK ("status" IN ('proposed', 'effective', 'lifted')),
        CONSTRAINT "ck_stop_use_orders_two_to_confirm" CHECK ("confirmed_by" IS NULL OR "confirmed_by" <> "proposed_by"),
        CONSTRAINT "ck_stop_use_orders_two_to_lift" CHECK ("lifted_by" IS NULL OR "lifted_by" <> "lift_requested_by")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_stop_use_orders_status" ON "stop_use_orders" ("status")`);
    await queryRunner.query(`CREATE INDEX "ix_stop_use_orders_target" ON "stop_use_orders" ("target_type", "target_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stop_use_orders"`);
    await queryRunner.query(`DROP TABLE "review_recusals"`);
    await queryRunner.query(`DROP TABLE "review_votes"`);
    await queryRunner.query(`DROP FUNCTION "review_append_only"()`);
    await queryRunner.query(`DROP TABLE "review_cases"`);
  }
}
