import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leaf-index uniqueness of transparency_log_leaves covers sealed leaves only: a partial unique index
 * (`WHERE "leaf_index" IS NOT NULL`) under the old constraint's name, instead of the UNIQUE constraint that took an entry
 * (NULL, appended_at) for every append. An append now writes the heap row, the primary key and the "unsealed" index;
 * the leaf index gets its entry when the sealer gives it (as before). The entries it drops were never read (a lookup or
 * range by leaf index implies NOT NULL) and never unique (NULLs are distinct), and appends no longer insert at the
 * right edge of the index pages the sealer writes. Uniqueness is what it was: one leaf per (leaf_index, appended_at),
 * and one per position by the level-0 node's primary key. PostgreSQL puts the partitioned index on every partition,
 * existing and made later by `ensure_ledger_partitions`.
 */
export class IndexSealedLeafIndexesOnly1795340068000 implements MigrationInterface {
  name = 'IndexSealedLeafIndexesOnly1795340068000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "transparency_log_leaves" DROP CONSTRAINT "uq_transparency_log_leaves_leaf_index"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_transparency_log_leaves_leaf_index" ON "transparency_log_leaves" ("leaf_index", "appended_at")
        WHERE "leaf_index" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_transparency_log_leaves_leaf_index"`);
    await queryRunner.query(
      `ALTER TABLE "transparency_log_leaves" ADD CONSTRAINT "uq_transparency_log_leaves_leaf_index" UNIQUE ("leaf_index", "appended_at")`,
    );
  }
}
