import { createHash } from 'node:crypto';

/**
 * RFC 9162 §2.1 Merkle tree hashing and the shape of its proofs. Pure: the proofs are described as
 * lists of leaf ranges whose hashes a store (the database, or a map in tests) supplies.
 */

/** A range of leaf indexes `[start, end)` whose Merkle tree hash MTH(D[start:end]) a proof needs. */
export interface LeafRange {
  start: number;
  end: number;
}

/** A complete (perfect) subtree: `2^level` leaves starting at `index * 2^level`. Stored once sealed. */
export interface PerfectSubtree {
  level: number;
  index: number;
}

/** SHA-256(0x00 || leaf): the hash of one leaf (RFC 9162 §2.1.1). */
export function leafHash(leaf: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0x00]))
    .update(leaf)
    .digest();
}

/** SHA-256(0x01 || left || right): the hash of an interior node (RFC 9162 §2.1.1). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0x01]))
    .update(left)
    .update(right)
    .digest();
}

/** The hash of the empty tree, SHA-256 of the empty string. */
export function emptyTreeHash(): Buffer {
  return createHash('sha256').digest();
}

/** The largest power of two strictly smaller than `n` (n ≥ 2): where RFC 9162 splits a tree. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The ranges whose hashes form the audit path of leaf `leafIndex` in a tree of `treeSize` leaves,
 * in the order of RFC 9162 §2.1.3.1 (nearest the leaf first).
 */
export function inclusionPathRanges(leafIndex: number, treeSize: number): LeafRange[] {
  const path: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  // Walk from the root down, collecting the sibling of each subtree that contains the leaf.
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (leafIndex < start + k) {
      path.push({ start: start + k, end });
      end = start + k;
    } else {
      path.push({ start, end: start + k });
      start += k;
    }
  }
  return path.reverse();
}

/** The ranges whose hashes form the consistency proof from `firstSize` to `secondSize` (RFC 9162 §2.1.4.1). */
export function consistencyProofRanges(firstSize: number, secondSize: number): LeafRange[] {
  if (firstSize <= 0 || firstSize >= secondSize) return [];
  const proof: LeafRange[] = [];
  let start = 0;
  let end = secondSize;
  let m = firstSize;
  let startFromOldRoot = true;
  while (m !== end - start) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m <= k) {
      proof.push({ start: start + k, end });
      end = start + k;
    } else {
      proof.push({ start, end: start + k });
      start += k;
      m -= k;
      startFromOldRoot = false;
    }
  }
  if (!startFromOldRoot) proof.push({ start, end });
  return proof.reverse();
}

/**
 * The perfect subtrees that make up a range of the tree, largest first. For every range a proof or
 * root needs (a subtree of the RFC 9162 tree), MTH(range) is the right fold of their hashes.
 */
export function perfectSubtreesOf(range: LeafRange): PerfectSubtree[] {
  const subtrees: PerfectSubtree[] = [];
  let start = range.start;
  while (start < range.end) {
    let size = 1;
    while (start % (size * 2) === 0 && start + size * 2 <= range.end) size *= 2;
    const level = Math.log2(size);
    subtrees.push({ level, index: start / size });
    start += size;
  }
  return subtrees;
}

/** Combines the hashes of a range's perfect subtrees (largest first) into the range's Merkle tree hash. */
export function foldSubtreeHashes(hashes: readonly Uint8Array[]): Buffer {
  if (hashes.length === 0) return emptyTreeHash();
  let result: Buffer = Buffer.from(hashes[hashes.length - 1]);
  for (let position = hashes.length - 2; position >= 0; position -= 1) result = nodeHash(hashes[position], result);
  return result;
}

/** A stable key for a perfect subtree, for maps of fetched hashes. */
export function subtreeKey(subtree: PerfectSubtree): string {
  return `${subtree.level}:${subtree.index}`;
}

/** MTH of each range, reading perfect subtree hashes through `hashOf` (throws if one is missing). */
export function rangeHashes(ranges: readonly LeafRange[], hashOf: (subtree: PerfectSubtree) => Uint8Array | undefined): Buffer[] {
  return ranges.map((range) =>
    foldSubtreeHashes(
      perfectSubtreesOf(range).map((subtree) => {
        const hash = hashOf(subtree);
        if (hash === undefined) throw new Error(`The tree has no node ${subtreeKey(subtree)}`);
        return hash;
      }),
    ),
  );
}

/**
 * Appends leaf hashes to a tree given its right edge (the perfect subtrees of `[0, size)`, largest
 * first) and returns the new edge plus every perfect subtree completed on the way (to be stored).
 */
export function appendToTree(
  edge: readonly (PerfectSubtree & { hash: Buffer })[],
  size: number,
  leafHashes: readonly Buffer[],
): { edge: (PerfectSubtree & { hash: Buffer })[]; completed: (PerfectSubtree & { hash: Buffer })[] } {
  const stack = [...edge];
  const completed: (PerfectSubtree & { hash: Buffer })[] = [];
  leafHashes.forEach((hash, offset) => {
    let node = { level: 0, index: size + offset, hash };
    completed.push(node);
    while (stack.length > 0 && stack[stack.length - 1].level === node.level) {
      const left = stack.pop() as PerfectSubtree & { hash: Buffer };
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      completed.push(node);
    }
    stack.push(node);
  });
  return { edge: stack, completed };
}

/** The root hash from a tree's right edge (its perfect subtrees, largest first). */
export function rootFromEdge(edge: readonly { hash: Buffer }[]): Buffer {
  return foldSubtreeHashes(edge.map((subtree) => subtree.hash));
}

/** Reference MTH straight from RFC 9162's recursive definition (for tests and small trees). */
export function merkleTreeHash(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return emptyTreeHash();
  if (leaves.length === 1) return leafHash(leaves[0]);
  const k = largestPowerOfTwoBelow(leaves.length);
  return nodeHash(merkleTreeHash(leaves.slice(0, k)), merkleTreeHash(leaves.slice(k)));
}
