import { Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import { Transactions, type RequestContext, type TransactionalContext } from '@infobank/platform';
import { appendToTree, leafHash, perfectSubtreesOf, rootFromEdge, subtreeKey, type PerfectSubtree } from '../domain/merkle-tree';
import { CHECKPOINT_TYPE, type CheckpointPayload } from '../domain/checkpoint';
import { TransparencyLogStore, type CheckpointRow } from '../infrastructure/transparency-log.store';

/** Leaves sealed per run at most (one checkpoint per run); the sealer runs every second. */
export const MAX_LEAVES_PER_SEAL = 20_000;

/** What one run of the sealer did. */
export type SealOutcome =
  { outcome: 'busy' } | { outcome: 'nothing-to-seal'; treeSize: number } | { outcome: 'sealed'; sealed: number; treeSize: number };

/**
 * Seals the transparency log in the context's transaction (or one of its own): takes the unsealed leaves of finished
 * transactions in a fixed order, gives them the next leaf indexes, stores the completed subtrees
 * and signs a checkpoint of the new tree. Safe with any number of concurrent sealers.
 *
 * Commit order: a leaf's transaction may take longer to commit than a later one, so the sealer
 * seals only leaves whose appending transaction id is below the oldest transaction that could still
 * append one: the snapshot's xmin, or later when the transactions running below it are in other
 * databases of the cluster (they cannot write here). No leaf with a smaller transaction id can ever
 * appear later; leaves of still-running transactions wait for the next run. Leaves are ordered by
 * (transaction id, leaf id), so the order is the same whoever seals. Appends take no lock at all; only
 * sealers take the advisory lock. The checkpoint's time is the context's.
 */
@Injectable()
export class SealTransparencyLogUseCase {
  constructor(
    private readonly keyRing: BankKeyRing,
    private readonly transactions: Transactions,
    private readonly store: TransparencyLogStore,
  ) {}

  /** The tree's right edge after this sealer's last seal: the next seal reuses it while it is still the latest. */
  private lastSeal?: { treeSize: number; rootHash: Buffer; edge: TreeEdge };

  async execute(ctx: RequestContext, options: { maxLeaves?: number } = {}): Promise<SealOutcome> {
    return this.transactions.run(ctx, async (tx) => {
      // One round trip: the lock, then (after it) the latest checkpoint and the leaves to seal.
      const start = await this.store.startSeal(tx, options.maxLeaves ?? MAX_LEAVES_PER_SEAL);
      if (!start.locked) return { outcome: 'busy' };
      const { latest, leaves } = start;
      const treeSize = latest?.treeSize ?? 0;
      if (leaves.length === 0) return { outcome: 'nothing-to-seal', treeSize };

      const edge = await this.edgeOf(tx, latest);
      const grown = appendToTree(
        edge,
        treeSize,
        leaves.map((leaf) => leafHash(leaf.body)),
      );
      const newSize = treeSize + leaves.length;
      const rootHash = rootFromEdge(grown.edge);
      const signedAt = tx.now();
      const payload: CheckpointPayload = { treeSize: newSize, rootHash: rootHash.toString('base64url'), time: signedAt.toISOString() };
      const checkpoint = await this.keyRing.signJws(payload, { typ: CHECKPOINT_TYPE });
      await this.store.saveSeal(tx, {
        nodes: grown.completed,
        firstLeafIndex: treeSize,
        leaves,
        checkpoint: { treeSize: newSize, rootHash, signedAt, checkpoint },
      });
      this.lastSeal = { treeSize: newSize, rootHash, edge: grown.edge };
      return { outcome: 'sealed', sealed: leaves.length, treeSize: newSize };
    });
  }

  /**
   * The perfect subtrees of the latest checkpoint's tree, largest first. Another sealer (or a rolled-back
   * seal) changes the latest checkpoint, so the remembered edge counts only when size and root hash match.
   */
  private async edgeOf(tx: TransactionalContext, latest: Pick<CheckpointRow, 'treeSize' | 'rootHash'> | null): Promise<TreeEdge> {
    if (latest === null) return [];
    const remembered = this.lastSeal;
    if (remembered?.treeSize === latest.treeSize && remembered.rootHash.equals(latest.rootHash)) return remembered.edge;
    const edgeSubtrees = perfectSubtreesOf({ start: 0, end: latest.treeSize });
    const edgeHashes = await this.store.subtreeHashes(tx, edgeSubtrees);
    return edgeSubtrees.map((subtree) => {
      const hash = edgeHashes.get(subtreeKey(subtree));
      if (hash === undefined) throw new Error(`The transparency log is missing node ${subtreeKey(subtree)}`);
      return { ...subtree, hash };
    });
  }
}

type TreeEdge = (PerfectSubtree & { hash: Buffer })[];
