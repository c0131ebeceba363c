import { createHash } from 'node:crypto';
import { consentLeafBody, CONSENT_LEAF_KIND, type ConsentEventType } from '@infobank/consent';
import { PROVISION_LEAF_KIND, provisionLeafBody } from '@infobank/provision';
import {
  consistencyProofRanges,
  leafHash,
  nodeHash,
  perfectSubtreesOf,
  rangeHashes,
  rootFromEdge,
  subtreeKey,
  verifyCheckpoint,
  verifyConsistencyProof,
  type BankJwks,
  type PerfectSubtree,
} from '@infobank/transparency-log';
import type { EdgeNode, LogVerificationFailure, LogVerificationProgress } from '../domain/log-verification';
import type { LogLedgerReader, StoredCheckpoint, StoredLeaf } from '../infrastructure/log-ledger.reader';

type Node = PerfectSubtree & { hash: Buffer };

/** What checking one page found, and the progress to carry to the next page. */
export interface CheckedPage {
  failures: LogVerificationFailure[];
  progress: LogVerificationProgress;
}

/**
 * Checks leaves `[start, end)` of the log, carrying the rebuilt tree's right edge in `progress`:
 * rebuilds each leaf's bytes from its ledger row, extends the tree with the stored leaves' hashes and
 * compares every completed subtree with the stored node, checks every checkpoint in `(start, end]`
 * (signature against the bank's JWKS, root against the rebuilt root) and the consistency proof from
 * the previous checkpoint, served from the stored nodes as any client would get it.
 */
export async function checkLogPage(
  reader: LogLedgerReader,
  jwks: BankJwks,
  progress: LogVerificationProgress,
  start: number,
  end: number,
): Promise<CheckedPage> {
  const failures: LogVerificationFailure[] = [];
  const leaves = await reader.leaves(start, end);
  const checkpoints = await reader.checkpoints(start, end);
  const checkpointSizes = new Set(checkpoints.map((checkpoint) => checkpoint.treeSize));

  // A missing leaf has no bytes: the tree goes on with its stored hash (if any), so one gap is one failure.
  const leafAt = new Map(leaves.map((leaf) => [leaf.leafIndex, leaf]));
  const gaps: PerfectSubtree[] = [];
  for (let index = start; index < end; index += 1) if (!leafAt.has(index)) gaps.push({ level: 0, index });
  const gapHashes = await reader.nodes(gaps);

  const edge: Node[] = progress.edge.map((node) => ({ level: node.level, index: node.index, hash: Buffer.from(node.hash, 'base64url') }));
  const completed: Node[] = [];
  const roots = new Map<number, Buffer>();
  for (let index = start; index < end; index += 1) {
    const leaf = leafAt.get(index);
    let hash: Buffer;
    if (leaf === undefined) {
      failures.push({ kind: 'leaf_missing', leafIndex: index });
      hash = gapHashes.get(subtreeKey({ level: 0, index })) ?? Buffer.alloc(32);
    } else {
      failures.push(...checkEntry(leaf));
      hash = leafHash(leaf.body);
    }
    let node: Node = { level: 0, index, hash };
    completed.push(node);
    while (edge.length > 0 && edge[edge.length - 1].level === node.level) {
      const left = edge.pop() as Node;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      completed.push(node);
    }
    edge.push(node);
    if (checkpointSizes.has(index + 1)) roots.set(index + 1, rootFromEdge(edge));
  }

  const stored = await reader.nodes(completed);
  for (const node of completed) {
    const storedHash = stored.get(subtreeKey(node));
    const leafIndex = node.index * 2 ** node.level;
    if (storedHash === undefined) failures.push({ kind: 'node_missing', leafIndex, level: node.level });
    else if (!storedHash.equals(node.hash)) failures.push({ kind: 'node_mismatch', leafIndex, level: node.level });
  }

  const checked = await checkCheckpoints(reader, jwks, checkpoints, roots, progress.lastCheckpoint);
  failures.push(...checked.failures);
  return {
    failures,
    progress: {
      ...progress,
      edge: edge.map((node): EdgeNode => ({ level: node.level, index: node.index, hash: node.hash.toString('base64url') })),
      lastCheckpoint: checked.last,
      leavesChecked: progress.leavesChecked + (end - start),
      checkpointsChecked: progress.checkpointsChecked + checkpoints.length,
    },
  };
}

