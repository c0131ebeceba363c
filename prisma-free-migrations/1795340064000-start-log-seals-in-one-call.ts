import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `transparency_log_seal_start`: the reading half of a seal in one call (one round trip, plans kept by plpgsql for the
 * session) instead of three statements that PostgreSQL planned afresh on every seal. A seal used to spend most of its
 * database time planning the unsealed-leaves query (its CTEs over pg_stat_activity, and every leaves partition).
 *
 * In the caller's transaction, in this order, each statement with a snapshot of its own (a VOLATILE function in READ
 * COMMITTED takes one per statement, as separate statements did):
 * 1. sets the transaction's idle limit and tries the sealer's advisory lock; without it, one row `locked = false`;
 * 2. reads the latest checkpoint's size and root hash, after the lock, so that no seal committed by the previous
 *    holder is missed;
 * 3. returns up to `max_leaves` unsealed leaves of finished transactions, in sealing order (transaction id, id), each
 *    row with the checkpoint's size and root hash; when there is none, one row with the leaf columns NULL.
 *
 * Which leaves qualify is what TransparencyLogStore documented for its query, unchanged: below the oldest transaction
 * that could still append one (the snapshot's xmin, or later when the transactions running below it are in other
 * databases of the cluster), read from the transaction of the last sealed leaf on. SECURITY INVOKER: the runtime role
 * reads and locks with its own privileges; EXECUTE goes to the runtime role only.
 */
export class StartLogSealsInOneCall1795340064000 implements MigrationInterface {
  name = 'StartLogSealsInOneCall1795340064000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "transparency_log_seal_start"("lock_key" bigint, "idle_limit" text, "max_leaves" integer)
        RETURNS TABLE ("locked" boolean, "tree_size" bigint, "root_hash" bytea, "id" uuid, "body" bytea, "appended_xid" bigint)
        LANGUAGE plpgsql VOLATILE AS $$
      #variable_conflict use_column
      DECLARE
        "latest_size" bigint;
        "latest_root" bytea;
      BEGIN
        PERFORM set_config('idle_in_transaction_session_timeout', "idle_limit", true);
        IF NOT pg_try_advisory_xact_lock("lock_key") THEN
          RETURN QUERY SELECT false, NULL::bigint, NULL::bytea, NULL::uuid, NULL::bytea, NULL::bigint;
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
          SELECT true, "latest_size", "latest_root", l."id", l."body", l."appended_xid"
            FROM "transparency_log_leaves" l
           WHERE l."leaf_index" IS NULL AND l."appended_xid" < (SELECT b."xid" FROM "bound" b)
             AND l."appended_xid" >= coalesce(
                   (SELECT p."appended_xid" FROM "transparency_log_leaves" p WHERE p."leaf_index" = "latest_size" - 1), 0)
           ORDER BY l."appended_xid", l."id" LIMIT "max_leaves";
        IF NOT FOUND THEN
          RETURN QUERY SELECT true, "latest_size", "latest_root", NULL::uuid, NULL::bytea, NULL::bigint;
        END IF;
      END
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION "transparency_log_seal_start"(bigint, text, integer) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION "transparency_log_seal_start"(bigint, text, integer) TO infobank_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "transparency_log_seal_start"(bigint, text, integer)`);
  }
}
