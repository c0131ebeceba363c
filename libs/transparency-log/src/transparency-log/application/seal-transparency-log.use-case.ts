import { Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import type { EntityManager } from 'typeorm';
import { appendToTree, leafHash, perfectSubtreesOf, rootFromEdge, subtreeKey } from '../domain/merkle-tree';
import { CHECKPOINT_TYPE, type CheckpointPayload } from '../domain/checkpoint';
import { readSubtreeHashes } from './transparency-log-nodes';

/** One sealer at a time across all workers: a transaction-scoped advisory lock on this key. */
const SEALER_LOCK_KEY = 7_300_611_002;
/** Leaves sealed per run at most (one checkpoint per run); the sealer runs every second. */
export const MAX_LEAVES_PER_SEAL = 20_000;

/** What one run of the sealer did. */
export type SealOutcome =
  { outcome: 'busy' } | { outcome: 'nothing-to-seal'; treeSize: number } | { outcome: 'sealed'; sealed: number; treeSize: number };

/**
 * Seals the transparency log in the given transaction: takes the unsealed leaves of finished
 * transactions in a fixed order, gives them the next leaf indexes, stores the completed subtrees
 * and signs a checkpoint of the new tree. Safe with any number of concurrent sealers.
 *
 * Commit order: a leaf's transaction may take longer to commit than a later one, so the sealer
 * seals only leaves whose appending transaction id is below the snapshot's xmin (the oldest
 * transaction still running, cluster-wide). Every such transaction has finished, so no leaf with a
 * smaller transaction id can ever appear later; leaves of still-running transactions wait for the
 * next run. Leaves are ordered by (transaction id, leaf id), so the order is the same whoever seals.
 * Appends take no lock at all; only sealers take the advisory lock.
 */
@Injectable()
export class SealTransparencyLogUseCase {
  constructor(private readonly keyRing: BankKeyRing) {}

  async execute(manager: EntityManager, options: { now: Date; maxLeaves?: number }): Promise<SealOutcome> {
    const [{ locked }]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS "locked"`, [SEALER_LOCK_KEY]);
    if (!locked) return { outcome: 'busy' };
    const sizeRows: { tree_size: string }[] = await manager.query(
      `SELECT "tree_size" FROM "transparency_log_checkpoints" ORDER BY "tree_size" DESC LIMIT 1`,
    );
    const treeSize = sizeRows.length === 0 ? 0 : Number(sizeRows[0].tree_size);
    const leaves: { id: string; body: Buffer }[] = await manager.query(
      `SELECT "id", "body" FROM "transparency_log_leaves"
        WHERE "leaf_index" IS NULL AND "appended_xid" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        ORDER BY "appended_xid", "id" LIMIT $1`,
      [options.maxLeaves ?? MAX_LEAVES_PER_SEAL],
    );
    if (leaves.length === 0) return { outcome: 'nothing-to-seal', treeSize };

    const edgeSubtrees = perfectSubtreesOf({ start: 0, end: treeSize });
    const edgeHashes = await readSubtreeHashes(manager, edgeSubtrees);
    const edge = edgeSubtrees.map((subtree) => {
      const hash = edgeHashes.get(subtreeKey(subtree));
      if (hash === undefined) throw new Error(`The transparency log is missing node ${subtreeKey(subtree)}`);
      return { ...subtree, hash };
    });
    const grown = appendToTree(
      edge,
      treeSize,
      leaves.map((leaf) => leafHash(leaf.body)),
    );
    const newSize = treeSize + leaves.length;

    await manager.query(
      `INSERT INTO "transparency_log_nodes" ("level", "node_index", "hash")
       SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
      [
        grown.completed.map((node) => node.level),
        grown.completed.map((node) => String(node.index)),
        grown.completed.map((node) => node.hash),
      ],
    );
    await manager.query(
      `UPDATE "transparency_log_leaves" l SET "leaf_index" = sealed."leaf_index"
         FROM unnest($1::uuid[], $2::bigint[]) AS sealed("id", "leaf_index")
        WHERE l."id" = sealed."id" AND l."leaf_index" IS NULL`,
      [leaves.map((leaf) => leaf.id), leaves.map((_leaf, offset) => String(treeSize + offset))],
    );
    const rootHash = rootFromEdge(grown.edge);
    const payload: CheckpointPayload = { treeSize: newSize, rootHash: rootHash.toString('base64url'), time: options.now.toISOString() };
    const checkpoint = await this.keyRing.signJws(payload, { typ: CHECKPOINT_TYPE });
    await manager.query(
      `INSERT INTO "transparency_log_checkpoints" ("tree_size", "root_hash", "signed_at", "checkpoint") VALUES ($1, $2, $3, $4)`,
      [String(newSize), rootHash, options.now, checkpoint],
    );
    return { outcome: 'sealed', sealed: leaves.length, treeSize: newSize };
  }
}
