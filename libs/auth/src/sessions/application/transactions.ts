import type { RequestContext } from '@infobank/platform';
import type { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in the context's open transaction, or in a new one when the caller has none. */
export function inTransaction<T>(ctx: RequestContext, dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return ctx.transaction === undefined ? dataSource.transaction(work) : work(ctx.transaction);
}
