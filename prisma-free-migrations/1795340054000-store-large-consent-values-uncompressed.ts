import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Large consent values are stored out of line without a compression attempt: a receipt (a compact JWS of
 * about 3.5 kB, base64url that does not compress, so PostgreSQL compressed every one in vain), and a
 * consent's offer snapshot and explanation (which pushed the row over the toast threshold, so both were
 * compressed on every grant). A page of 1,000 standing-condition grants spent about a tenth of its database
 * time in pglz. Reads are unchanged; values already stored stay as they are.
 */
export class StoreLargeConsentValuesUncompressed1795340054000 implements MigrationInterface {
  name = 'StoreLargeConsentValuesUncompressed1795340054000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consent_events" ALTER COLUMN "receipt_jws" SET STORAGE EXTERNAL`);
    await queryRunner.query(
      `ALTER TABLE "consents" ALTER COLUMN "offer_snapshot" SET STORAGE EXTERNAL, ALTER COLUMN "explanation" SET STORAGE EXTERNAL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "consents" ALTER COLUMN "offer_snapshot" SET STORAGE EXTENDED, ALTER COLUMN "explanation" SET STORAGE EXTENDED`,
    );
    await queryRunner.query(`ALTER TABLE "consent_events" ALTER COLUMN "receipt_jws" SET STORAGE EXTENDED`);
  }
}
