import { randomBytes } from 'node:crypto';
import type { RequestContext } from '@infobank/platform';
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
export class EnvelopeEncryption {
  constructor(
    private readonly keyManagement: KeyManagementService,
    private readonly store: DataKeyStore,
  ) {}

  /** Encrypts one record for the individual, creating their data key on first use. */
  async encrypt(ctx: RequestContext, subjectId: string, plaintext: Buffer, aad: Buffer): Promise<Buffer> {
    const [ciphertext] = await this.encryptMany(ctx, subjectId, [{ plaintext, aad }]);
    return ciphertext;
  }

  /** Encrypts several records of one individual with a single unwrap of their data key. */
  async encryptMany(ctx: RequestContext, subjectId: string, items: readonly EnvelopePlaintext[]): Promise<Buffer[]> {
    const dataKey = await this.obtainDataKey(ctx, subjectId);
    try {
      return items.map((item) => sealEnvelope(dataKey, item.plaintext, item.aad));
    } finally {
      dataKey.fill(0);
    }
  }

  /** Decrypts one record; DATA_KEY_NOT_FOUND once the individual's data was shredded. */
  async decrypt(ctx: RequestContext, subjectId: string, ciphertext: Buffer, aad: Buffer): Promise<Buffer> {
    const [plaintext] = await this.decryptMany(ctx, subjectId, [{ ciphertext, aad }]);
    return plaintext;
  }

  /** Decrypts several records of one individual with a single unwrap of their data key. */
  async decryptMany(ctx: RequestContext, subjectId: string, items: readonly EnvelopeCiphertext[]): Promise<Buffer[]> {
    const stored = await this.store.find(ctx, subjectId);
    if (stored === null) throw dataKeyNotFound();
    const dataKey = await this.keyManagement.unwrapDataKey(stored.kekId, stored.wrappedKey);
    try {
      return items.map((item) => openEnvelope(dataKey, item.ciphertext, item.aad));
    } finally {
      dataKey.fill(0);
    }
  }

  /** Deletes the individual's data key (crypto-shredding); true when there was one to delete. */
  async shred(ctx: RequestContext, subjectId: string): Promise<boolean> {
    return this.store.delete(ctx, subjectId);
  }

  /**
   * The individual's data key, created if absent. Two processes may create one at once: both
   * offer theirs, the store keeps the first, and both then use whatever was stored.
   */
  private async obtainDataKey(ctx: RequestContext, subjectId: string): Promise<Buffer> {
    let stored = await this.store.find(ctx, subjectId);
    if (stored === null) {
      const candidate = randomBytes(DATA_KEY_BYTES);
      const wrapped = await this.keyManagement.wrapDataKey(candidate);
      candidate.fill(0);
      await this.store.insertIfAbsent(ctx, subjectId, wrapped);
      stored = await this.store.find(ctx, subjectId);
      // Shredded between our insert and re-read: erasure wins, nothing is encrypted.
      if (stored === null) throw dataKeyNotFound();
    }
    return this.keyManagement.unwrapDataKey(stored.kekId, stored.wrappedKey);
  }
}
