import type { MigrationInterface, QueryRunner } from 'typeorm';
import { StartLogSealsInOneCall1795340064000 } from './1795340064000-start-log-seals-in-one-call';
import { FitSealIdleLimitToItsLeaves1795340068100 } from './1795340068100-fit-seal-idle-limit-to-its-leaves';

/**
 * `transparency_log_seal_start` (migrations 1795340064000, 1795340068100) returns each leaf's `appended_at` too, so
 * that the seal's save can bound its UPDATE by the sealed leaves' times and PostgreSQL prunes, when it runs the
 * named statement's generic plan, the leaves partitions of other months: the UPDATE probed every partition's
 * "unsealed" index, one more for every month the log has lived. Otherwise the same function, grants included.
 */
export class ReturnSealedLeavesTimes1795340076100 implements MigrationInterface {
  name = 'ReturnSealedLeavesTimes1795340076100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Its result type changes: dropped and made again, with the same grants.
    await queryRunner.query(`DROP FUNCTION "transparency_log_seal_start"(bigint, text, integer)`);
    await queryRunner.query(`
      CREATE FUNCTION "transparency_log_seal_start"("lock_key" bigint, "idle_limit" text, "max_leaves" integer)
        RETURNS TABLE ("locked" boolean, "tree_size" bigint, "root_hash" bytea, "id" uuid, "body" bytea, "appended_xid" bigint, "appended_at" timestamptz)
        LANGUAGE plpgsql VOLATILE AS $$
      #variable_conflict use_column
      DECLARE
        "latest_size" bigint;
        "latest_root" bytea;
        "read" bigint;
      BEGIN
        PERFORM set_config('idle_in_transaction_session_timeout', "idle_limit", true);
        IF NOT pg_try_advisory_xact_lock("lock_key") THEN
          RETURN QUERY SELECT false, NULL::bigint, NULL::bytea, NULL::uuid, NULL::bytea, NULL::bigint, NULL::timestamptz;
          RETURN;
        END IF;
        SELECT c."tree_size", c."root_hash" INTO "latest_size", "latest_root"
          FROM "transparency_log_checkpoints" c ORDER BY c."tree_size" DESC LIMIT 1;
        RETURN QUERY
          WITH "snapshot" AS (SELECT pg_current_snapshot() AS "snapshot"),
               "elsewhere" AS (
                 SELECT a."backend_xid"::text::bigint AS "xid32" FROM pg_stat_activity a
                  WHERE a."backend_xid" IS NOT NULL
                    AND a."datid" <> (SELECT d."oid" FROM pg_database d WHERE d."datname" = current_database())),
               "bound" AS (
                 SELECT least(
                          pg_snapshot_xmax(s."snapshot")::text::bigint,
                          (SELECT min(running::text::bigint) FROM pg_snapshot_xip(s."snapshot") AS running
                            WHERE running::text::bigint % 4294967296 NOT IN (SELECT e."xid32" FROM "elsewhere" e))) AS "xid"
                   FROM "snapshot" s)
          SELECT true, "latest_size", "latest_root", l."id", l."body", l."appended_xid", l."appended_at"
            FROM "transparency_log_leaves" l
           WHERE l."leaf_index" IS NULL AND l."appended_xid" < (SELECT b."xid" FROM "bound" b)
             AND l."appended_xid" >= coalesce(
                   (SELECT p."appended_xid" FROM "transparency_log_leaves" p WHERE p."leaf_index" = "latest_size" - 1), 0)
           ORDER BY l."appended_xid", l."id" LIMIT "max_leaves";
        GET DIAGNOSTICS "read" = ROW_COUNT;
        IF "read" = 0 THEN
          RETURN QUERY SELECT true, "latest_size", "latest_root", NULL::uuid, NULL::bytea, NULL::bigint, NULL::timestamptz;
        ELSE
          PERFORM set_config('idle_in_transaction_session_timeout',
                             (extract(epoch FROM "idle_limit"::interval) * 1000 + "read")::bigint::text, true);
        END IF;
      END
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION "transparency_log_seal_start"(bigint, text, integer) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION "transparency_log_seal_start"(bigint, text, integer) TO infobank_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The function as 1795340068100 left it: made by 1795340064000 (with its grants), then replaced by 1795340068100.
    await queryRunner.query(`DROP FUNCTION "transparency_log_seal_start"(bigint, text, integer)`);
    await new StartLogSealsInOneCall1795340064000().up(queryRunner);
    await new FitSealIdleLimitToItsLeaves1795340068100().up(queryRunner);
  }
}
