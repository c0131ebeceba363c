import type { RequestContext } from '@infobank/platform';

/** An individual's data key as stored: only ever in wrapped form. */
export interface StoredDataKey {
  kekId: string;
  wrappedKey: Buffer;
}

/**
 * Where wrapped data keys live, one per individual. Each call runs in `ctx.transaction` when the
 * caller has one open, so callers can join their own transaction.
 */
export interface DataKeyStore {
  find(ctx: RequestContext, subjectId: string): Promise<StoredDataKey | null>;
  /** Stores the key unless the individual already has one; never overwrites. */
  insertIfAbsent(ctx: RequestContext, subjectId: string, dataKey: StoredDataKey): Promise<void>;
  /** Deletes the key (crypto-shredding); true when there was one. */
  delete(ctx: RequestContext, subjectId: string): Promise<boolean>;
}
