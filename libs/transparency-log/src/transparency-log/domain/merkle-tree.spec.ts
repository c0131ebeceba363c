import {
  appendToTree,
  consistencyProofRanges,
  inclusionPathRanges,
  leafHash,
  merkleTreeHash,
  perfectSubtreesOf,
  rangeHashes,
  rootFromEdge,
  subtreeKey,
  type PerfectSubtree,
} from './merkle-tree';
import { verifyConsistencyProof, verifyInclusionProof } from './proof-verification';

const leaves = Array.from({ length: 70 }, (_value, index) => Buffer.from(`leaf ${index}`));

/** Builds the stored nodes of a tree of `size` leaves by appending in uneven batches, as the sealer does. */
function storedTree(size: number): { nodes: Map<string, Buffer>; root: Buffer } {
  const nodes = new Map<string, Buffer>();
  let edge: (PerfectSubtree & { hash: Buffer })[] = [];
  let grown = 0;
  for (const batch of [1, 2, 5, 3, 17, 64]) {
    const take = Math.min(batch, size - grown);
    if (take <= 0) break;
    const result = appendToTree(edge, grown, leaves.slice(grown, grown + take).map(leafHash));
    for (const node of result.completed) nodes.set(subtreeKey(node), node.hash);
    edge = result.edge;
    grown += take;
  }
  return { nodes, root: rootFromEdge(edge) };
}

describe('the Merkle tree of the transparency log (RFC 9162 §2.1)', () => {
  it('Given leaves appended in batches, When the root is taken from the edge, Then it equals MTH of the leaves', () => {
    for (let size = 1; size <= 70; size += 1) {
      expect(storedTree(size).root.equals(merkleTreeHash(leaves.slice(0, size)))).toBe(true);
    }
  });

  it('Given the RFC 9162 §2.1.5 example tree of 7 leaves, Then the audit path of leaf 3 is [c, g, l] as ranges', () => {
    expect(inclusionPathRanges(3, 7)).toEqual([
      { start: 2, end: 3 },
      { start: 0, end: 2 },
      { start: 4, end: 7 },
    ]);
    expect(consistencyProofRanges(4, 7)).toEqual([{ start: 4, end: 7 }]);
    expect(consistencyProofRanges(3, 7)).toEqual([
      { start: 2, end: 3 },
      { start: 3, end: 4 },
      { start: 0, end: 2 },
      { start: 4, end: 7 },
    ]);
    expect(perfectSubtreesOf({ start: 4, end: 7 })).toEqual([
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
  });

  it('Given every leaf of trees up to 70 leaves, When its proof is built from stored nodes, Then it verifies and a changed leaf does not', () => {
    for (const size of [1, 2, 3, 7, 8, 9, 31, 64, 70]) {
      const { nodes, root } = storedTree(size);
      for (let index = 0; index < size; index += 1) {
        const auditPath = rangeHashes(inclusionPathRanges(index, size), (subtree) => nodes.get(subtreeKey(subtree)));
        const proof = { leaf: leaves[index], leafIndex: index, treeSize: size, auditPath, rootHash: root };
        expect(verifyInclusionProof(proof)).toBe(true);
        const changed = Buffer.from(leaves[index]);
        changed[0] ^= 1;
        expect(verifyInclusionProof({ ...proof, leaf: changed })).toBe(false);
        expect(verifyInclusionProof({ ...proof, leafIndex: index + 1 })).toBe(false);
      }
    }
  });

  it('Given two tree sizes, When a consistency proof is built from stored nodes, Then it verifies, and not against a different root', () => {
    const { nodes } = storedTree(70);
    for (let second = 1; second <= 70; second += 1) {
      const secondRoot = merkleTreeHash(leaves.slice(0, second));
      for (let first = 1; first <= second; first += 1) {
        const firstRoot = merkleTreeHash(leaves.slice(0, first));
        const proof = rangeHashes(consistencyProofRanges(first, second), (subtree) => nodes.get(subtreeKey(subtree)));
        const input = { firstSize: first, secondSize: second, firstRootHash: firstRoot, secondRootHash: secondRoot, proof };
        expect(verifyConsistencyProof(input)).toBe(true);
        if (first < second) {
          expect(verifyConsistencyProof({ ...input, firstRootHash: leafHash(Buffer.from('forged')) })).toBe(false);
          expect(verifyConsistencyProof({ ...input, secondRootHash: leafHash(Buffer.from('forged')) })).toBe(false);
        }
      }
    }
  });

  it('When sizes or proof lengths are impossible, Then verification fails rather than throws', () => {
    const root = merkleTreeHash(leaves.slice(0, 4));
    expect(verifyInclusionProof({ leaf: leaves[0], leafIndex: 4, treeSize: 4, auditPath: [], rootHash: root })).toBe(false);
    expect(verifyInclusionProof({ leaf: leaves[0], leafIndex: -1, treeSize: 4, auditPath: [], rootHash: root })).toBe(false);
    expect(verifyConsistencyProof({ firstSize: 5, secondSize: 4, firstRootHash: root, secondRootHash: root, proof: [] })).toBe(false);
    expect(verifyConsistencyProof({ firstSize: 3, secondSize: 4, firstRootHash: root, secondRootHash: root, proof: [] })).toBe(false);
  });
});
