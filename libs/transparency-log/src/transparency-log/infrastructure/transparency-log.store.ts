import { Injectable } from '@nestjs/common';
import { binaryArray, sql, type RequestContext, type SqlPiece, type TransactionalContext } from '@infobank/platform';
import { DataSource, QueryFailedError, QueryRunnerAlreadyReleasedError, type EntityManager } from 'typeorm';
import { subtreeKey, type PerfectSubtree } from '../domain/merkle-tree';

/** One sealer at a time across all workers: a transaction-scoped advisory lock on this key. */
const SEALER_LOCK_KEY = 7_300_611_002;
/**
 * A sealer that stops mid-seal without its connection closing (a frozen process, a lost network) would keep
 * the lock, and so stop every other sealer, until PostgreSQL noticed; after this long idle in the seal's
 * transaction PostgreSQL ends its session instead. Once the seal has read its leaves the limit grows by a
 * millisecond a leaf (migration 1795340068100), for the Node work between the read and the save, which grows
 * with them (about 0.8 s of CPU for 20,000 leaves, several seconds on a loaded machine).
 */
const SEALER_IDLE_LIMIT = '5s';

/** A statement prepared once per connection under its name (see `queryPrepared`). */
interface PreparedStatement {
  name: string;
  text: string;
}

/** The one-leaf append: most appends are one leaf in the transaction of one event. */
const INSERT_ONE_LEAF: PreparedStatement = {
  name: 'transparency_log_insert_leaf',
  text: `INSERT INTO "transparency_log_leaves" ("id", "kind", "body", "appended_xid") VALUES ($1, $2, $3, pg_current_xact_id()::text::bigint)`,
};

/** The reading half of a seal: lock, latest checkpoint, unsealed leaves (see `startSeal`). */
const START_SEAL: PreparedStatement = {
  name: 'transparency_log_seal_start',
  text: `SELECT "locked", "tree_size", "root_hash", "id", "body", "appended_xid", "appended_at" FROM transparency_log_seal_start($1, $2, $3)`,
};

/** The writing half of a seal: nodes, leaf indexes, checkpoint (see `saveSeal`). */
const SAVE_SEAL: PreparedStatement = {
  name: 'transparency_log_save_seal',
  text: `WITH "nodes" AS (
           INSERT INTO "transparency_log_nodes" ("level", "node_index", "hash")
           SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])),
         "leaves" AS (
           UPDATE "transparency_log_leaves" l SET "leaf_index" = $4::bigint + sealed."position" - 1
             FROM unnest($5::uuid[]) WITH ORDINALITY AS sealed("id", "position")
            WHERE l."id" = sealed."id" AND l."leaf_index" IS NULL AND l."appended_xid" BETWEEN $6::bigint AND $7::bigint
              AND l."appended_at" BETWEEN $12::timestamptz AND $13::timestamptz)
         INSERT INTO "transparency_log_checkpoints" ("tree_size", "root_hash", "signed_at", "checkpoint") VALUES ($8, $9, $10, $11)`,
};

/** What node-postgres's client offers beyond TypeORM: a query by statement name, parsed and planned once per connection. */
interface PreparingClient {
  query(statement: PreparedStatement & { values: unknown[] }): Promise<unknown>;
}

/** A stored checkpoint row. */
export interface CheckpointRow {
  treeSize: number;
  rootHash: Buffer;
  signedAt: Date;
  checkpoint: string;
}

/**
 * An unsealed leaf as the sealer reads it, with the id of the transaction that appended it (a bigint, as text) and its
 * time (the partition key; to the millisecond, PostgreSQL keeps microseconds).
 */
export interface UnsealedLeaf {
  id: string;
  body: Buffer;
  appendedXid: string;
  appendedAt: Date;
}

/** What `startSeal` read: nothing without the lock; with it, the latest checkpoint (null before the first) and leaves. */
export type SealStart = { locked: false } | { locked: true; latest: { treeSize: number; rootHash: Buffer } | null; leaves: UnsealedLeaf[] };

/** A leaf as the proofs read it. */
export interface LeafRow {
  id: string;
  leafIndex: number | null;
  body: Buffer;
}

/**
 * The transparency log's tables (leaves, nodes, checkpoints). Appends and sealing write in the caller's
 * transaction; reads join the context's transaction when it has one.
 */
