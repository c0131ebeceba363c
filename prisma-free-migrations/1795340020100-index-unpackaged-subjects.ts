import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The builder takes the next pending subjects not yet in a part, in subject order, once per part: a
 * partial index on exactly those rows makes each pick read only the subjects it takes, instead of
 * skipping every subject already packaged (which made building N one-subject parts quadratic).
 */
export class IndexUnpackagedSubjects1795340020100 implements MigrationInterface {
  name = 'IndexUnpackagedSubjects1795340020100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_transfer_subjects_unpackaged" ON "transfer_subjects" ("transfer_id", "subject_id")
         WHERE "status" = 'pending' AND "part" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_transfer_subjects_unpackaged"`);
  }
}
