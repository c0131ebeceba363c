import { createHmac, hkdfSync } from 'node:crypto';
import { CryptoError } from '../../crypto.errors';

const DIGEST_KEY_BYTES = 32;
const LENGTH_BYTES = 4;

/** A 32-byte key for one named purpose, derived from one of the bank's secrets (HKDF-SHA-256, RFC 5869, no salt). */
export function derivePurposeKey(secret: Buffer, purpose: string, what: string): Buffer {
  if (secret.length < 32) throw new CryptoError('KEY_MATERIAL_INVALID', `${what} needs a secret of at least 32 bytes.`);
  if (purpose.length === 0) throw new CryptoError('INVALID_ARGUMENT', `${what} needs a purpose label.`);
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), Buffer.from(purpose, 'utf8'), DIGEST_KEY_BYTES));
}

/**
 * HMAC-SHA-256 under a key derived (HKDF-SHA-256, RFC 5869) from one of the bank's secrets for one
 * named purpose, e.g. the content digest of deposited records. A keyed digest of personal data
 * reveals nothing to someone without the bank's secret (a plain hash could be guessed back), and
 * keys of different purposes are independent, so digests of one use cannot be matched to another's.
 */
export class KeyedDigest {
  private constructor(private readonly key: Buffer) {}

  /** The digest for `purpose` (a fixed, versioned label such as `infobank/vault/record-content/v1`). */
  static derive(secret: Buffer, purpose: string): KeyedDigest {
    return new KeyedDigest(derivePurposeKey(secret, purpose, 'A keyed digest'));
  }

  /**
   * HMAC-SHA-256 of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. The
   * prefixed parts are laid out in one buffer and hashed in one call: it runs for every deposited record.
   */
  digest(...parts: readonly (string | Buffer)[]): Buffer {
    let size = 0;
    for (const part of parts) size += LENGTH_BYTES + (typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.length);
    const input = Buffer.allocUnsafe(size);
    let offset = 0;
    for (const part of parts) {
      const length = typeof part === 'string' ? input.write(part, offset + LENGTH_BYTES, 'utf8') : part.copy(input, offset + LENGTH_BYTES);
      input.writeUInt32BE(length, offset);
      offset += LENGTH_BYTES + length;
    }
    return createHmac('sha256', this.key).update(input).digest();
  }

  toJSON(): string {
    return '[KeyedDigest redacted]';
  }
}