@Injectable()
export class TransparencyLogStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts leaves with one statement, stamped with the appending transaction's id (the sealer waits for it to finish). */
  async insertLeaves(tx: TransactionalContext, leaves: readonly { id: string; kind: string; body: Buffer }[]): Promise<void> {
    if (leaves.length === 1) {
      const [leaf] = leaves;
      await this.queryPrepared(tx, INSERT_ONE_LEAF, [leaf.id, leaf.kind, leaf.body]);
      return;
    }
    await tx.transaction.query(
      `INSERT INTO "transparency_log_leaves" ("id", "kind", "body", "appended_xid")
       SELECT "id", "kind", "body", pg_current_xact_id()::text::bigint FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS t("id", "kind", "body")`,
      // Binary array parameters: the bodies go as bytes, not as hex digits in a text literal.
      [
        binaryArray.uuid(leaves.map((leaf) => leaf.id)),
        binaryArray.text(leaves.map((leaf) => leaf.kind)),
        binaryArray.bytea(leaves.map((leaf) => leaf.body)),
      ],
    );
  }

  /**
   * The statement piece that inserts leaves, as `insertLeaves` does, for another context's composed statement:
   * each leaf carries a `key` (the id of the record it logs), and only leaves whose key is among `keptKeys` (a
   * piece selecting one uuid column) are inserted, so a record the same statement did not write gets no leaf.
   */
  insertLeavesPiece(leaves: readonly { id: string; kind: string; body: Buffer; key: string }[], keptKeys: SqlPiece): SqlPiece {
    return sql`INSERT INTO "transparency_log_leaves" ("id", "kind", "body", "appended_xid")
       SELECT t."id", t."kind", t."body", pg_current_xact_id()::text::bigint
         FROM unnest(${binaryArray.uuid(leaves.map((leaf) => leaf.id))}::uuid[], ${binaryArray.text(leaves.map((leaf) => leaf.kind))}::text[],
                     ${binaryArray.bytea(leaves.map((leaf) => leaf.body))}::bytea[], ${binaryArray.uuid(leaves.map((leaf) => leaf.key))}::uuid[])
           AS t("id", "kind", "body", "key")
        WHERE t."key" IN (${keptKeys})`;
  }

  /** A leaf by id, or null. */
  async leaf(ctx: RequestContext, leafId: string): Promise<LeafRow | null> {
    const rows: { leaf_index: string | null; body: Buffer }[] = await this.manager(ctx).query(
      `SELECT "leaf_index", "body" FROM "transparency_log_leaves" WHERE "id" = $1`,
      [leafId],
    );
    if (rows.length === 0) return null;
    return { id: leafId, leafIndex: rows[0].leaf_index === null ? null : Number(rows[0].leaf_index), body: rows[0].body };
  }

  /** The latest signed checkpoint, or null before the first seal. */
  async latestCheckpoint(ctx: RequestContext): Promise<CheckpointRow | null> {
    const rows: { tree_size: string; root_hash: Buffer; signed_at: Date; checkpoint: string }[] = await this.manager(ctx).query(
      `SELECT "tree_size", "root_hash", "signed_at", "checkpoint" FROM "transparency_log_checkpoints" ORDER BY "tree_size" DESC LIMIT 1`,
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return { treeSize: Number(row.tree_size), rootHash: row.root_hash, signedAt: row.signed_at, checkpoint: row.checkpoint };
  }

  /** The checkpoints signed at these tree sizes (a size never sealed at is absent). */
  async checkpointsAt(ctx: RequestContext, sizes: readonly number[]): Promise<Map<number, string>> {
    const rows: { tree_size: string; checkpoint: string }[] = await this.manager(ctx).query(
      `SELECT "tree_size", "checkpoint" FROM "transparency_log_checkpoints" WHERE "tree_size" = ANY($1::bigint[])`,
      [sizes.map(String)],
    );
    return new Map(rows.map((row) => [Number(row.tree_size), row.checkpoint]));
  }

  /** Reads the hashes of the given perfect subtrees in one query, keyed by `subtreeKey`. */
  async subtreeHashes(ctx: RequestContext, subtrees: readonly PerfectSubtree[]): Promise<Map<string, Buffer>> {
    const hashes = new Map<string, Buffer>();
    if (subtrees.length === 0) return hashes;
    const rows: { level: number; node_index: string; hash: Buffer }[] = await this.manager(ctx).query(
      `SELECT n."level", n."node_index", n."hash"
         FROM unnest($1::smallint[], $2::bigint[]) AS wanted("level", "node_index")
         JOIN "transparency_log_nodes" n ON n."level" = wanted."level" AND n."node_index" = wanted."node_index"`,
      [subtrees.map((subtree) => subtree.level), subtrees.map((subtree) => String(subtree.index))],
    );
    for (const row of rows) hashes.set(subtreeKey({ level: Number(row.level), index: Number(row.node_index) }), row.hash);
    return hashes;
  }

  /**
   * The reading half of a seal, in one call of `transparency_log_seal_start` (migration 1795340064000): takes the
   * sealer's lock for the rest of the transaction with its idle limit (SEALER_IDLE_LIMIT, so that a stalled sealer
   * cannot keep the lock; plus a millisecond a leaf read, migration 1795340068100), then reads the latest checkpoint's size and root hash and up to `limit` unsealed leaves of
   * finished transactions, in sealing order (transaction id, id). `locked: false` when another sealer holds the lock.
   *
   * A leaf qualifies when every transaction that could still append one with a smaller id has finished: those below
   * the snapshot's xmin, and of the rest the ones still running in this database (one in another database of the
   * cluster can never append here; one whose database is unknown, say a prepared transaction, is waited for). The scan
   * starts at the transaction of the last sealed leaf: every leaf of an earlier transaction was sealed before it, and
   * none can appear later, so a seal reads the index entries of recent leaves only, not those that every sealed leaf
   * leaves in the partial index until VACUUM. Each leaf comes with its transaction id, for `saveSeal` to look in the
   * same narrow range. The function's statements keep their plans for the session (planned afresh on every seal, the
   * unsealed-leaves query was most of a seal's database time).
   */
  async startSeal(tx: TransactionalContext, limit: number): Promise<SealStart> {
    const rows = await this.queryPrepared<{
      locked: boolean;
      tree_size: string | null;
      root_hash: Buffer | null;
      id: string | null;
      body: Buffer | null;
      appended_xid: string | null;
      appended_at: Date | null;
    }>(tx, START_SEAL, [SEALER_LOCK_KEY, SEALER_IDLE_LIMIT, limit]);
    const [first] = rows;
    if (first === undefined || !first.locked) return { locked: false };
    const latest =
      first.tree_size === null || first.root_hash === null ? null : { treeSize: Number(first.tree_size), rootHash: first.root_hash };
    const leaves: UnsealedLeaf[] = [];
    for (const row of rows) {
      if (row.id !== null && row.body !== null && row.appended_xid !== null && row.appended_at !== null)
        leaves.push({ id: row.id, body: row.body, appendedXid: row.appended_xid, appendedAt: row.appended_at });
    }
    return { locked: true, latest, leaves };
  }

  /**
   * Stores one seal in one statement: the completed subtree nodes, the sealed leaves' indexes (consecutive from
   * `firstLeafIndex`, in the order given; a leaf already indexed keeps its index) and the signed checkpoint of the new
   * tree. The UPDATE reads the partial index over the sealed leaves' transaction ids only, as `startSeal` did (matched
   * on `leaf_index IS NULL` alone, it read every entry sealed leaves had left there), and only in the partitions of the
   * sealed leaves' times (migration 1795340076100: the generic plan's partitions of other months are pruned when it
   * starts, instead of each probed). A named statement (planned once per connection), with the ids and hashes as binary
   * arrays.
   */
  async saveSeal(
    tx: TransactionalContext,
    seal: {
      nodes: readonly { level: number; index: number; hash: Buffer }[];
      firstLeafIndex: number;
      leaves: readonly Omit<UnsealedLeaf, 'body'>[];
      checkpoint: CheckpointRow;
    },
  ): Promise<void> {
    const xids = seal.leaves.map((leaf) => BigInt(leaf.appendedXid));
    const [firstXid, lastXid] = xids.reduce(
      ([low, high], xid) => [xid < low ? xid : low, xid > high ? xid : high],
      [xids[0] ?? 0n, xids[0] ?? 0n],
    );
    const [firstTime, lastTime] = seal.leaves.reduce(
      ([low, high], leaf) => [Math.min(low, leaf.appendedAt.getTime()), Math.max(high, leaf.appendedAt.getTime())],
      [seal.leaves[0]?.appendedAt.getTime() ?? 0, seal.leaves[0]?.appendedAt.getTime() ?? 0],
    );
    await this.queryPrepared(tx, SAVE_SEAL, [
      seal.nodes.map((node) => node.level),
      seal.nodes.map((node) => String(node.index)),
      binaryArray.bytea(seal.nodes.map((node) => node.hash)),
      String(seal.firstLeafIndex),
      binaryArray.uuid(seal.leaves.map((leaf) => leaf.id)),
      String(firstXid),
      String(lastXid),
      String(seal.checkpoint.treeSize),
      seal.checkpoint.rootHash,
      seal.checkpoint.signedAt,
      seal.checkpoint.checkpoint,
      new Date(firstTime),
      // A Date drops the microseconds: a millisecond later, the bound still covers the latest leaf.
      new Date(lastTime + 1),
    ]);
  }

  /**
   * Runs a named statement on the transaction's own connection: parsed and planned once per connection, then only
   * bound and executed (the one-leaf append runs once per ledger event, the seal's two statements once per seal).
   * Buffers travel as binary parameters. Errors come out as TypeORM's, as from `query`.
   */
  private async queryPrepared<Row = unknown>(tx: TransactionalContext, statement: PreparedStatement, values: unknown[]): Promise<Row[]> {
    const runner = tx.transaction.queryRunner;
    if (runner === undefined) return tx.transaction.query(statement.text, values);
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    const client = (await runner.connect()) as PreparingClient;
    try {
      const result = (await client.query({ ...statement, values })) as { rows: Row[] };
      return result.rows;
    } catch (error) {
      throw new QueryFailedError(statement.text, values, error as Error);
    }
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}
