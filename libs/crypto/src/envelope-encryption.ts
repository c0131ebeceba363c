import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from './crypto.errors';
import type { DataKeyStore } from './data-key-store';
import type { KeyManagementService } from './key-management.service';

const FORMAT_VERSION = 0x01;
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/** One record to encrypt for an individual; `aad` binds the ciphertext to its context (e.g. record id). */
export interface EnvelopePlaintext {
  plaintext: Buffer;
  aad: Buffer;
}

/** One record to decrypt for an individual, with the AAD it was encrypted under. */
export interface EnvelopeCiphertext {
  ciphertext: Buffer;
  aad: Buffer;
}

/**
 * Encrypts an individual's deposited data under their own data key (AES-256-GCM), the data key
 * wrapped by the KMS. Deleting the data key (`shred`) makes all their ciphertexts unreadable.
 * Ciphertext: 0x01 | iv (12) | tag (16) | ciphertext.
 *
 * Unwrapped keys are never cached between calls, so a shred takes effect in every process at once.
 */
export class EnvelopeEncryption<Transaction = unknown> {
  constructor(
    private readonly keyManagement: KeyManagementService,
    private readonly store: DataKeyStore<Transaction>,
  ) {}

  /** Encrypts one record for the individual, creating their data key on first use. */
  async encrypt(subjectId: string, plaintext: Buffer, aad: Buffer, transaction?: Transaction): Promise<Buffer> {
    const [ciphertext] = await this.encryptMany(subjectId, [{ plaintext, aad }], transaction);
    return ciphertext;
  }

  /** Encrypts several records of one individual with a single unwrap of their data key. */
  async encryptMany(subjectId: string, items: readonly EnvelopePlaintext[], transaction?: Transaction): Promise<Buffer[]> {
    const dataKey = await this.obtainDataKey(subjectId, transaction);
    try {
      return items.map((item) => sealRecord(dataKey, item.plaintext, item.aad));
    } finally {
      dataKey.fill(0);
    }
  }

  /** Decrypts one record; DATA_KEY_NOT_FOUND once the individual's data was shredded. */
  async decrypt(subjectId: string, ciphertext: Buffer, aad: Buffer, transaction?: Transaction): Promise<Buffer> {
    const [plaintext] = await this.decryptMany(subjectId, [{ ciphertext, aad }], transaction);
    return plaintext;
  }

  /** Decrypts several records of one individual with a single unwrap of their data key. */
  async decryptMany(subjectId: string, items: readonly EnvelopeCiphertext[], transaction?: Transaction): Promise<Buffer[]> {
    const stored = await this.store.find(subjectId, transaction);
    if (stored === null) throw dataKeyNotFound();
    const dataKey = await this.keyManagement.unwrapDataKey(stored.kekId, stored.wrappedKey);
    try {
      return items.map((item) => openRecord(dataKey, item.ciphertext, item.aad));
    } finally {
      dataKey.fill(0);
    }
  }

  /** Deletes the individual's data key (crypto-shredding); true when there was one to delete. */
  async shred(subjectId: string, transaction?: Transaction): Promise<boolean> {
    return this.store.delete(subjectId, transaction);
  }

  /**
   * The individual's data key, created if absent. Two processes may create one at once: both
   * offer theirs, the store keeps the first, and both then use whatever was stored.
   */
  private async obtainDataKey(subjectId: string, transaction?: Transaction): Promise<Buffer> {
    let stored = await this.store.find(subjectId, transaction);
    if (stored === null) {
      const candidate = randomBytes(DATA_KEY_BYTES);
      const wrapped = await this.keyManagement.wrapDataKey(candidate);
      candidate.fill(0);
      await this.store.insertIfAbsent(subjectId, wrapped, transaction);
      stored = await this.store.find(subjectId, transaction);
      // Shredded between our insert and re-read: erasure wins, nothing is encrypted.
      if (stored === null) throw dataKeyNotFound();
    }
    return this.keyManagement.unwrapDataKey(stored.kekId, stored.wrappedKey);
  }
}

function sealRecord(dataKey: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, cipher.getAuthTag(), ciphertext]);
}

function openRecord(dataKey: Buffer, sealed: Buffer, aad: Buffer): Buffer {
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

function dataKeyNotFound(): CryptoError {
  // No subject id in the message: it is personal data in the sense of the logs.
  return new CryptoError('DATA_KEY_NOT_FOUND', "The individual's data key does not exist (erased, or never created).");
}
