import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key-encryption key generations (state and timestamps only; key material never enters the database)
 * and, for each data key, the generation that wraps it. A data key can never be stored under a
 * destroyed generation: the trigger share-locks the generation row, so it waits for a destruction in
 * progress and then sees it.
 */
export class AddKekGenerations1795340017000 implements MigrationInterface {
  name = 'AddKekGenerations1795340017000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "kek_generations" (
        "generation" integer NOT NULL,
        "state" text NOT NULL,
        "created_at" timestamptz NOT NULL,
        "retired_at" timestamptz,
        "drained_at" timestamptz,
        "destroyed_at" timestamptz,
        "rewrapped_keys" integer NOT NULL DEFAULT 0,
        "rewrap_cursor" uuid,
        "rewrap_completed_at" timestamptz,
        CONSTRAINT "pk_kek_generations" PRIMARY KEY ("generation"),
        CONSTRAINT "ck_kek_generations_generation" CHECK ("generation" >= 1),
        CONSTRAINT "ck_kek_generations_state" CHECK ("state" IN ('active', 'retired', 'destroyed')),
        CONSTRAINT "ck_kek_generations_lifecycle"
          CHECK (("state" = 'active') = ("retired_at" IS NULL) AND ("state" = 'destroyed') = ("destroyed_at" IS NOT NULL)),
        CONSTRAINT "ck_kek_generations_rewrapped_keys" CHECK ("rewrapped_keys" >= 0)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_kek_generations_active" ON "kek_generations" ("state") WHERE "state" = 'active'`);
    await queryRunner.query(`ALTER TABLE "data_keys" ADD "kek_generation" integer`);
    await queryRunner.query(
      `ALTER TABLE "data_keys" ADD CONSTRAINT "fk_data_keys_kek_generation"
       FOREIGN KEY ("kek_generation") REFERENCES "kek_generations" ("generation") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "data_keys" ADD CONSTRAINT "ck_data_keys_kek_generation"
       CHECK (("kek_generation" IS NULL AND "kek_id" NOT LIKE 'kek-gen-%') OR "kek_id" = 'kek-gen-' || "kek_generation")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_data_keys_kek_generation" ON "data_keys" ("kek_generation")`);
    await queryRunner.query(`
      CREATE FUNCTION "data_keys_refuse_destroyed_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        generation_state text;
      BEGIN
        IF NEW."kek_generation" IS NOT NULL THEN
          SELECT "state" INTO generation_state FROM "kek_generations" WHERE "generation" = NEW."kek_generation" FOR KEY SHARE;
          IF generation_state = 'destroyed' THEN
            RAISE EXCEPTION 'KEK generation % is destroyed; no data key may be wrapped under it', NEW."kek_generation"
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_data_keys_refuse_destroyed_generation" BEFORE INSERT OR UPDATE OF "kek_generation" ON "data_keys"
       FOR EACH ROW EXECUTE FUNCTION "data_keys_refuse_destroyed_generation"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_data_keys_refuse_destroyed_generation" ON "data_keys"`);
    await queryRunner.query(`DROP FUNCTION "data_keys_refuse_destroyed_generation"()`);
    await queryRunner.query(`DROP INDEX "ix_data_keys_kek_generation"`);
    await queryRunner.query(`ALTER TABLE "data_keys" DROP CONSTRAINT "ck_data_keys_kek_generation"`);
    await queryRunner.query(`ALTER TABLE "data_keys" DROP CONSTRAINT "fk_data_keys_kek_generation"`);
    await queryRunner.query(`ALTER TABLE "data_keys" DROP COLUMN "kek_generation"`);
    await queryRunner.query(`DROP TABLE "kek_generations"`);
  }
}
