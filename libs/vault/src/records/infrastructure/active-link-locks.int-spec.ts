import { buildDataSourceOptions, createRequestContext, Transactions, type TransactionalContext } from '@infobank/platform';
import { SCHEMA } from '@infobank/migrations';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { insertActiveProvider, testConfig } from '../../../../../test/support/platform';
import { ProviderLinkStore } from '../../links/infrastructure/provider-link.store';
import { lockActiveLinks } from './active-link-locks';

/** A transaction left open until `finish` is called: what a deposit batch in flight looks like to others. */
interface OpenTransaction<T> {
  result: Promise<T>;
  finish: () => void;
  done: Promise<void>;
}

describe('a deposit and the end of a link (the provider links lock)', () => {
  const ctx = createRequestContext({ type: 'system', name: 'test' });
  let dataSource: DataSource;
  let transactions: Transactions;
  let store: ProviderLinkStore;

  function open<T>(work: (tx: TransactionalContext) => Promise<T>): OpenTransaction<T> {
    let finish = () => {};
    const release = new Promise<void>((resolve) => (finish = resolve));
    let resolveResult: (value: T) => void = () => {};
    const result = new Promise<T>((resolve) => (resolveResult = resolve));
    const done = transactions.run(ctx, async (tx) => {
      resolveResult(await work(tx));
      await release;
    });
    return { result, finish, done };
  }

  /** Resolves once some session waits for an advisory lock (what the deposit or the end of a link must do). */
  async function someoneWaitsForAdvisoryLock(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const [{ waiting }] = await dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()`,
      );
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('nobody waited for an advisory lock');
  }

  async function settled(promise: Promise<unknown>): Promise<boolean> {
    return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200))]);
  }

  /** A new individual with an active link of the provider under a fresh customer reference. */
  async function linkedIndividual(providerId: string): Promise<{ individualId: string; linkId: string; customerRef: string }> {
    const [{ id: individualId }] = await dataSource.query(
      `INSERT INTO accounts (id, kind, email, password_hash, display_name, language)
       VALUES (gen_random_uuid(), 'individual', 'lock.' || gen_random_uuid() || '@example.jp', 'x', 'lock', 'ja') RETURNING id`,
    );
    const linkId = randomUUID();
    const customerRef = `CUST-${randomUUID()}`;
    await dataSource.query(
      `INSERT INTO provider_links (id, individual_id, provider_id, categories, status, code_expires_at, customer_ref, linked_at)
       VALUES ($1, $2, $3, ARRAY['purchase.receipts'], 'active', now(), $4, now())`,
      [linkId, individualId, providerId, customerRef],
    );
    return { individualId, linkId, customerRef };
  }

  async function statusOf(linkId: string): Promise<string | undefined> {
    const rows: { status: string }[] = await dataSource.query(`SELECT status FROM provider_links WHERE id = $1`, [linkId]);
    return rows[0]?.status;
  }

  beforeAll(async () => {
    dataSource = await new DataSource(buildDataSourceOptions(testConfig(), SCHEMA, { applicationName: 'infobank-test' })).initialize();
    transactions = new Transactions(dataSource);
    store = new ProviderLinkStore(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  const ends: [
    string,
    (tx: TransactionalContext, link: { providerId: string; individualId: string; linkId: string; customerRef: string }) => Promise<unknown>,
  ][] = [
    ['removal by the individual', (tx, link) => store.removeOwn(tx, link.linkId, link.individualId, new Date())],
    ['removal by the provider', (tx, link) => store.removeByCustomerRef(tx, link.providerId, link.customerRef, new Date())],
    [
      'replacement at a redemption',
      async (tx, link) => {
        await store.lockForRedemption(tx, link.individualId, link.providerId, `CUST-${randomUUID()}`);
        await store.removeActiveOf(tx, link.providerId, link.individualId, new Date());
      },
    ],
    ['account closure', (tx, link) => store.deleteAllOf(tx, link.individualId)],
  ];

  it.each(ends)('%s waits for a deposit in flight under the link, and ends it once the deposit commits', async (_name, end) => {
    const providerId = await insertActiveProvider(dataSource);
    const link = { providerId, ...(await linkedIndividual(providerId)) };
    const deposit = open((tx) => lockActiveLinks(tx, providerId, [link.linkId]));
    expect(await deposit.result).toEqual(new Set([link.linkId]));

    const ending = transactions.run(ctx, (tx) => end(tx, link));
    await someoneWaitsForAdvisoryLock();
    expect(await settled(ending)).toBe(false);
    expect(await statusOf(link.linkId)).toBe('active');

    deposit.finish();
    await deposit.done;
    await ending;
    expect(await statusOf(link.linkId)).not.toBe('active');
  });

  it('a deposit waits for an end of a link not yet committed, then no longer counts the link', async () => {
    const providerId = await insertActiveProvider(dataSource);
    const link = { providerId, ...(await linkedIndividual(providerId)) };
    const other = await linkedIndividual(providerId);
    const removal = open((tx) => store.removeByCustomerRef(tx, providerId, link.customerRef, new Date()));
    expect(await removal.result).toBe(true);

    const deposit = open((tx) => lockActiveLinks(tx, providerId, [link.linkId, other.linkId]));
    await someoneWaitsForAdvisoryLock();
    expect(await settled(deposit.result)).toBe(false);

    removal.finish();
    await removal.done;
    expect(await deposit.result).toEqual(new Set([other.linkId]));
    deposit.finish();
    await deposit.done;
  });

  it("deposits of one provider do not wait for each other, nor for the end of another provider's link, and write no link row", async () => {
    const providerId = await insertActiveProvider(dataSource);
    const otherProviderId = await insertActiveProvider(dataSource);
    const link = await linkedIndividual(providerId);
    const elsewhere = { providerId: otherProviderId, ...(await linkedIndividual(otherProviderId)) };
    const [{ xmin: before }] = await dataSource.query(`SELECT xmin::text FROM provider_links WHERE id = $1`, [link.linkId]);

    const first = open((tx) => lockActiveLinks(tx, providerId, [link.linkId]));
    const second = open((tx) => lockActiveLinks(tx, providerId, [link.linkId]));
    expect(await first.result).toEqual(new Set([link.linkId]));
    expect(await second.result).toEqual(new Set([link.linkId]));
    await transactions.run(ctx, (tx) => store.removeOwn(tx, elsewhere.linkId, elsewhere.individualId, new Date()));
    expect(await statusOf(elsewhere.linkId)).toBe('removed');
    const [{ xmax }] = await dataSource.query(`SELECT xmax::text FROM provider_links WHERE id = $1`, [link.linkId]);
    expect(xmax).toBe('0');

    first.finish();
    second.finish();
    await Promise.all([first.done, second.done]);
    expect((await dataSource.query(`SELECT xmin::text FROM provider_links WHERE id = $1`, [link.linkId]))[0].xmin).toBe(before);
  });
});
