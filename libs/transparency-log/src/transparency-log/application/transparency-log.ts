import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  consistencyProofRanges,
  inclusionPathRanges,
  perfectSubtreesOf,
  rangeHashes,
  subtreeKey,
  type LeafRange,
} from '../domain/merkle-tree';
import { LogCheckpointNotFoundError, LogLeafInvalidError, LogRangeInvalidError } from '../../transparency-log.errors';
import { readSubtreeHashes } from './transparency-log-nodes';

/** Leaf bodies are canonical records (a consent event, a provision record), never documents. */
export const MAX_LOG_LEAF_BYTES = 64 * 1024;
const LEAF_KIND = /^[a-z][a-z0-9_.-]{0,63}$/;

/** What a caller appends: the kind of record and its canonical bytes (what the leaf hash covers). */
export interface LogLeafInput {
  kind: string;
  body: Buffer;
}

/** A signed checkpoint as served: tree size, root hash (base64url), time and the compact JWS. */
export interface LogCheckpointView {
  treeSize: number;
  rootHash: string;
  time: string;
  /** Compact JWS (`typ: checkpoint+jwt`) signed by the bank; verify it against `/.well-known/jwks.json`. */
  checkpoint: string;
}

/** An inclusion proof of one leaf against the latest checkpoint (RFC 9162 audit path, base64url). */
export interface InclusionProofView {
  leaf: string;
  leafIndex: number;
  auditPath: string[];
  checkpoint: string;
}

/** A consistency proof between two tree sizes, with the checkpoints signed at those sizes (if any). */
export interface ConsistencyProofView {
  from: number;
  to: number;
  consistencyPath: string[];
  fromCheckpoint: string | null;
  toCheckpoint: string | null;
}

/**
 * The transparency log every ledger appends to (consent events now, provision records later).
 * `append` is a plain insert in the caller's transaction, so appends never queue behind each other;
 * the sealer (SealTransparencyLogUseCase) indexes them later, in commit order, and signs checkpoints.
 */
