import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox (work waiting for BullMQ) and the per-individual wrapped data keys. */
export class CreateOutboxAndDataKeys1795335390954 implements MigrationInterface {
  name = 'CreateOutboxAndDataKeys1795335390954';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" uuid NOT NULL,
        "queue" text NOT NULL,
        "job_name" text NOT NULL,
        "payload" jsonb NOT NULL,
        "correlation_id" text,
        "available_at" timestamptz NOT NULL DEFAULT now(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "dispatched_at" timestamptz,
        "completed_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_outbox" PRIMARY KEY ("id"),
        CONSTRAINT "ck_outbox_attempts" CHECK ("attempts" >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_pending" ON "outbox" ("available_at") WHERE "dispatched_at" IS NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_unfinished" ON "outbox" ("dispatched_at") WHERE "dispatched_at" IS NOT NULL AND "completed_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "data_keys" (
        "subject_id" uuid NOT NULL,
        "kek_id" text NOT NULL,
        "wrapped_key" bytea NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_data_keys" PRIMARY KEY ("subject_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "data_keys"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