/** The leaf's bytes must be exactly what its one ledger row rebuilds to. */
function checkEntry(leaf: StoredLeaf): LogVerificationFailure[] {
  const leafIndex = leaf.leafIndex;
  const claims = leaf.consentEvents.length + leaf.provisions.length;
  if (leaf.kind !== CONSENT_LEAF_KIND && leaf.kind !== PROVISION_LEAF_KIND) return [{ kind: 'leaf_kind_unknown', leafIndex }];
  if (claims === 0) return [{ kind: 'leaf_without_entry', leafIndex }];
  if (claims > 1) return [{ kind: 'leaf_shared', leafIndex }];
  if (leaf.kind === CONSENT_LEAF_KIND) {
    const [event] = leaf.consentEvents;
    if (event === undefined) return [{ kind: 'leaf_without_entry', leafIndex }];
    const receiptHash = createHash('sha256').update(event.receiptJws).digest('base64url');
    const rebuilt = consentLeafBody({
      consentId: event.consentId,
      eventId: event.id,
      version: event.version,
      type: event.type as ConsentEventType,
      occurredAt: new Date(event.occurredAt),
      receiptHash,
    });
    const intact = receiptHash === event.receiptHash && Buffer.from(rebuilt, 'utf8').equals(leaf.body);
    return intact ? [] : [{ kind: 'entry_mismatch', leafIndex, entry: { ledger: 'consent_event', id: event.id } }];
  }
  const [provision] = leaf.provisions;
  if (provision === undefined) return [{ kind: 'leaf_without_entry', leafIndex }];
  const rebuilt = provisionLeafBody({
    provisionId: provision.id,
    consentId: provision.consentId,
    consentVersion: provision.consentVersion,
    recipientId: provision.recipientId,
    offerId: provision.offerId,
    transferId: provision.transferId,
    part: provision.part,
    subject: provision.subjectId,
    items: provision.items,
    recordDigests: provision.recordDigests,
    providedAt: new Date(provision.providedAt),
  });
  return Buffer.from(rebuilt, 'utf8').equals(leaf.body)
    ? []
    : [{ kind: 'entry_mismatch', leafIndex, entry: { ledger: 'provision', id: provision.id } }];
}

async function checkCheckpoints(
  reader: LogLedgerReader,
  jwks: BankJwks,
  checkpoints: readonly StoredCheckpoint[],
  roots: ReadonlyMap<number, Buffer>,
  previous: LogVerificationProgress['lastCheckpoint'],
): Promise<{ failures: LogVerificationFailure[]; last: LogVerificationProgress['lastCheckpoint'] }> {
  const failures: LogVerificationFailure[] = [];
  const verified: { treeSize: number; rootHash: string }[] = [];
  for (const checkpoint of checkpoints) {
    const at = { leafIndex: checkpoint.treeSize - 1, treeSize: checkpoint.treeSize };
    const rowRoot = checkpoint.rootHash.toString('base64url');
    try {
      const payload = await verifyCheckpoint(checkpoint.checkpoint, jwks);
      if (payload.treeSize !== checkpoint.treeSize || payload.rootHash !== rowRoot)
        failures.push({ kind: 'checkpoint_signature_invalid', ...at });
    } catch {
      failures.push({ kind: 'checkpoint_signature_invalid', ...at });
    }
    if (!roots.get(checkpoint.treeSize)?.equals(checkpoint.rootHash)) failures.push({ kind: 'checkpoint_root_mismatch', ...at });
    verified.push({ treeSize: checkpoint.treeSize, rootHash: rowRoot });
  }

  // Consistency between each checkpoint and the one before it, from the stored nodes (one read for the page).
  const pairs = verified.map((current, position) => ({ from: position === 0 ? previous : verified[position - 1], to: current }));
  const ranges = pairs.map((pair) => (pair.from === null ? [] : consistencyProofRanges(pair.from.treeSize, pair.to.treeSize)));
  const stored = await reader.nodes(ranges.flat().flatMap((range) => perfectSubtreesOf(range)));
  pairs.forEach((pair, position) => {
    if (pair.from === null || pair.from.treeSize >= pair.to.treeSize) return;
    let consistent: boolean;
    try {
      consistent = verifyConsistencyProof({
        firstSize: pair.from.treeSize,
        secondSize: pair.to.treeSize,
        firstRootHash: Buffer.from(pair.from.rootHash, 'base64url'),
        secondRootHash: Buffer.from(pair.to.rootHash, 'base64url'),
        proof: rangeHashes(ranges[position], (subtree) => stored.get(subtreeKey(subtree))),
      });
    } catch {
      consistent = false;
    }
    if (!consistent) failures.push({ kind: 'consistency_failed', leafIndex: pair.to.treeSize - 1, treeSize: pair.to.treeSize });
  });
  return { failures, last: verified.length > 0 ? verified[verified.length - 1] : previous };
}
