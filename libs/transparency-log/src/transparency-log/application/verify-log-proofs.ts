import { BANK_SIGNING_ALGORITHM, isCryptoError, parseJsonPayload, verifyJwsWithKeys, type JWK } from '@infobank/crypto';
import { CHECKPOINT_TYPE, parseCheckpointPayload, type CheckpointPayload } from '../domain/checkpoint';
import { verifyConsistencyProof, verifyInclusionProof } from '../domain/proof-verification';
import { LogProofInvalidError } from '../../transparency-log.errors';
import type { ConsistencyProofView, InclusionProofView } from './transparency-log';

/** The bank's published JWKS (`/.well-known/jwks.json`). */
export interface BankJwks {
  keys: JWK[];
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Verifies a checkpoint JWS against the bank's JWKS (EdDSA only, `typ: checkpoint+jwt`) and returns its payload. */
export async function verifyCheckpoint(checkpoint: string, jwks: BankJwks): Promise<CheckpointPayload> {
  let payload: Record<string, unknown>;
  try {
    const verified = await verifyJwsWithKeys(checkpoint, jwks.keys, { algorithms: [BANK_SIGNING_ALGORITHM], typ: CHECKPOINT_TYPE });
    payload = parseJsonPayload(verified.payload);
  } catch (error) {
    if (isCryptoError(error))
      throw new LogProofInvalidError(`The checkpoint signature does not verify: ${error.message}`, { cause: error });
    throw error;
  }
  const parsed = parseCheckpointPayload(payload);
  if (parsed === null) throw new LogProofInvalidError('The checkpoint payload is not a tree size, root hash and time.');
  return parsed;
}

/**
 * Checks an inclusion proof offline: the checkpoint is signed by the bank, and the leaf's audit path
 * leads to the checkpoint's root hash. Returns the verified checkpoint; throws LOG_PROOF_INVALID otherwise.
 */
export async function verifyInclusionProofAgainstJwks(proof: InclusionProofView, jwks: BankJwks): Promise<CheckpointPayload> {
  if (typeof proof !== 'object' || proof === null) throw new LogProofInvalidError('The proof is not an object.');
  const checkpoint = await verifyCheckpoint(proof.checkpoint, jwks);
  const valid = verifyInclusionProof({
    leaf: decodeBase64url(proof.leaf, 'leaf'),
    leafIndex: proof.leafIndex,
    treeSize: checkpoint.treeSize,
    auditPath: decodeHashes(proof.auditPath, 'auditPath'),
    rootHash: Buffer.from(checkpoint.rootHash, 'base64url'),
  });
  if (!valid) throw new LogProofInvalidError("The leaf's audit path does not lead to the checkpoint's root hash.");
  return checkpoint;
}

/** Checks a consistency proof offline between two checkpoints signed by the bank. */
export async function verifyConsistencyProofAgainstJwks(
  proof: Pick<ConsistencyProofView, 'consistencyPath'> & { fromCheckpoint: string; toCheckpoint: string },
  jwks: BankJwks,
): Promise<{ from: CheckpointPayload; to: CheckpointPayload }> {
  const from = await verifyCheckpoint(proof.fromCheckpoint, jwks);
  const to = await verifyCheckpoint(proof.toCheckpoint, jwks);
  const valid = verifyConsistencyProof({
    firstSize: from.treeSize,
    secondSize: to.treeSize,
    firstRootHash: Buffer.from(from.rootHash, 'base64url'),
    secondRootHash: Buffer.from(to.rootHash, 'base64url'),
    proof: decodeHashes(proof.consistencyPath, 'consistencyPath'),
  });
  if (!valid) throw new LogProofInvalidError('The consistency proof does not link the two checkpoints.');
  return { from, to };
}

function decodeBase64url(value: unknown, name: string): Buffer {
  if (typeof value !== 'string' || !BASE64URL.test(value)) throw new LogProofInvalidError(`${name} is not base64url.`);
  return Buffer.from(value, 'base64url');
}

function decodeHashes(values: unknown, name: string): Buffer[] {
  if (!Array.isArray(values) || values.length > 128) throw new LogProofInvalidError(`${name} is not a list of hashes.`);
  return values.map((value, position) => {
    const hash = decodeBase64url(value, `${name}/${position}`);
    if (hash.length !== 32) throw new LogProofInvalidError(`${name}/${position} is not a SHA-256 hash.`);
    return hash;
  });
}

/** What an offline check of a proof document established. */
export type VerifiedLogProofDocument =
  | { valid: true; proof: 'inclusion'; leafIndex: number; checkpoint: CheckpointPayload }
  | { valid: true; proof: 'consistency'; from: CheckpointPayload; to: CheckpointPayload };

/**
 * Checks a proof document as the bank serves it: an inclusion proof (`leaf`, `leafIndex`, `auditPath`,
 * `checkpoint`) or a consistency proof (`consistencyPath`, `fromCheckpoint`, `toCheckpoint`).
 */
export async function verifyLogProofDocument(document: unknown, jwks: BankJwks): Promise<VerifiedLogProofDocument> {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new LogProofInvalidError('The proof is not a JSON object.');
  const fields = document as Record<string, unknown>;
  if (typeof fields.checkpoint === 'string') {
    const checkpoint = await verifyInclusionProofAgainstJwks(fields as unknown as InclusionProofView, jwks);
    return { valid: true, proof: 'inclusion', leafIndex: fields.leafIndex as number, checkpoint };
  }
  if (typeof fields.fromCheckpoint === 'string' && typeof fields.toCheckpoint === 'string') {
    const { from, to } = await verifyConsistencyProofAgainstJwks(
      { consistencyPath: fields.consistencyPath as string[], fromCheckpoint: fields.fromCheckpoint, toCheckpoint: fields.toCheckpoint },
      jwks,
    );
    return { valid: true, proof: 'consistency', from, to };
  }
  throw new LogProofInvalidError('The document is neither an inclusion proof nor a consistency proof with both checkpoints.');
}

/** Reads a JWKS document, keeping only what looks like a key set. */
export function parseBankJwks(document: unknown): BankJwks {
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'object' || key === null)) {
    throw new LogProofInvalidError('The JWKS is not a {"keys": [...]} document.');
  }
  return { keys: keys as JWK[] };
}
