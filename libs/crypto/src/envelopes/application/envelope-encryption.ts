import { randomBytes } from 'node:crypto';
import type { DataKeyStore } from './data-key-store';
import { DATA_KEY_BYTES, dataKeyNotFound, openEnvelope, sealEnvelope } from '../infrastructure/envelope-format';
import type { KeyManagementService } from '../../keys/application/key-management.service';

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
      return items.map((item) => sealEnvelope(dataKey, item.plaintext, item.aad));
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
      return items.map((item) => openEnvelope(dataKey, item.ciphertext, item.aad));
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
