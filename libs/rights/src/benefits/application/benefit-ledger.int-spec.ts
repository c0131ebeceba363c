import { createRequestContext, ValidationFailedError, withTransaction } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openTestDataSource, testConfig } from '../../../../../test/support/platform';
import { BenefitEntryStore } from '../infrastructure/benefit-entry.store';
import { BenefitLedger } from './benefit-ledger';
import { GetMyBenefitsUseCase } from './get-my-benefits.use-case';
import type { BenefitCredit, BenefitEntryView, BenefitType } from '../domain/benefit';

describe('the benefits ledger (便益): credit, append-only, balance and pages', () => {
  let dataSource: DataSource;
  let getMyBenefits: GetMyBenefitsUseCase;
  let ledger: BenefitLedger;
  const system = createRequestContext({ type: 'system', name: 'test' });

  const credit = (individualId: string, creditedAt: Date, type: BenefitType, amount?: number): BenefitCredit => ({
    individualId,
    provisionId: randomUUID(),
    offerId: randomUUID(),
    recipientId: randomUUID(),
    recipientName: { ja: '株式会社テスト', en: 'Test KK' },
    purposeText: { ja: '商品開発', en: 'Product development' },
    benefit: { type, amount, description: { ja: `${type} の便益` } },
    creditedAt,
  });
  const creditAll = (credits: BenefitCredit[]) =>
    dataSource.transaction((manager) => ledger.credit(withTransaction(system, manager), credits));
  const benefitsOf = (individualId: string, query: { cursor?: string; limit?: string | number } = {}) =>
    getMyBenefits.execute(createRequestContext({ type: 'individual', id: individualId }), query);
  const countOf = async (individualId: string): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM "benefit_entries" WHERE "individual_id" = $1`, [individualId]))[0].n);

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const entries = new BenefitEntryStore(dataSource);
    ledger = new BenefitLedger(entries);
    getMyBenefits = new GetMyBenefitsUseCase(entries);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('inserts one entry per credit, with every field as credited', async () => {
    const individualId = randomUUID();
    const points = credit(individualId, new Date('2026-03-01T09:00:00.123Z'), 'points', 300);
    const social = credit(individualId, new Date('2026-03-02T09:00:00Z'), 'social');
    expect(await creditAll([points, social])).toBe(2);
    const { entries } = await benefitsOf(individualId);
    expect(entries).toEqual([
      expect.objectContaining({ provisionId: social.provisionId, type: 'social', amount: null }),
      {
        id: expect.any(String),
        provisionId: points.provisionId,
        offerId: points.offerId,
        recipient: { id: points.recipientId, name: { ja: '株式会社テスト', en: 'Test KK' } },
        purpose: { ja: '商品開発', en: 'Product development' },
        type: 'points',
        amount: 300,
        description: { ja: 'points の便益' },
        creditedAt: '2026-03-01T09:00:00.123Z',
      },
    ]);
  });

  it('credits a provision once, however often it is credited', async () => {
    const individualId = randomUUID();
    const once = credit(individualId, new Date(), 'yen', 100);
    expect(await creditAll([once])).toBe(1);
    expect(await creditAll([once, { ...once, benefit: { ...once.benefit, amount: 999 } }])).toBe(0);
    expect(await countOf(individualId)).toBe(1);
    expect((await benefitsOf(individualId)).balance.yen).toBe(100);
  });

  it("credits a delivery's provisions under its shared terms: one entry each, every field as credited, each provision once", async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const terms = credit(first, new Date('2026-03-04T05:06:07.891Z'), 'points', 40);
    const provisions = [
      { individualId: first, provisionId: randomUUID() },
      { individualId: second, provisionId: randomUUID() },
      { individualId: second, provisionId: randomUUID() },
    ];
    const creditDelivery = (batch: typeof provisions) =>
      dataSource.transaction((manager) => ledger.creditDelivery(withTransaction(system, manager), terms, batch));
    expect(await creditDelivery(provisions)).toBe(3);
    expect(await creditDelivery([provisions[0], { individualId: first, provisionId: randomUUID() }])).toBe(1);
    const entry = (provisionId: string) => ({
      id: expect.any(String),
      provisionId,
      offerId: terms.offerId,
      recipient: { id: terms.recipientId, name: { ja: '株式会社テスト', en: 'Test KK' } },
      purpose: { ja: '商品開発', en: 'Product development' },
      type: 'points',
      amount: 40,
      description: { ja: 'points の便益' },
      creditedAt: '2026-03-04T05:06:07.891Z',
    });
    expect((await benefitsOf(second)).entries).toEqual(
      expect.arrayContaining([entry(provisions[1].provisionId), entry(provisions[2].provisionId)]),
    );
    expect((await benefitsOf(second)).balance.points).toBe(80);
    expect((await benefitsOf(first)).balance.points).toBe(80);
    expect(await countOf(first)).toBe(2);
    const social = { ...credit(first, new Date(), 'social'), provisionId: undefined };
    expect(
      await dataSource.transaction((manager) =>
        ledger.creditDelivery(withTransaction(system, manager), social, [{ individualId: second, provisionId: randomUUID() }]),
      ),
    ).toBe(1);
    expect((await benefitsOf(second)).balance).toEqual({ points: 80, yen: 0, services: 0, social: 1 });
  });

  it('writes inside the caller transaction: nothing remains when it rolls back', async () => {
    const individualId = randomUUID();
    await expect(
      dataSource.transaction(async (manager) => {
        await ledger.credit(withTransaction(system, manager), [credit(individualId, new Date(), 'points', 1)]);
        throw new Error('the provision failed');
      }),
    ).rejects.toThrow('the provision failed');
    expect(await countOf(individualId)).toBe(0);
  });

  it('credits 1,500 provisions in two statements, quickly', async () => {
    const individualId = randomUUID();
    const credits = Array.from({ length: 1500 }, (_, index) =>
      credit(individualId, new Date(Date.UTC(2026, 0, 1, 0, 0, index)), 'points', 1),
    );
    const started = performance.now();
    expect(await creditAll(credits)).toBe(1500);
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await benefitsOf(individualId)).balance.points).toBe(1500);
  });

  it('refuses UPDATE, DELETE and TRUNCATE (benefit_entries is append-only), even to the owner role', async () => {
    const individualId = randomUUID();
    await creditAll([credit(individualId, new Date(), 'points', 10)]);
    // The runtime role holds no such privilege at all (least-privilege.int-spec); the trigger holds for the owner too.
    const owner = await openTestDataSource(testConfig(), 'migration');
    try {
      await expect(owner.query(`UPDATE "benefit_entries" SET "amount" = 20 WHERE "individual_id" = $1`, [individualId])).rejects.toThrow(
        /benefit_entries is append-only/,
      );
      await expect(owner.query(`DELETE FROM "benefit_entries" WHERE "individual_id" = $1`, [individualId])).rejects.toThrow(
        /benefit_entries is append-only/,
      );
      await expect(owner.query(`TRUNCATE "benefit_entries"`)).rejects.toThrow(/benefit_entries is append-only/);
    } finally {
      await owner.destroy();
    }
    expect((await benefitsOf(individualId)).balance.points).toBe(10);
  });

  it('refuses an amount that is not positive', async () => {
    await expect(creditAll([credit(randomUUID(), new Date(), 'points', 0)])).rejects.toThrow(/ck_benefit_entries_amount/);
  });

  it('sums points and yen, counts services and social goods, over all my entries and only mine', async () => {
    const [me, other] = [randomUUID(), randomUUID()];
    await creditAll([
      credit(me, new Date('2026-01-01T00:00:00Z'), 'points', 100),
      credit(me, new Date('2026-01-02T00:00:00Z'), 'points', 50),
      credit(me, new Date('2026-01-03T00:00:00Z'), 'yen', 500),
      credit(me, new Date('2026-01-04T00:00:00Z'), 'service', 3),
      credit(me, new Date('2026-01-05T00:00:00Z'), 'service'),
      credit(me, new Date('2026-01-06T00:00:00Z'), 'social'),
      credit(other, new Date('2026-01-07T00:00:00Z'), 'points', 7000),
    ]);
    expect((await benefitsOf(me, { limit: 1 })).balance).toEqual({ points: 150, yen: 500, services: 2, social: 1 });
    expect((await benefitsOf(randomUUID())).balance).toEqual({ points: 0, yen: 0, services: 0, social: 0 });
  });

  it('pages newest first; the cursor continues without overlap or gap, even within one microsecond', async () => {
    const [me, other] = [randomUUID(), randomUUID()];
    const sameInstant = new Date('2026-02-01T00:00:00.500Z');
    const mine = [
      credit(me, new Date('2026-02-03T00:00:00Z'), 'points', 3),
      credit(me, sameInstant, 'points', 2),
      credit(me, sameInstant, 'points', 2),
      credit(me, sameInstant, 'points', 2),
      credit(me, new Date('2026-01-01T00:00:00Z'), 'points', 1),
    ];
    await creditAll([...mine, credit(other, new Date('2026-02-02T00:00:00Z'), 'yen', 9)]);

    const seen: BenefitEntryView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await benefitsOf(me, { cursor, limit: '2' });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);

    expect(pages).toBe(3);
    expect(seen.map((entry) => entry.provisionId).sort()).toEqual(mine.map((entry) => entry.provisionId).sort());
    expect(seen.map((entry) => entry.amount)).toEqual([3, 2, 2, 2, 1]);
    const keys = seen.map((entry) => `${entry.creditedAt}|${entry.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(new Set(keys).size).toBe(5);
  });

  it("never shows another individual's entries, even with their cursor", async () => {
    const [me, other] = [randomUUID(), randomUUID()];
    await creditAll([
      credit(other, new Date('2026-04-02T00:00:00Z'), 'points', 1),
      credit(other, new Date('2026-04-01T00:00:00Z'), 'points', 1),
    ]);
    const theirs = await benefitsOf(other, { limit: 1 });
    expect(theirs.nextCursor).not.toBeNull();
    const mine = await benefitsOf(me, { cursor: theirs.nextCursor as string });
    expect(mine).toEqual({ balance: { points: 0, yen: 0, services: 0, social: 0 }, entries: [], nextCursor: null });
  });

  it.each([
    [{ cursor: 'not-a-cursor' }, '/cursor'],
    [{ cursor: Buffer.from(JSON.stringify({ creditedAt: 'yesterday', id: randomUUID() })).toString('base64url') }, '/cursor'],
    [{ limit: 0 }, '/limit'],
    [{ limit: '201' }, '/limit'],
    [{ limit: '1.5' }, '/limit'],
    [{ limit: 'abc' }, '/limit'],
  ])('refuses %j with a problem at %s', async (query, path) => {
    const failure = benefitsOf(randomUUID(), query);
    await expect(failure).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(failure).rejects.toMatchObject({ errors: [expect.objectContaining({ path })] });
  });

  it('refuses anyone but a signed-in individual', async () => {
    await expect(getMyBenefits.execute(createRequestContext({ type: 'system', name: 'test' }), {})).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
