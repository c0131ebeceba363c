import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { derivePurposeKey } from './keyed-digest';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM under a key derived (HKDF-SHA-256, RFC 5869) from one of the bank's secrets for one named
 * purpose: small values the bank hands out and takes back (a page cursor that carries a provision's time),
 * unreadable and unforgeable to anyone without the secret. Sealing the same value twice gives different
 * bytes (a fresh nonce each time), so a sealed value reveals nothing, not even equality.
 */
export class KeyedSeal {
  private constructor(private readonly key: Buffer) {}

  /** The seal for `purpose` (a fixed, versioned label such as `infobank/provision/history-cursor/v1`). */
  static derive(secret: Buffer, purpose: string): KeyedSeal {
    return new KeyedSeal(derivePurposeKey(secret, purpose, 'A keyed seal'));
  }

  /** nonce ‖ ciphertext ‖ tag: 28 bytes longer than `plaintext`. */
  seal(plaintext: Buffer): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]);
  }

  /** The plaintext of a value this seal made; null for anything else (altered, truncated, or sealed for another purpose). */
  open(sealed: Buffer): Buffer | null {
    if (sealed.length < NONCE_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
  }

  toJSON(): string {
    return '[KeyedSeal redacted]';
  }
}
