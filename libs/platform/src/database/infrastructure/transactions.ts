import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { withTransaction, type RequestContext, type TransactionalContext } from '../../context/application/request-context';

/**
 * How application code opens transactions without touching TypeORM: it hands over its context and
 * gets one bound to the transaction (`ctx.transaction`), which it passes on to stores and other use cases.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in the context's open transaction, or in a new one when the caller has none. */
  run<T>(ctx: RequestContext, work: (tx: TransactionalContext) => Promise<T>): Promise<T> {
    return ctx.transaction === undefined ? this.runOwn(ctx, work) : work(ctx as TransactionalContext);
  }

  /** Runs `work` in a new transaction of its own, never the caller's: what it commits stays committed. */
  runOwn<T>(ctx: RequestContext, work: (tx: TransactionalContext) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const start = (manager: EntityManager) => work(withTransaction(ctx, manager));
    return isolation === undefined ? this.dataSource.transaction(start) : this.dataSource.transaction(isolation, start);
  }
}
