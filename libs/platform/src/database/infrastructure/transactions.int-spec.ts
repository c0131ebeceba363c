import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../../test/support/platform';
import { createRequestContext, withTransaction } from '../../context/application/request-context';
import { Transactions } from './transactions';

describe('Transactions', () => {
  let dataSource: DataSource;
  let transactions: Transactions;
  const ctx = createRequestContext({ type: 'system', name: 'test' });
  const backendPid = async (manager: { query(sql: string): Promise<{ pid: number }[]> }) =>
    (await manager.query('SELECT pg_backend_pid() AS pid, txid_current() AS txid'))[0];

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    transactions = new Transactions(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('opens a transaction and binds the context to it, keeping actor, correlation id and clock', async () => {
    await transactions.run(ctx, async (tx) => {
      expect(tx.transaction.queryRunner?.isTransactionActive).toBe(true);
      expect([tx.actor, tx.correlationId, tx.now]).toEqual([ctx.actor, ctx.correlationId, ctx.now]);
    });
  });

  it("runs inside the caller's open transaction when the context has one", async () => {
    await dataSource.transaction(async (manager) => {
      const outer = await backendPid(manager);
      await transactions.run(withTransaction(ctx, manager), async (tx) => {
        expect(tx.transaction).toBe(manager);
        expect(await backendPid(tx.transaction)).toEqual(outer);
      });
    });
  });

  it('runOwn always opens a new transaction, even inside another', async () => {
    await dataSource.transaction(async (manager) => {
      const outer = await backendPid(manager);
      await transactions.runOwn(withTransaction(ctx, manager), async (tx) => {
        expect(tx.transaction).not.toBe(manager);
        expect(await backendPid(tx.transaction)).not.toEqual(outer);
      });
    });
  });
});
