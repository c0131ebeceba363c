import { createCipheriv, createDecipheriv } from 'node:crypto';
import { CryptoError } from '../../crypto.errors';
import type { KeyEncryptionKeys } from '../infrastructure/key-material';
import { GCM_IV_BYTES, takeRandomIvInto } from '../infrastructure/random-ivs';

/**
 * The small KMS seam: wraps and unwraps individuals' data keys with a key-encryption key the
 * application never sees directly. A cloud KMS or HSM can implement it later.
 */
export interface KeyManagementService {
  wrapDataKey(dataKey: Buffer): Promise<{ kekId: string; wrappedKey: Buffer }>;
  unwrapDataKey(kekId: string, wrappedKey: Buffer): Promise<Buffer>;
}

const IV_BYTES = GCM_IV_BYTES;
const TAG_BYTES = 16;

/**
 * Wraps a data key under one KEK: AES-256-GCM, wrapped = iv | tag | ciphertext, the kek id as AAD.
 * Written straight into one buffer, with an IV from the shared pool: a deposit wraps thousands at a time.
 */
export function wrapWithKek(kekId: string, kek: Buffer, dataKey: Buffer): Buffer {
  const wrapped = Buffer.allocUnsafe(IV_BYTES + TAG_BYTES + dataKey.length);
  const cipher = createCipheriv('aes-256-gcm', kek, takeRandomIvInto(wrapped, 0), { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(kekId, 'utf8'));
  // GCM is a stream mode: the ciphertext is exactly as long as the key, and final() adds nothing.
  const ciphertext = cipher.update(dataKey);
  const rest = cipher.final();
  ciphertext.copy(wrapped, IV_BYTES + TAG_BYTES);
  rest.copy(wrapped, IV_BYTES + TAG_BYTES + ciphertext.length);
  cipher.getAuthTag().copy(wrapped, IV_BYTES);
  return wrapped;
}

/** Opens what `wrapWithKek` wrapped; KEY_UNWRAP_FAILED unless the KEK, its id and every byte match. */
export function unwrapWithKek(kekId: string, kek: Buffer, wrappedKey: Buffer): Buffer {
  if (wrappedKey.length <= IV_BYTES + TAG_BYTES) {
    throw new CryptoError('KEY_UNWRAP_FAILED', `The data key wrapped by "${kekId}" is too short.`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, wrappedKey.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(kekId, 'utf8'));
    decipher.setAuthTag(wrappedKey.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(wrappedKey.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch (error) {
    throw new CryptoError('KEY_UNWRAP_FAILED', `The data key wrapped by "${kekId}" failed authentication.`, { cause: error });
  }
}

/**
 * KMS over key-encryption keys from config: AES-256-GCM, wrapped = iv | tag | ciphertext, with
 * the kek id as AAD so a wrapped key cannot be passed off as wrapped by another KEK.
 */
export class LocalKeyManagementService implements KeyManagementService {
  constructor(private readonly keyEncryptionKeys: KeyEncryptionKeys) {}

  async wrapDataKey(dataKey: Buffer): Promise<{ kekId: string; wrappedKey: Buffer }> {
    const kekId = this.keyEncryptionKeys.currentKekId;
    return { kekId, wrappedKey: wrapWithKek(kekId, this.kek(kekId), dataKey) };
  }

  async unwrapDataKey(kekId: string, wrappedKey: Buffer): Promise<Buffer> {
    return unwrapWithKek(kekId, this.kek(kekId), wrappedKey);
  }

  private kek(kekId: string): Buffer {
    const kek = this.keyEncryptionKeys.keys.get(kekId);
    if (kek === undefined) throw new CryptoError('KEK_NOT_FOUND', `No key-encryption key "${kekId}" is configured.`);
    return kek;
  }
}
