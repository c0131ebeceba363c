import { randomFillSync } from 'node:crypto';

/** Bytes of an AES-GCM IV (96 bits, the size GCM is specified for). */
export const GCM_IV_BYTES = 12;

// IVs are drawn from the CSPRNG 256 at a time: on Node 20 one randomBytes call costs about 7 µs, more than the
// AES-GCM of a typical record or data key. Each IV is copied out and its bytes never handed out again.
const POOL = Buffer.alloc(GCM_IV_BYTES * 256);
let offset = POOL.length;

/** Writes a fresh random 96-bit IV into `target` at `at` and returns that part of `target`. */
export function takeRandomIvInto(target: Buffer, at: number): Buffer {
  if (offset === POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  POOL.copy(target, at, offset, offset + GCM_IV_BYTES);
  offset += GCM_IV_BYTES;
  return target.subarray(at, at + GCM_IV_BYTES);
}
