import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery re-checks that every record it is about to deliver still exists at the version packaged, so a
 * part remembers which records (and versions) it holds per subject; and an erasure or closure denies the
 * individual's subjects still in flight (pending, awaiting approval or ready) in its own transaction, so
 * they are found by individual.
 */
export class RecordRefsAndInFlightSubjects1795340015000 implements MigrationInterface {
  name = 'RecordRefsAndInFlightSubjects1795340015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "transfer_subjects" ADD COLUMN "record_ids" uuid[], ADD COLUMN "record_versions" integer[]`);
    await queryRunner.query(
      `ALTER TABLE "transfer_subjects" ADD CONSTRAINT "ck_transfer_subjects_record_refs"
         CHECK (("record_ids" IS NULL AND "record_versions" IS NULL)
             OR cardinality("record_ids") = cardinality("record_versions"))`,
    );
    await queryRunner.query(`DROP INDEX "ix_transfer_subjects_individual_ready"`);
    await queryRunner.query(
      `CREATE INDEX "ix_transfer_subjects_individual_in_flight" ON "transfer_subjects" ("individual_id")
         WHERE "status" IN ('pending', 'awaiting_approval', 'ready')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_transfer_subjects_individual_in_flight"`);
    await queryRunner.query(
      `CREATE INDEX "ix_transfer_subjects_individual_ready" ON "transfer_subjects" ("individual_id") WHERE "status" = 'ready'`,
    );
    await queryRunner.query(`ALTER TABLE "transfer_subjects" DROP CONSTRAINT "ck_transfer_subjects_record_refs"`);
    await queryRunner.query(`ALTER TABLE "transfer_subjects" DROP COLUMN "record_versions", DROP COLUMN "record_ids"`);
  }
}
