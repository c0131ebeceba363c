import { binaryArray, type RequestContext } from '@infobank/platform';
import { EntityManager, type DataSource } from 'typeorm';
import type { DataKeyBatchStore } from '../application/data-key-batch-store';
import type { StoredDataKey } from '../application/data-key-store';
import { generationOfKekId } from '../../kek-generations/domain/kek-generation-id';

/**
 * Wrapped data keys in Postgres (`data_keys`), many individuals per statement (`= ANY`, `unnest` of
 * binary array parameters: a deposit batch asks about thousands of individuals).
 * Each call runs in `ctx.transaction` when the caller has one open; otherwise it uses the data
 * source's own manager.
 */
export class TypeOrmDataKeyBatchStore implements DataKeyBatchStore {
  private readonly defaultManager: EntityManager;

  constructor(dataSourceOrManager: DataSource | EntityManager) {
    this.defaultManager = dataSourceOrManager instanceof EntityManager ? dataSourceOrManager : dataSourceOrManager.manager;
  }

  async findMany(ctx: RequestContext, subjectIds: readonly string[]): Promise<Map<string, StoredDataKey>> {
    const found = new Map<string, StoredDataKey>();
    if (subjectIds.length === 0) return found;
    const rows: { subject_id: string; kek_id: string; wrapped_key: Buffer }[] = await this.managerOf(ctx).query(
      `SELECT "subject_id", "kek_id", "wrapped_key" FROM "data_keys" WHERE "subject_id" = ANY($1::uuid[])`,
      [binaryArray.uuid(subjectIds)],
    );
    for (const row of rows) found.set(row.subject_id, { kekId: row.kek_id, wrappedKey: row.wrapped_key });
    return found;
  }

  async findMissing(ctx: RequestContext, subjectIds: readonly string[]): Promise<string[]> {
    if (subjectIds.length === 0) return [];
    const rows: { subject_id: string }[] = await this.managerOf(ctx).query(
      `SELECT s."subject_id" FROM unnest($1::uuid[]) AS s("subject_id")
        WHERE NOT EXISTS (SELECT 1 FROM "data_keys" k WHERE k."subject_id" = s."subject_id")`,
      [binaryArray.uuid(subjectIds)],
    );
    return rows.map((row) => row.subject_id);
  }

  async insertManyIfAbsent(ctx: RequestContext, keys: ReadonlyMap<string, StoredDataKey>): Promise<void> {
    if (keys.size === 0) return;
    const entries = [...keys].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    // The primary key elects one data key per individual even when two batches create it at once.
    await this.managerOf(ctx).query(
      `INSERT INTO "data_keys" ("subject_id", "kek_id", "kek_generation", "wrapped_key")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bytea[])
       ON CONFLICT ("subject_id") DO NOTHING`,
      [
        binaryArray.uuid(entries.map(([subjectId]) => subjectId)),
        binaryArray.text(entries.map(([, key]) => key.kekId)),
        binaryArray.int4(entries.map(([, key]) => generationOfKekId(key.kekId))),
        binaryArray.bytea(entries.map(([, key]) => key.wrappedKey)),
      ],
    );
  }

  private managerOf(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.defaultManager;
  }
}
