import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row once the jti replay cache (Redis) has held its marker: from then on a missing marker means
 * Redis lost its data, not a first start.
 */
export class CreateReplayCacheMarkers1795340019500 implements MigrationInterface {
  name = 'CreateReplayCacheMarkers1795340019500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "replay_cache_markers" (
        "id" smallint NOT NULL,
        "first_written_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_replay_cache_markers" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "replay_cache_markers"`);
  }
}
