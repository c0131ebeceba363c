import type { RequestContext } from '@infobank/platform';
import { EntityManager, type DataSource } from 'typeorm';
import type { DataKeyStore, StoredDataKey } from '../application/data-key-store';
import { generationOfKekId } from '../../kek-generations/domain/kek-generation-id';
import { DataKeyEntity } from './data-key.entity';

/**
 * Wrapped data keys in Postgres (`data_keys`). Each call runs in `ctx.transaction` when the caller
 * has one open; otherwise it uses the data source's own manager.
 */
export class TypeOrmDataKeyStore implements DataKeyStore {
  private readonly defaultManager: EntityManager;

  constructor(dataSourceOrManager: DataSource | EntityManager) {
    this.defaultManager = dataSourceOrManager instanceof EntityManager ? dataSourceOrManager : dataSourceOrManager.manager;
  }

  async find(ctx: RequestContext, subjectId: string): Promise<StoredDataKey | null> {
    const manager = this.managerOf(ctx);
    const row = await manager.findOne(DataKeyEntity, { where: { subjectId }, select: { kekId: true, wrappedKey: true, subjectId: true } });
    return row === null ? null : { kekId: row.kekId, wrappedKey: row.wrappedKey };
  }

  async insertIfAbsent(ctx: RequestContext, subjectId: string, dataKey: StoredDataKey): Promise<void> {
    const manager = this.managerOf(ctx);
    // The primary key elects one data key per individual even when two processes create it at once.
    await manager.query(
      `INSERT INTO "data_keys" ("subject_id", "kek_id", "kek_generation", "wrapped_key") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("subject_id") DO NOTHING`,
      [subjectId, dataKey.kekId, generationOfKekId(dataKey.kekId), dataKey.wrappedKey],
    );
  }

  async delete(ctx: RequestContext, subjectId: string): Promise<boolean> {
    const result = await this.managerOf(ctx).delete(DataKeyEntity, { subjectId });
    return (result.affected ?? 0) > 0;
  }

  private managerOf(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.defaultManager;
  }
}
