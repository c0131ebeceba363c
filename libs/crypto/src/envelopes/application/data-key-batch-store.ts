import type { StoredDataKey } from './data-key-store';

/**
 * Wrapped data keys read and written many individuals at a time (one round trip for a whole deposit
 * batch). `Transaction` is the caller's unit of work, as for DataKeyStore.
 */
export interface DataKeyBatchStore<Transaction = unknown> {
  /** The stored keys of these individuals; individuals without one are absent from the map. */
  findMany(subjectIds: readonly string[], transaction?: Transaction): Promise<Map<string, StoredDataKey>>;
  /** Stores each key unless its individual already has one; never overwrites. */
  insertManyIfAbsent(keys: ReadonlyMap<string, StoredDataKey>, transaction?: Transaction): Promise<void>;
}
