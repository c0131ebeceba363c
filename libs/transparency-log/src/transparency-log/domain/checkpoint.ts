/** The JWS `typ` of a signed checkpoint. */
export const CHECKPOINT_TYPE = 'checkpoint+jwt';

/** What a checkpoint commits to: the tree size, its root hash (base64url) and when it was signed. */
export interface CheckpointPayload {
  treeSize: number;
  rootHash: string;
  time: string;
}

/** Reads a checkpoint payload (already signature-checked), or null when its shape is wrong. */
export function parseCheckpointPayload(payload: Record<string, unknown>): CheckpointPayload | null {
  const { treeSize, rootHash, time } = payload;
  if (!Number.isSafeInteger(treeSize) || (treeSize as number) < 0) return null;
  if (typeof rootHash !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(rootHash)) return null;
  if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) return null;
  return { treeSize: treeSize as number, rootHash, time };
}
