import type { RequestContext } from '@infobank/platform';
import type { StoredDataKey } from './data-key-store';

/**
 * Wrapped data keys read and written many individuals at a time (one round trip for a whole deposit
 * batch). Each call runs in `ctx.transaction` when the caller has one open, as for DataKeyStore.
 */
export interface DataKeyBatchStore {
  /** The stored keys of these individuals; individuals without one are absent from the map. */
  findMany(ctx: RequestContext, subjectIds: readonly string[]): Promise<Map<string, StoredDataKey>>;
  /** The individuals among these who have no stored key (usually none: only their ids come back). */
  findMissing(ctx: RequestContext, subjectIds: readonly string[]): Promise<string[]>;
  /** Stores each key unless its individual already has one; never overwrites. In subject order, so that concurrent inserts of overlapping keys never deadlock. */
  insertManyIfAbsent(ctx: RequestContext, keys: ReadonlyMap<string, StoredDataKey>): Promise<void>;
}
