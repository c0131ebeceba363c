import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RequestContext, SqlPiece, TransactionalContext } from '@infobank/platform';
import {
  consistencyProofRanges,
  inclusionPathRanges,
  perfectSubtreesOf,
  rangeHashes,
  subtreeKey,
  type LeafRange,
} from '../domain/merkle-tree';
import { LogCheckpointNotFoundError, LogLeafInvalidError, LogRangeInvalidError } from '../../transparency-log.errors';
import { TransparencyLogStore, type CheckpointRow } from '../infrastructure/transparency-log.store';

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
  constructor(private readonly store: TransparencyLogStore) {}

  /**
   * Appends a leaf in the caller's transaction and returns its id. The leaf is sealed (gets an index
   * and an inclusion proof) within about a second after that transaction commits; a rollback removes it.
   */
  async append(tx: TransactionalContext, leaf: LogLeafInput): Promise<string> {
    const [id] = await this.appendMany(tx, [leaf]);
    return id;
  }

  /** Appends several leaves in the caller's transaction with one statement; returns their ids in order. */
  async appendMany(tx: TransactionalContext, leaves: readonly LogLeafInput[]): Promise<string[]> {
    for (const leaf of leaves) checkLeaf(leaf);
    const ids = leaves.map(() => randomUUID());
    if (ids.length === 0) return ids;
    // The transaction id lets the sealer wait for every transaction that might still commit a leaf.
    await this.store.insertLeaves(
      tx,
      leaves.map((leaf, index) => ({ id: ids[index], kind: leaf.kind, body: leaf.body })),
    );
    return ids;
  }

  /**
   * What `appendMany` does, as a piece of another context's composed statement (a ledger's write of its records
   * and their leaves in one statement): each leaf names the record it logs (`key`), and only leaves whose key
   * `keptKeys` selects are appended. Returns the leaves' ids in order (those left out are never used) and the piece.
   */
  appendPiece(leaves: readonly (LogLeafInput & { key: string })[], keptKeys: SqlPiece): { ids: string[]; piece: SqlPiece } {
    for (const leaf of leaves) checkLeaf(leaf);
    const ids = leaves.map(() => randomUUID());
    const piece = this.store.insertLeavesPiece(
      leaves.map((leaf, index) => ({ id: ids[index], kind: leaf.kind, body: leaf.body, key: leaf.key })),
      keptKeys,
    );
    return { ids, piece };
  }

  /** The inclusion proof of a leaf against the latest checkpoint, or null while it is unsealed (or unknown). */
  async inclusionProof(ctx: RequestContext, leafId: string): Promise<InclusionProofView | null> {
    const leaf = await this.store.leaf(ctx, leafId);
    if (leaf === null || leaf.leafIndex === null) return null;
    const leafIndex = leaf.leafIndex;
    const latest = await this.latestCheckpoint(ctx);
    // Sealing and signing commit together, so a sealed leaf always has a checkpoint covering it.
    if (latest === null || latest.treeSize <= leafIndex) return null;
    const auditPath = await this.hashesOfRanges(ctx, inclusionPathRanges(leafIndex, latest.treeSize));
    return { leaf: leaf.body.toString('base64url'), leafIndex, auditPath, checkpoint: latest.checkpoint };
  }

  /** The latest signed checkpoint, or null before the first seal. */
  async latestCheckpoint(ctx: RequestContext): Promise<LogCheckpointView | null> {
    const row = await this.store.latestCheckpoint(ctx);
    return row === null ? null : checkpointView(row);
  }

  /** The latest checkpoint; throws LOG_CHECKPOINT_NOT_FOUND before the first seal (for the public endpoint). */
  async requireLatestCheckpoint(ctx: RequestContext): Promise<LogCheckpointView> {
    const latest = await this.latestCheckpoint(ctx);
    if (latest === null) throw new LogCheckpointNotFoundError();
    return latest;
  }

  /** RFC 9162 consistency proof from tree size `from` to `to` (both at most the latest checkpoint's size). */
  async consistencyProof(ctx: RequestContext, from: number, to: number): Promise<ConsistencyProofView> {
    if (!Number.isSafeInteger(from) || from < 1) throw new LogRangeInvalidError('from must be a tree size of at least 1.', '/from');
    if (!Number.isSafeInteger(to) || to < from) throw new LogRangeInvalidError('to must be a tree size no smaller than from.', '/to');
    const latest = await this.latestCheckpoint(ctx);
    if (latest === null || to > latest.treeSize) {
      throw new LogRangeInvalidError(`to must not exceed the latest checkpoint's tree size (${latest?.treeSize ?? 0}).`, '/to');
    }
    const consistencyPath = await this.hashesOfRanges(ctx, consistencyProofRanges(from, to));
    const signed = await this.store.checkpointsAt(ctx, [from, to]);
    const checkpointAt = (size: number): string | null => signed.get(size) ?? null;
    return { from, to, consistencyPath, fromCheckpoint: checkpointAt(from), toCheckpoint: checkpointAt(to) };
  }

  private async hashesOfRanges(ctx: RequestContext, ranges: readonly LeafRange[]): Promise<string[]> {
    const stored = await this.store.subtreeHashes(
      ctx,
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

function checkpointView(row: CheckpointRow): LogCheckpointView {
  return {
    treeSize: row.treeSize,
    rootHash: row.rootHash.toString('base64url'),
    time: new Date(row.signedAt).toISOString(),
    checkpoint: row.checkpoint,
  };
}
