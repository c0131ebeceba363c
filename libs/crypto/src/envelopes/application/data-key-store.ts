/** An individual's data key as stored: only ever in wrapped form. */
export interface StoredDataKey {
  kekId: string;
  wrappedKey: Buffer;
}

/**
 * Where wrapped data keys live, one per individual. `Transaction` is the store's unit of work
 * (a TypeORM EntityManager for the Postgres store) so callers can join their own transaction.
 */
export interface DataKeyStore<Transaction = unknown> {
  find(subjectId: string, transaction?: Transaction): Promise<StoredDataKey | null>;
  /** Stores the key unless the individual already has one; never overwrites. */
  insertIfAbsent(subjectId: string, dataKey: StoredDataKey, transaction?: Transaction): Promise<void>;
  /** Deletes the key (crypto-shredding); true when there was one. */
  delete(subjectId: string, transaction?: Transaction): Promise<boolean>;
}
