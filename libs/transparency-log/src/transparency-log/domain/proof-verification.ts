import { leafHash, nodeHash } from './merkle-tree';

/** An inclusion proof to check against a tree size and root hash taken from a verified checkpoint. */
export interface InclusionProofInput {
  /** The leaf itself (its hash is computed here, so a changed leaf cannot pass). */
  leaf: Uint8Array;
  leafIndex: number;
  treeSize: number;
  auditPath: readonly Uint8Array[];
  rootHash: Uint8Array;
}

/** A consistency proof between two tree sizes and their root hashes (from two verified checkpoints). */
export interface ConsistencyProofInput {
  firstSize: number;
  secondSize: number;
  firstRootHash: Uint8Array;
  secondRootHash: Uint8Array;
  proof: readonly Uint8Array[];
}

const isOdd = (value: number): boolean => value % 2 === 1;
const half = (value: number): number => Math.floor(value / 2);
const isNaturalNumber = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

/**
 * The walk both RFC 9162 verifications share: each path hash joins the running hash on the left (it
 * is a left sibling) or on the right, while (fn, sn) climb the tree. Returns the final sn, or null
 * when the path is longer than the tree is tall.
 */
function walkPath(
  fn: number,
  sn: number,
  path: readonly Uint8Array[],
  join: (hash: Uint8Array, onTheLeft: boolean) => void,
): number | null {
  for (const hash of path) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      join(hash, true);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      join(hash, false);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn;
}

/** RFC 9162 §2.1.3.2: true when the audit path leads from the leaf to the root hash. */
export function verifyInclusionProof(input: InclusionProofInput): boolean {
  const { leafIndex, treeSize } = input;
  if (!isNaturalNumber(leafIndex) || !isNaturalNumber(treeSize) || leafIndex >= treeSize) return false;
  let r: Buffer = leafHash(input.leaf);
  const sn = walkPath(leafIndex, treeSize - 1, input.auditPath, (p, onTheLeft) => {
    r = onTheLeft ? nodeHash(p, r) : nodeHash(r, p);
  });
  return sn === 0 && r.equals(Buffer.from(input.rootHash));
}

/** RFC 9162 §2.1.4.2: true when the proof shows the first tree is a prefix of the second. */
export function verifyConsistencyProof(input: ConsistencyProofInput): boolean {
  const { firstSize, secondSize } = input;
  const first = Buffer.from(input.firstRootHash);
  const second = Buffer.from(input.secondRootHash);
  if (!isNaturalNumber(firstSize) || !isNaturalNumber(secondSize) || firstSize > secondSize) return false;
  if (firstSize === secondSize) return input.proof.length === 0 && first.equals(second);
  // Every tree extends the empty tree; RFC 9162 defines no proof for it.
  if (firstSize === 0) return input.proof.length === 0;
  const path = Number.isInteger(Math.log2(firstSize)) ? [first, ...input.proof] : [...input.proof];
  if (path.length === 0) return false;
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  const last = walkPath(fn, sn, path.slice(1), (c, onTheLeft) => {
    if (onTheLeft) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
    } else {
      sr = nodeHash(sr, c);
    }
  });
  return last === 0 && fr.equals(first) && sr.equals(second);
}
