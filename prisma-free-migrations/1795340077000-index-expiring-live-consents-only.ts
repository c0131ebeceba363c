import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ix_consents_live_expires holds the live consents that have an expiry date, not every live consent: a consent without
 * one (every standing-condition grant, most individuals' grants) took an entry (NULL) it never needed, one more index
 * insert a grant. The expiry sweep's read (`"ended_at" IS NULL AND "expires_at" <= $1`) implies `"expires_at" IS NOT
 * NULL`, so PostgreSQL still plans it on this index, which holds every row that read can return.
 */
export class IndexExpiringLiveConsentsOnly1795340077000 implements MigrationInterface {
  name = 'IndexExpiringLiveConsentsOnly1795340077000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_consents_live_expires"`);
    await queryRunner.query(
      `CREATE INDEX "ix_consents_live_expires" ON "consents" ("expires_at") WHERE "ended_at" IS NULL AND "expires_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_consents_live_expires"`);
    await queryRunner.query(`CREATE INDEX "ix_consents_live_expires" ON "consents" ("expires_at") WHERE "ended_at" IS NULL`);
  }
}
