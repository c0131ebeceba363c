import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Individuals are told when every recipient that held their data has attested its deletion: the
 * notifications inbox accepts the kind `withdrawal_attested`.
 */
export class AddWithdrawalAttestedNotification1795340013500 implements MigrationInterface {
  name = 'AddWithdrawalAttestedNotification1795340013500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('consent_granted_by_standing_condition', 'approval_requested', 'withdrawal_attested'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'withdrawal_attested'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('consent_granted_by_standing_condition', 'approval_requested'))`,
    );
  }
}
