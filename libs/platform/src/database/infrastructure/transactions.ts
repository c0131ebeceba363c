import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { withTransaction, type RequestContext, type TransactionalContext } from '../../context/application/request-context';
import type { ReadYourWrites } from './read-your-writes';
import { readValue, runPreparedStatement, type ReadPiece, type SqlPiece } from './sql-piece';

/**
 * How application code opens transactions without touching TypeORM: it hands over its context and
 * gets one bound to the transaction (`ctx.transaction`), which it passes on to stores and other use cases.
 */
@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    /** Where an individual's committed writes are remembered, so their next history reads see them (with a read replica). */
    @Optional() private readonly writes?: ReadYourWrites,
  ) {}

  /** Runs `work` in the context's open transaction, or in a new one when the caller has none. */
  run<T>(ctx: RequestContext, work: (tx: TransactionalContext) => Promise<T>): Promise<T> {
    return ctx.transaction === undefined ? this.runOwn(ctx, work) : work(ctx as TransactionalContext);
  }

  /** Runs `work` in a new transaction of its own, never the caller's: what it commits stays committed. */
  async runOwn<T>(ctx: RequestContext, work: (tx: TransactionalContext) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const start = (manager: EntityManager) => work(withTransaction(ctx, manager));
    const result = await (isolation === undefined ? this.dataSource.transaction(start) : this.dataSource.transaction(isolation, start));
    // Committed: an individual's own next reads must see it, also where they would go to the read replica.
    if (ctx.actor.type === 'individual' && this.writes !== undefined) await this.writes.remember(ctx.actor.id);
    return result;
  }

  /**
   * Reads several contexts' read pieces (`readTogether`) as one statement, in the context's transaction when it has one;
   * each owner reads its part back. A read is never routed to the read replica: what it checks, a write acts on.
   */
  read<Value>(ctx: RequestContext, part: ReadPiece<Value>): Promise<Value> {
    return readValue({ transaction: ctx.transaction, dataSource: this.dataSource }, part);
  }

  /**
   * Runs one composed statement (several contexts' pieces) in the context's transaction, or alone as its own
   * transaction when the caller has none: a write that is one statement needs no BEGIN and COMMIT round trips.
   */
  async runStatement<Row>(ctx: RequestContext, statement: SqlPiece): Promise<Row[]> {
    if (ctx.transaction !== undefined)
      return runPreparedStatement<Row>({ transaction: ctx.transaction, dataSource: this.dataSource }, statement);
    const rows = await runPreparedStatement<Row>({ dataSource: this.dataSource }, statement);
    if (ctx.actor.type === 'individual' && this.writes !== undefined) await this.writes.remember(ctx.actor.id);
    return rows;
  }
}
