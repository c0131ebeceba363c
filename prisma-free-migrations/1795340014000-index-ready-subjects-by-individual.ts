import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An erasure rebuilds the downloadable parts that hold the individual: find them by individual. */
export class IndexReadySubjectsByIndividual1795340014000 implements MigrationInterface {
  name = 'IndexReadySubjectsByIndividual1795340014000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_transfer_subjects_individual_ready" ON "transfer_subjects" ("individual_id") WHERE "status" = 'ready'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_transfer_subjects_individual_ready"`);
  }
}
