import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transparency log: leaves (appended by every ledger in its own transaction, indexed later by
 * the sealer), the completed subtrees of its Merkle tree, and signed checkpoints. Append-only: a
 * leaf may only receive its index once; nodes and checkpoints never change.
 */
export class CreateTransparencyLog1795340008000 implements MigrationInterface {
  name = 'CreateTransparencyLog1795340008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "transparency_log_leaves" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "body" bytea NOT NULL,
        "appended_xid" bigint NOT NULL,
        "leaf_index" bigint,
        "appended_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_transparency_log_leaves" PRIMARY KEY ("id"),
        CONSTRAINT "uq_transparency_log_leaves_leaf_index" UNIQUE ("leaf_index"),
        CONSTRAINT "ck_transparency_log_leaves_kind" CHECK ("kind" ~ '^[a-z][a-z0-9_.-]{0,63}$')
      )`);
    // The sealer's queue: small, because sealed leaves leave it.
    await queryRunner.query(
      `CREATE INDEX "ix_transparency_log_leaves_unsealed" ON "transparency_log_leaves" ("appended_xid", "id") WHERE "leaf_index" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "transparency_log_nodes" (
        "level" smallint NOT NULL,
        "node_index" bigint NOT NULL,
        "hash" bytea NOT NULL,
        CONSTRAINT "pk_transparency_log_nodes" PRIMARY KEY ("level", "node_index")
      )`);
    await queryRunner.query(`
      CREATE TABLE "transparency_log_checkpoints" (
        "tree_size" bigint NOT NULL,
        "root_hash" bytea NOT NULL,
        "signed_at" timestamptz NOT NULL,
        "checkpoint" text NOT NULL,
        CONSTRAINT "pk_transparency_log_checkpoints" PRIMARY KEY ("tree_size")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "transparency_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The sealer's one permitted change: giving an unsealed leaf its index, nothing else.
        -- (Nested, because a row of another table, or a TRUNCATE, has no leaf columns to compare.)
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'transparency_log_leaves' THEN
          IF OLD."leaf_index" IS NULL
             AND NEW."leaf_index" IS NOT NULL AND NEW."id" = OLD."id" AND NEW."kind" = OLD."kind"
             AND NEW."body" = OLD."body" AND NEW."appended_xid" = OLD."appended_xid" AND NEW."appended_at" = OLD."appended_at" THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END
      $$`);
    for (const table of ['transparency_log_leaves', 'transparency_log_nodes', 'transparency_log_checkpoints']) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "transparency_log_append_only"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "transparency_log_append_only"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "transparency_log_checkpoints"`);
    await queryRunner.query(`DROP TABLE "transparency_log_nodes"`);
    await queryRunner.query(`DROP TABLE "transparency_log_leaves"`);
    await queryRunner.query(`DROP FUNCTION "transparency_log_append_only"()`);
  }
}
