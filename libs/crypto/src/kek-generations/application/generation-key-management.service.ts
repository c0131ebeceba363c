import { performance } from 'node:perf_hooks';
import { CryptoError } from '../../crypto.errors';
import { unwrapWithKek, wrapWithKek, type KeyManagementService } from '../../keys/application/key-management.service';
import type { KeyEncryptionKeys } from '../../keys/infrastructure/key-material';
import { generationOfKekId, kekIdOfGeneration } from '../domain/kek-generation-id';
import type { KekGenerationFiles } from '../infrastructure/kek-generation-files';

/** How long a process trusts what it read from the database and the generation directory (elapsed time, on the monotonic clock). */
export interface GenerationCacheOptions {
  /** How long the newest generation number is trusted before the database is asked again. */
  newestTtlMs: number;
  /** How long a generation's key stays in memory before its file is read again (so a destroyed one leaves memory). */
  keyTtlMs: number;
}

const DEFAULT_CACHE: GenerationCacheOptions = { newestTtlMs: 5_000, keyTtlMs: 30_000 };

/** Where the newest generation's number comes from: the database (`kek_generations`), null before the first rotation. */
export type NewestGenerationSource = () => Promise<number | null>;

// A wrap inside a caller's transaction must not wait long for a second connection: a stale answer is safe.
const REFRESH_WAIT_MS = 250;

/**
 * The KMS over KEK generation files: new data keys are wrapped under the generation the database calls
 * newest, any generation whose file is still held unwraps, and data keys from before generations existed
 * are unwrapped by the legacy KEKs from config (which also wrap while no generation exists yet). Every
 * process picks up a new generation without restart: the newest is asked for every few seconds, and an
 * unknown generation is read from its file at once. A destroyed generation's key leaves every process's
 * memory within `keyTtlMs`, after which its data keys fail with KEK_NOT_FOUND.
 *
 * A stale answer is harmless: a retired generation still wraps correctly, and the re-wrap moves such keys
 * on; a destroyed one is refused by the database (see the migration AddKekGenerations).
 */
export class GenerationKeyManagementService implements KeyManagementService {
  private newest: { generation: number | null; readAt: number } | undefined;
  private refreshing: Promise<number | null> | undefined;
  private readonly keys = new Map<number, { key: Buffer; readAt: number }>();

  constructor(
    private readonly files: KekGenerationFiles,
    private readonly legacy: KeyEncryptionKeys,
    private readonly newestSource: NewestGenerationSource,
    private readonly cache: GenerationCacheOptions = DEFAULT_CACHE,
  ) {}

  async wrapDataKey(dataKey: Buffer): Promise<{ kekId: string; wrappedKey: Buffer }> {
    const generation = await this.newestGeneration();
    if (generation === null) {
      const kekId = this.legacy.currentKekId;
      return { kekId, wrappedKey: wrapWithKek(kekId, this.legacyKek(kekId), dataKey) };
    }
    return this.wrapUnderGeneration(dataKey, generation);
  }

  /** Wraps under one named generation (the re-wrap uses it for the generation the database calls newest). */
  async wrapUnderGeneration(dataKey: Buffer, generation: number): Promise<{ kekId: string; wrappedKey: Buffer }> {
    const kekId = kekIdOfGeneration(generation);
    return { kekId, wrappedKey: wrapWithKek(kekId, await this.generationKey(generation), dataKey) };
  }

  async unwrapDataKey(kekId: string, wrappedKey: Buffer): Promise<Buffer> {
    const generation = generationOfKekId(kekId);
    const kek = generation === null ? this.legacyKek(kekId) : await this.generationKey(generation);
    return unwrapWithKek(kekId, kek, wrappedKey);
  }

  /** Forgets everything read from the directory (after a rotation or destruction in this process). */
  forget(): void {
    this.newest = undefined;
    this.keys.clear();
  }

  private async newestGeneration(): Promise<number | null> {
    const known = this.newest;
    if (known !== undefined && performance.now() - known.readAt < this.cache.newestTtlMs) return known.generation;
    this.refreshing ??= this.newestSource()
      .then((generation) => {
        this.newest = { generation, readAt: performance.now() };
        return generation;
      })
      .finally(() => (this.refreshing = undefined));
    if (known === undefined) return this.refreshing;
    const fallback = new Promise<number | null>((settle) => setTimeout(() => settle(known.generation), REFRESH_WAIT_MS).unref());
    return Promise.race([this.refreshing, fallback]).catch(() => known.generation);
  }

  private async generationKey(generation: number): Promise<Buffer> {
    const now = performance.now();
    const cached = this.keys.get(generation);
    if (cached !== undefined && now - cached.readAt < this.cache.keyTtlMs) return cached.key;
    // A replaced key is dropped, not wiped: a wrap or unwrap in flight may still hold it.
    const key = await this.files.read(generation);
    if (key === undefined) {
      this.keys.delete(generation);
      throw new CryptoError('KEK_NOT_FOUND', `Key-encryption key generation ${generation} is not held (destroyed, or never made).`);
    }
    this.keys.set(generation, { key, readAt: now });
    return key;
  }

  private legacyKek(kekId: string): Buffer {
    const kek = this.legacy.keys.get(kekId);
    if (kek === undefined) throw new CryptoError('KEK_NOT_FOUND', `No key-encryption key "${kekId}" is configured.`);
    return kek;
  }
}
