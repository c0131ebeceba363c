import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Data ethics board members: a profile (name, expertise, external flag) on a `board_member` account. */
export class CreateBoardMembers1795340002000 implements MigrationInterface {
  name = 'CreateBoardMembers1795340002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "board_members" (
        "id" uuid NOT NULL,
        "name" text NOT NULL,
        "expertise" text NOT NULL,
        "external" boolean NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_board_members" PRIMARY KEY ("id"),
        CONSTRAINT "fk_board_members_account" FOREIGN KEY ("id") REFERENCES "accounts" ("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_board_members_expertise" CHECK ("expertise" IN ('engineer', 'security', 'legal', 'data_ethics', 'consumer', 'media'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "board_members"`);
  }
}
