import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

/** What the portal serves as a provision's proof: the leaf, its index, the audit path and a signed checkpoint. */
export interface InclusionProofDocument {
  leaf: string;
  leafIndex: number;
  auditPath: string[];
  checkpoint: string;
}

/** Why a proof failed, as a message key the screens translate. */
export type ProofFailure = 'signature' | 'checkpoint' | 'path' | 'leaf' | 'malformed';

/** The outcome of checking a proof in the browser. */
export type ProofOutcome = { valid: true; treeSize: number; signedAt: string } | { valid: false; reason: ProofFailure };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function fromBase64url(value: unknown): Uint8Array | null {
  if (typeof value !== 'string' || !BASE64URL.test(value)) return null;
  const padded = value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (character) => character.charCodeAt(0));
  } catch {
    return null;
  }
}

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

const LEAF_PREFIX = Uint8Array.of(0);
const NODE_PREFIX = Uint8Array.of(1);

/**
 * RFC 9162 §2.1.3.2, computed with WebCrypto: the root hash that the audit path leads to from the
 * leaf, or null when the path does not fit a tree of `treeSize` leaves.
 */
export async function rootFromInclusionPath(
  leaf: Uint8Array,
  leafIndex: number,
  treeSize: number,
  auditPath: readonly Uint8Array[],
): Promise<Uint8Array | null> {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let hash = await sha256(LEAF_PREFIX, leaf);
  for (const sibling of auditPath) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      hash = await sha256(NODE_PREFIX, sibling, hash);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      hash = await sha256(NODE_PREFIX, hash, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? hash : null;
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((byte, position) => byte === right[position]);
}

type CheckpointReading =
  { valid: true; treeSize: number; rootHash: Uint8Array; signedAt: string } | { valid: false; reason: 'signature' | 'checkpoint' };

/** The checkpoint's EdDSA signature against the bank's JWKS, then its payload's shape. */
async function readCheckpoint(checkpoint: unknown, jwks: JSONWebKeySet): Promise<CheckpointReading> {
  let payload: { treeSize?: unknown; rootHash?: unknown; time?: unknown };
  try {
    if (typeof checkpoint !== 'string') return { valid: false, reason: 'signature' };
    const verified = await compactVerify(checkpoint, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
    if (verified.protectedHeader.typ !== 'checkpoint+jwt') return { valid: false, reason: 'signature' };
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as typeof payload;
  } catch {
    return { valid: false, reason: 'signature' };
  }
  const rootHash = fromBase64url(payload.rootHash);
  if (typeof payload.treeSize !== 'number' || rootHash === null || rootHash.length !== 32 || typeof payload.time !== 'string') {
    return { valid: false, reason: 'checkpoint' };
  }
  return { valid: true, treeSize: payload.treeSize, rootHash, signedAt: payload.time };
}

/** The outcome of checking a signed checkpoint on its own (the transparency page's 検証する). */
export type CheckpointOutcome =
  { valid: true; treeSize: number; rootHash: string; signedAt: string } | { valid: false; reason: 'signature' | 'checkpoint' };

/**
 * Checks a signed checkpoint (compact JWS, typ checkpoint+jwt) against the bank's JWKS in the
 * browser; the tree size, root hash and time returned are those the signature covers, not what the
 * server said beside it.
 */
export async function verifyCheckpoint(checkpoint: string, jwks: JSONWebKeySet): Promise<CheckpointOutcome> {
  const reading = await readCheckpoint(checkpoint, jwks);
  if (!reading.valid) return reading;
  const rootHash = btoa(String.fromCharCode(...reading.rootHash))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return { valid: true, treeSize: reading.treeSize, rootHash, signedAt: reading.signedAt };
}

/**
 * Checks a provision's inclusion proof without trusting the server that sent it: the checkpoint's
 * EdDSA signature against the bank's JWKS, then the leaf's audit path up to the checkpoint's root
 * hash, and that the leaf names the expected provision.
 */
export async function verifyInclusionProof(
  proof: InclusionProofDocument,
  jwks: JSONWebKeySet,
  expected: { provisionId: string },
): Promise<ProofOutcome> {
  const leaf = fromBase64url(proof?.leaf);
  const auditPath = Array.isArray(proof?.auditPath) ? proof.auditPath.map(fromBase64url) : null;
  if (leaf === null || auditPath === null || auditPath.some((hash) => hash === null || hash.length !== 32)) {
    return { valid: false, reason: 'malformed' };
  }
  const checkpoint = await readCheckpoint(proof.checkpoint, jwks);
  if (!checkpoint.valid) return checkpoint;
  const computed = await rootFromInclusionPath(leaf, proof.leafIndex, checkpoint.treeSize, auditPath as Uint8Array[]);
  if (computed === null || !sameBytes(computed, checkpoint.rootHash)) return { valid: false, reason: 'path' };
  try {
    const body = JSON.parse(new TextDecoder().decode(leaf)) as { provisionId?: unknown };
    if (body.provisionId !== expected.provisionId) return { valid: false, reason: 'leaf' };
  } catch {
    return { valid: false, reason: 'leaf' };
  }
  return { valid: true, treeSize: checkpoint.treeSize, signedAt: checkpoint.signedAt };
}