@Injectable()
export class TransparencyLog {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends a leaf in the caller's transaction and returns its id. The leaf is sealed (gets an index
   * and an inclusion proof) within about a second after that transaction commits; a rollback removes it.
   */
  async append(manager: EntityManager, leaf: LogLeafInput): Promise<string> {
    const [id] = await this.appendMany(manager, [leaf]);
    return id;
  }

  /** Appends several leaves in the caller's transaction with one statement; returns their ids in order. */
  async appendMany(manager: EntityManager, leaves: readonly LogLeafInput[]): Promise<string[]> {
    for (const leaf of leaves) checkLeaf(leaf);
    const ids = leaves.map(() => randomUUID());
    if (ids.length === 0) return ids;
    // The transaction id lets the sealer wait for every transaction that might still commit a leaf.
    await manager.query(
      `INSERT INTO "transparency_log_leaves" ("id", "kind", "body", "appended_xid")
       SELECT "id", "kind", "body", pg_current_xact_id()::text::bigint FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS t("id", "kind", "body")`,
      [ids, leaves.map((leaf) => leaf.kind), leaves.map((leaf) => leaf.body)],
    );
    return ids;
  }

  /** The inclusion proof of a leaf against the latest checkpoint, or null while it is unsealed (or unknown). */
  async inclusionProof(leafId: string, manager: EntityManager = this.dataSource.manager): Promise<InclusionProofView | null> {
    const leaves: { leaf_index: string | null; body: Buffer }[] = await manager.query(
      `SELECT "leaf_index", "body" FROM "transparency_log_leaves" WHERE "id" = $1`,
      [leafId],
    );
    if (leaves.length === 0 || leaves[0].leaf_index === null) return null;
    const leafIndex = Number(leaves[0].leaf_index);
    const latest = await this.latestCheckpoint(manager);
    // Sealing and signing commit together, so a sealed leaf always has a checkpoint covering it.
    if (latest === null || latest.treeSize <= leafIndex) return null;
    const auditPath = await this.hashesOfRanges(manager, inclusionPathRanges(leafIndex, latest.treeSize));
    return { leaf: leaves[0].body.toString('base64url'), leafIndex, auditPath, checkpoint: latest.checkpoint };
  }

  /** The latest signed checkpoint, or null before the first seal. */
  async latestCheckpoint(manager: EntityManager = this.dataSource.manager): Promise<LogCheckpointView | null> {
    const rows: { tree_size: string; root_hash: Buffer; signed_at: Date; checkpoint: string }[] = await manager.query(
      `SELECT "tree_size", "root_hash", "signed_at", "checkpoint" FROM "transparency_log_checkpoints" ORDER BY "tree_size" DESC LIMIT 1`,
    );
    return rows.length === 0 ? null : checkpointView(rows[0]);
  }

  /** The latest checkpoint; throws LOG_CHECKPOINT_NOT_FOUND before the first seal (for the public endpoint). */
  async requireLatestCheckpoint(): Promise<LogCheckpointView> {
    const latest = await this.latestCheckpoint();
    if (latest === null) throw new LogCheckpointNotFoundError();
    return latest;
  }

  /** RFC 9162 consistency proof from tree size `from` to `to` (both at most the latest checkpoint's size). */
  async consistencyProof(from: number, to: number): Promise<ConsistencyProofView> {
    if (!Number.isSafeInteger(from) || from < 1) throw new LogRangeInvalidError('from must be a tree size of at least 1.', '/from');
    if (!Number.isSafeInteger(to) || to < from) throw new LogRangeInvalidError('to must be a tree size no smaller than from.', '/to');
    const manager = this.dataSource.manager;
    const latest = await this.latestCheckpoint(manager);
    if (latest === null || to > latest.treeSize) {
      throw new LogRangeInvalidError(`to must not exceed the latest checkpoint's tree size (${latest?.treeSize ?? 0}).`, '/to');
    }
    const consistencyPath = await this.hashesOfRanges(manager, consistencyProofRanges(from, to));
    const signed: { tree_size: string; checkpoint: string }[] = await manager.query(
      `SELECT "tree_size", "checkpoint" FROM "transparency_log_checkpoints" WHERE "tree_size" = ANY($1::bigint[])`,
      [[String(from), String(to)]],
    );
    const checkpointAt = (size: number): string | null => signed.find((row) => Number(row.tree_size) === size)?.checkpoint ?? null;
    return { from, to, consistencyPath, fromCheckpoint: checkpointAt(from), toCheckpoint: checkpointAt(to) };
  }

  private async hashesOfRanges(manager: EntityManager, ranges: readonly LeafRange[]): Promise<string[]> {
    const stored = await readSubtreeHashes(
      manager,
      ranges.flatMap((range) => perfectSubtreesOf(range)),
    );
    return rangeHashes(ranges, (subtree) => stored.get(subtreeKey(subtree))).map((hash) => hash.toString('base64url'));
  }
}

function checkLeaf(leaf: LogLeafInput): void {
  if (typeof leaf.kind !== 'string' || !LEAF_KIND.test(leaf.kind)) throw new LogLeafInvalidError('The leaf kind is not a valid kind.');
  if (!Buffer.isBuffer(leaf.body) || leaf.body.length === 0 || leaf.body.length > MAX_LOG_LEAF_BYTES) {
    throw new LogLeafInvalidError(`A leaf body must be 1 to ${MAX_LOG_LEAF_BYTES} bytes.`);
  }
}

function checkpointView(row: { tree_size: string; root_hash: Buffer; signed_at: Date; checkpoint: string }): LogCheckpointView {
  return {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash.toString('base64url'),
    time: new Date(row.signed_at).toISOString(),
    checkpoint: row.checkpoint,
  };
}
