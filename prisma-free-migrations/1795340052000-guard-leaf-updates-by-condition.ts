import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealer's one permitted change to a leaf (giving an unsealed leaf its index, nothing else) is recognised by the
 * trigger's WHEN condition, which PostgreSQL evaluates itself, instead of by a plpgsql call on every sealed row. Any
 * other UPDATE meets the condition and runs `transparency_log_append_only` as before (which refuses it, checking the
 * permitted change once more); every DELETE still runs it unconditionally (a DELETE trigger has no NEW row to compare),
 * under the trigger's old name; TRUNCATE keeps its statement triggers. Row triggers on the partitioned table are
 * cloned onto every partition, existing and made later (ensure_ledger_partitions), as before.
 *
 * The condition is written so that it is never NULL (a NULL condition would skip the trigger): `leaf_index` is the
 * only nullable column and is tested with IS [NOT] NULL; the others are compared with IS DISTINCT FROM.
 */
export class GuardLeafUpdatesByCondition1795340052000 implements MigrationInterface {
  name = 'GuardLeafUpdatesByCondition1795340052000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_transparency_log_leaves_append_only" ON "transparency_log_leaves"`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_transparency_log_leaves_append_only" BEFORE DELETE ON "transparency_log_leaves"
         FOR EACH ROW EXECUTE FUNCTION "transparency_log_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_transparency_log_leaves_index_once" BEFORE UPDATE ON "transparency_log_leaves"
         FOR EACH ROW
         WHEN (OLD."leaf_index" IS NOT NULL OR NEW."leaf_index" IS NULL
               OR NEW."id" IS DISTINCT FROM OLD."id" OR NEW."kind" IS DISTINCT FROM OLD."kind"
               OR NEW."body" IS DISTINCT FROM OLD."body" OR NEW."appended_xid" IS DISTINCT FROM OLD."appended_xid"
               OR NEW."appended_at" IS DISTINCT FROM OLD."appended_at")
         EXECUTE FUNCTION "transparency_log_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_transparency_log_leaves_index_once" ON "transparency_log_leaves"`);
    await queryRunner.query(`DROP TRIGGER "tr_transparency_log_leaves_append_only" ON "transparency_log_leaves"`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_transparency_log_leaves_append_only" BEFORE UPDATE OR DELETE ON "transparency_log_leaves"
         FOR EACH ROW EXECUTE FUNCTION "transparency_log_append_only"()`,
    );
  }
}
