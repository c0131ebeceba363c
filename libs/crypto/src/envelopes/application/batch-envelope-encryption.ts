import { randomBytes } from 'node:crypto';
import type { RequestContext } from '@infobank/platform';
import { CryptoError } from '../../crypto.errors';
import type { DataKeyBatchStore } from './data-key-batch-store';
import type { StoredDataKey } from './data-key-store';
import { DATA_KEY_BYTES, dataKeyNotFound, openEnvelope, sealEnvelope } from '../infrastructure/envelope-format';
import type { KeyManagementService } from '../../keys/application/key-management.service';

/**
 * Several individuals' data keys, unwrapped for one unit of work (a deposit batch, a page of
 * records). Seal and open never touch the database; `close()` wipes the keys, so use it in `finally`.
 * Ciphertexts are the same format as EnvelopeEncryption's, and each seal draws a fresh 96-bit IV.
 */
export class OpenedDataKeys {
  private closed = false;

  constructor(private readonly keys: Map<string, Buffer>) {}

  /** True when the individual's data key is open here. */
  has(subjectId: string): boolean {
    return this.keys.has(subjectId);
  }

  /** Encrypts one record of the individual; `aad` must bind it to its row (record id, individual). */
  seal(subjectId: string, plaintext: Buffer, aad: Buffer): Buffer {
    return sealEnvelope(this.key(subjectId), plaintext, aad);
  }

  /** Decrypts one record of the individual with the AAD it was sealed under. */
  open(subjectId: string, ciphertext: Buffer, aad: Buffer): Buffer {
    return openEnvelope(this.key(subjectId), ciphertext, aad);
  }

  /** Wipes every unwrapped key from memory; the object is unusable afterwards. */
  close(): void {
    for (const key of this.keys.values()) key.fill(0);
    this.keys.clear();
    this.closed = true;
  }

  private key(subjectId: string): Buffer {
    if (this.closed) throw new CryptoError('INVALID_ARGUMENT', 'These data keys were closed.');
    const key = this.keys.get(subjectId);
    if (key === undefined) throw dataKeyNotFound();
    return key;
  }
}

/**
 * Envelope encryption for many individuals at once: one read of their wrapped data keys, one insert
 * of the missing ones, one unwrap per individual, however many records each has. Same security as
 * EnvelopeEncryption (per-individual AES-256-GCM keys wrapped by the KMS, random IVs, AAD-bound
 * ciphertexts); unwrapped keys live only as long as the returned OpenedDataKeys, never across calls,
 * so a shred takes effect everywhere at once.
 */
export class BatchEnvelopeEncryption {
  constructor(
    private readonly keyManagement: KeyManagementService,
    private readonly store: DataKeyBatchStore,
  ) {}

  /** The individuals among these who have no data key (not yet, or no more). */
  async withoutDataKey(ctx: RequestContext, subjectIds: Iterable<string>): Promise<string[]> {
    // Only the missing ids travel back: a deposit asks this for thousands of individuals who mostly have keys.
    return (await this.store.findMissing(ctx, unique(subjectIds))).sort();
  }

  /**
   * Creates the data keys these individuals lack. A deposit runs it in a short transaction of its own
   * before its main one: a key inserted in a long transaction would make every other batch for the
   * same individual wait until that one commits.
   */
  async ensureDataKeys(ctx: RequestContext, subjectIds: Iterable<string>): Promise<void> {
    const missing = await this.withoutDataKey(ctx, subjectIds);
    if (missing.length > 0) await this.store.insertManyIfAbsent(ctx, await this.wrapNewKeys(missing));
  }

  /**
   * Opens the data keys of these individuals for writing, creating the missing ones. Two processes
   * creating one individual's key at once agree on the stored one. Run it in the transaction that
   * stores the ciphertexts, so that a rolled-back deposit leaves no key behind.
   */
  async openForWriting(ctx: RequestContext, subjectIds: Iterable<string>): Promise<OpenedDataKeys> {
    // Not sorted here: the store inserts missing keys in subject order (so that concurrent batches insert
    // overlapping keys in one order and never deadlock), and sorting a batch's thousands of ids cost more than reading them.
    const wanted = unique(subjectIds);
    const stored = await this.store.findMany(ctx, wanted);
    const missing = wanted.filter((subjectId) => !stored.has(subjectId));
    if (missing.length > 0) {
      await this.store.insertManyIfAbsent(ctx, await this.wrapNewKeys(missing));
      const settled = await this.store.findMany(ctx, missing);
      // Shredded between our insert and re-read: erasure wins, nothing is encrypted.
      if (settled.size !== missing.length) throw dataKeyNotFound();
      for (const [subjectId, key] of settled) stored.set(subjectId, key);
    }
    return this.unwrapAll(stored);
  }

  /** Opens the existing data keys of these individuals for reading; shredded ones are simply absent. */
  async openForReading(ctx: RequestContext, subjectIds: Iterable<string>): Promise<OpenedDataKeys> {
    return this.unwrapAll(await this.store.findMany(ctx, [...new Set(subjectIds)]));
  }

  /**
   * A fresh data key for each individual, wrapped by the KMS; the plain keys are wiped at once. They are
   * drawn from the CSPRNG in one call (one call per key cost more than its wrapping).
   */
  private async wrapNewKeys(subjectIds: readonly string[]): Promise<Map<string, StoredDataKey>> {
    const created = new Map<string, StoredDataKey>();
    const candidates = randomBytes(DATA_KEY_BYTES * subjectIds.length);
    try {
      for (const [index, subjectId] of subjectIds.entries()) {
        const candidate = candidates.subarray(index * DATA_KEY_BYTES, (index + 1) * DATA_KEY_BYTES);
        created.set(subjectId, await this.keyManagement.wrapDataKey(candidate));
      }
    } finally {
      candidates.fill(0);
    }
    return created;
  }

  private async unwrapAll(stored: ReadonlyMap<string, StoredDataKey>): Promise<OpenedDataKeys> {
    const keys = new Map<string, Buffer>();
    try {
      for (const [subjectId, key] of stored) keys.set(subjectId, await this.keyManagement.unwrapDataKey(key.kekId, key.wrappedKey));
    } catch (error) {
      for (const key of keys.values()) key.fill(0);
      throw error;
    }
    return new OpenedDataKeys(keys);
  }
}

function unique(subjectIds: Iterable<string>): string[] {
  return [...new Set(subjectIds)];
}
