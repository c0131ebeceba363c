import { createCipheriv, createDecipheriv } from 'node:crypto';
import { CryptoError } from '../../crypto.errors';
import { GCM_IV_BYTES as IV_BYTES, takeRandomIvInto } from '../../keys/infrastructure/random-ivs';

const FORMAT_VERSION = 0x01;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/** Bytes of an individual's data key (AES-256). */
export const DATA_KEY_BYTES = 32;

/**
 * Seals one record under a data key: AES-256-GCM with a fresh random 96-bit IV, `aad` authenticated.
 * Format: 0x01 | iv (12) | tag (16) | ciphertext, written straight into one buffer (it runs for
 * every deposited record).
 */
export function sealEnvelope(dataKey: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const sealed = Buffer.allocUnsafe(HEADER_BYTES + plaintext.length);
  sealed[0] = FORMAT_VERSION;
  const cipher = createCipheriv('aes-256-gcm', dataKey, takeRandomIvInto(sealed, 1), { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  // GCM is a stream mode: the ciphertext is exactly as long as the plaintext, and final() adds nothing.
  const ciphertext = cipher.update(plaintext);
  const rest = cipher.final();
  ciphertext.copy(sealed, HEADER_BYTES);
  rest.copy(sealed, HEADER_BYTES + ciphertext.length);
  cipher.getAuthTag().copy(sealed, 1 + IV_BYTES);
  return sealed;
}

/** Opens what `sealEnvelope` sealed; fails unless key, AAD and every byte are as sealed. */
export function openEnvelope(dataKey: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_VERSION) {
    throw new CryptoError('ENVELOPE_MALFORMED', 'The ciphertext is not in envelope format version 1.');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, sealed.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch (error) {
    throw new CryptoError('ENVELOPE_DECRYPTION_FAILED', 'The ciphertext failed authentication (wrong AAD, key or tampered data).', {
      cause: error,
    });
  }
}

/** The error for an individual whose data key is gone; no subject id in it (personal data in logs). */
export function dataKeyNotFound(): CryptoError {
  return new CryptoError('DATA_KEY_NOT_FOUND', "The individual's data key does not exist (erased, or never created).");
}
