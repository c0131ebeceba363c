import { findDataCategory } from '@infobank/catalog';
import type { DataSource } from 'typeorm';
import type { OrganisationClient } from '../../support/organisation-client';
import { openTestDataSource } from '../../support/platform';
import { expectRefused } from '../../support/refusals';
import { receiptRecord } from '../intake/deposits-client';
import { LinkWorld, type Individual } from '../intake/link-world';
import { atPortalStepped, depositBatch, linkCustomer, readAllRecords, stepUp, visitRecord } from './data-world';

describe('portal: my deposited data (GET /v1/me/data, GET /v1/me/data/records, DELETE /v1/me/data)', () => {
  let world: LinkWorld;
  let dataSource: DataSource;
  let sakura: OrganisationClient;
  let aoba: OrganisationClient;

  beforeAll(async () => {
    world = await LinkWorld.start();
    dataSource = await openTestDataSource();
    [sakura, aoba] = await Promise.all([
      world.organisation(['provider'], { ja: 'さくらマート株式会社', en: 'Sakura Mart Co., Ltd.' }),
      world.organisation(['provider'], { ja: 'あおば信用金庫' }),
    ]);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await world?.close();
  });

  const get = (individual: Individual | null, path: string) => world.atPortal(individual, 'GET', path);
  const rowsOf = async (individual: Individual) =>
    (await dataSource.query(`SELECT id, provider_id, category FROM vault_records WHERE individual_id = $1`, [individual.id])) as any[];
  const versionsOf = async (individual: Individual) =>
    (await dataSource.query(`SELECT vault_record_id FROM vault_record_versions WHERE individual_id = $1`, [individual.id])) as any[];

  it('summarises what the bank holds per provider × category: count, latest observation, names in ja and en', async () => {
    const individual = await world.individual();
    const atSakura = await linkCustomer(world, individual, sakura);
    const atAoba = await linkCustomer(world, individual, aoba, ['purchase.receipts']);
    await depositBatch(sakura, [
      receiptRecord(atSakura.customerRef, { observedAt: '2025-05-01T09:00:00+09:00' }),
      receiptRecord(atSakura.customerRef, { observedAt: '2025-05-31T18:30:00+09:00' }),
      visitRecord(atSakura.customerRef, '2025-05-20T12:00:00+09:00'),
    ]);
    await depositBatch(aoba, [receiptRecord(atAoba.customerRef, { observedAt: '2025-04-02T10:00:00Z' })]);

    const response = await get(individual, '/v1/me/data');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const receipts = findDataCategory('purchase.receipts')?.label;
    expect(receipts).toEqual({ ja: expect.any(String), en: 'Purchase receipts' });
    expect(response.body.holdings).toHaveLength(3);
    expect(response.body.holdings).toEqual(
      expect.arrayContaining([
        {
          providerId: sakura.organisationId,
          providerName: { ja: 'さくらマート株式会社', en: 'Sakura Mart Co., Ltd.' },
          category: 'purchase.receipts',
          categoryLabel: receipts,
          count: 2,
          latestObservedAt: '2025-05-31T09:30:00.000Z',
        },
        {
          providerId: sakura.organisationId,
          providerName: { ja: 'さくらマート株式会社', en: 'Sakura Mart Co., Ltd.' },
          category: 'location.visits',
          categoryLabel: { ja: '訪問した場所', en: 'Places visited' },
          count: 1,
          latestObservedAt: '2025-05-20T03:00:00.000Z',
        },
        {
          providerId: aoba.organisationId,
          providerName: { ja: 'あおば信用金庫' },
          category: 'purchase.receipts',
          categoryLabel: receipts,
          count: 1,
          latestObservedAt: '2025-04-02T10:00:00.000Z',
        },
      ]),
    );
    // Someone with nothing deposited sees nothing.
    expect((await get(await world.individual(), '/v1/me/data')).body).toEqual({ holdings: [] });
  });

  it('returns my records decrypted, equal to what the provider sent, with the batch’s provenance', async () => {
    const individual = await world.individual();
    const { customerRef } = await linkCustomer(world, individual, sakura);
    const sent = [
      receiptRecord(customerRef, { observedAt: '2025-05-31T10:00:00+09:00' }),
      visitRecord(customerRef, '2025-05-30T08:15:00+09:00'),
    ];
    const before = Date.now();
    const batch = await depositBatch(sakura, sent);
    expect(batch.response.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);

    const response = await get(individual, '/v1/me/data/records');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body.nextCursor).toBeNull();
    const [receipt, visit] = response.body.records;
    expect(receipt).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      recordId: sent[0].recordId,
      providerId: sakura.organisationId,
      category: 'purchase.receipts',
      observedAt: '2025-05-31T01:00:00.000Z',
      version: 1,
      data: sent[0].data,
      firstReceivedAt: expect.any(String),
      provenance: {
        providerId: sakura.organisationId,
        batchId: batch.batchId,
        batchDigest: batch.batchDigest,
        signingKid: batch.signingKid,
        receivedAt: receipt.firstReceivedAt,
      },
    });
    expect(Date.parse(receipt.provenance.receivedAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(visit).toMatchObject({ recordId: sent[1].recordId, category: 'location.visits', data: sent[1].data });
  });

  it('shows the newest version of a superseded record, with the provenance of the batch that brought it', async () => {
    const individual = await world.individual();
    const { customerRef } = await linkCustomer(world, individual, sakura);
    const first = receiptRecord(customerRef);
    await depositBatch(sakura, [first]);
    const corrected = { ...first, data: { ...first.data, totalYen: 460, taxYen: 34 } };
    const second = await depositBatch(sakura, [corrected]);
    expect(second.response.results[0].status).toBe('superseded');

    const { records } = await readAllRecords(world, individual);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      version: 2,
      data: corrected.data,
      provenance: { batchId: second.batchId, batchDigest: second.batchDigest },
    });
  });

  it('pages through every record exactly once, newest first, also when many share an observation time', async () => {
    const individual = await world.individual();
    const { customerRef } = await linkCustomer(world, individual, sakura);
    // 23 records on 5 distinct times: ties are ordered by id, so no record is skipped or repeated.
    const sent = Array.from({ length: 23 }, (_, index) =>
      receiptRecord(customerRef, { observedAt: `2025-05-${String(10 + (index % 5)).padStart(2, '0')}T12:00:00Z` }),
    );
    await depositBatch(sakura, sent);

    const { records, pages } = await readAllRecords(world, individual, '', 4);
    expect(pages).toEqual([4, 4, 4, 4, 4, 3]);
    expect(records.map((record) => record.recordId).sort()).toEqual(sent.map((record) => record.recordId).sort());
    expect(new Set(records.map((record) => record.id)).size).toBe(23);
    const order = records.map((record) => [record.observedAt, record.id].join('|'));
    expect(order).toEqual([...order].sort().reverse());

    // Filters narrow the same listing.
    const other = await linkCustomer(world, individual, aoba, ['purchase.receipts']);
    await depositBatch(aoba, [receiptRecord(other.customerRef)]);
    expect((await readAllRecords(world, individual, `provider=${aoba.organisationId}`, 4)).records).toHaveLength(1);
    expect(
      (await readAllRecords(world, individual, `provider=${sakura.organisationId}&category=purchase.receipts`, 7)).records,
    ).toHaveLength(23);
    expect((await readAllRecords(world, individual, 'category=location.visits')).records).toHaveLength(0);
  });

  it('never shows one individual another’s records: not by provider filter, not with their cursor, not in the summary', async () => {
    const [alice, bob] = await Promise.all([world.individual(), world.individual()]);
    const bobs = await linkCustomer(world, bob, aoba, ['purchase.receipts']);
    await depositBatch(
      aoba,
      Array.from({ length: 3 }, () => receiptRecord(bobs.customerRef)),
    );
    const bobsFirstPage = await get(bob, '/v1/me/data/records?limit=1');
    expect(bobsFirstPage.body.records).toHaveLength(1);

    expect((await get(alice, '/v1/me/data')).body).toEqual({ holdings: [] });
    expect((await get(alice, `/v1/me/data/records?provider=${aoba.organisationId}`)).body).toEqual({ records: [], nextCursor: null });
    // Bob's cursor names Bob's record: to Alice it is no position in her records.
    const withBobsCursor = await get(alice, `/v1/me/data/records?cursor=${bobsFirstPage.body.nextCursor}`);
    expectRefused(withBobsCursor, 400, 'VALIDATION_FAILED');
    expect(withBobsCursor.body.errors).toEqual([{ path: '/cursor', message: expect.any(String) }]);
    expect(JSON.stringify(withBobsCursor.body)).not.toContain(bobs.customerRef);

    // Alice erasing "Aoba's records" erases only hers (none): Bob's stay.
    const erased = await atPortalStepped(world, alice, 'DELETE', `/v1/me/data?provider=${aoba.organisationId}`, await stepUp(world, alice));
    expect(erased.status).toBe(204);
    expect(await rowsOf(bob)).toHaveLength(3);
  });

  it('refuses bad queries with problem+json naming each parameter, and anonymous callers', async () => {
    const individual = await world.individual();
    const cases: [string, string[]][] = [
      ['cursor=not-a-cursor', ['/cursor']],
      ['cursor=AAAAAAAAAAAAAAAAAAAAAA', ['/cursor']], // well-formed, but names no record of mine
      ['limit=0', ['/limit']],
      ['limit=101', ['/limit']],
      ['limit=ten', ['/limit']],
      ['limit=1.5', ['/limit']],
      ['category=weather.today', ['/category']],
      ['provider=sakura', ['/provider']],
      ['provider=a&provider=b', ['/provider']],
      ['colour=blue', ['/colour']],
    ];
    for (const [query, paths] of cases) {
      const response = await get(individual, `/v1/me/data/records?${query}`);
      expectRefused(response, 400, 'VALIDATION_FAILED');
      expect([...new Set(response.body.errors.map((error: { path: string }) => error.path))]).toEqual(paths);
      expect(response.body.instance).toBe('/v1/me/data/records');
    }
    expectRefused(await get(null, '/v1/me/data'), 401, 'UNAUTHENTICATED');
    expectRefused(await get(null, '/v1/me/data/records'), 401, 'UNAUTHENTICATED');
  });

  describe('erasure', () => {
    it('erases one provider’s records of one category, every version included, and leaves the rest (needs step-up)', async () => {
      const individual = await world.individual();
      const atSakura = await linkCustomer(world, individual, sakura);
      const atAoba = await linkCustomer(world, individual, aoba, ['purchase.receipts']);
      const receipt = receiptRecord(atSakura.customerRef);
      await depositBatch(sakura, [receipt, receiptRecord(atSakura.customerRef), visitRecord(atSakura.customerRef)]);
      await depositBatch(sakura, [{ ...receipt, data: { ...receipt.data, totalYen: 999 } }]); // a history version
      await depositBatch(aoba, [receiptRecord(atAoba.customerRef)]);
      expect(await versionsOf(individual)).toHaveLength(1);
      const path = `/v1/me/data?provider=${sakura.organisationId}&category=purchase.receipts`;

      // Without a step-up token nothing happens.
      expectRefused(await atPortalStepped(world, individual, 'DELETE', path), 401, 'STEP_UP_REQUIRED');
      expect(await rowsOf(individual)).toHaveLength(4);

      const response = await atPortalStepped(world, individual, 'DELETE', path, await stepUp(world, individual));
      expect(response.status).toBe(204);
      const left = await rowsOf(individual);
      expect(left.map((row) => `${row.provider_id === sakura.organisationId ? 'sakura' : 'aoba'}:${row.category}`).sort()).toEqual([
        'aoba:purchase.receipts',
        'sakura:location.visits',
      ]);
      expect(await versionsOf(individual)).toEqual([]);
      expect((await readAllRecords(world, individual)).records).toHaveLength(2);

      // Without a category: everything of that provider.
      const all = await atPortalStepped(
        world,
        individual,
        'DELETE',
        `/v1/me/data?provider=${sakura.organisationId}`,
        await stepUp(world, individual),
      );
      expect(all.status).toBe(204);
      expect((await rowsOf(individual)).map((row) => row.provider_id)).toEqual([aoba.organisationId]);
    });

    it('needs a provider, a known category and nothing else; a bad request erases nothing', async () => {
      const individual = await world.individual();
      const { customerRef } = await linkCustomer(world, individual, sakura);
      await depositBatch(sakura, [receiptRecord(customerRef)]);
      const token = await stepUp(world, individual);
      const cases: [string, string[]][] = [
        ['', ['/provider']],
        ['?category=purchase.receipts', ['/provider']],
        [`?provider=${sakura.organisationId}&category=nope`, ['/category']],
        [`?provider=${sakura.organisationId}&everything=true`, ['/everything']],
      ];
      for (const [query, paths] of cases) {
        const response = await atPortalStepped(world, individual, 'DELETE', `/v1/me/data${query}`, token);
        expectRefused(response, 400, 'VALIDATION_FAILED');
        expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(paths);
      }
      expect(await rowsOf(individual)).toHaveLength(1);
    });

    it('removing a link with erase=true erases that provider’s records too (step-up needed); without it they stay', async () => {
      const individual = await world.individual();
      const atSakura = await linkCustomer(world, individual, sakura);
      const atAoba = await linkCustomer(world, individual, aoba, ['purchase.receipts']);
      await depositBatch(sakura, [receiptRecord(atSakura.customerRef), visitRecord(atSakura.customerRef)]);
      await depositBatch(aoba, [receiptRecord(atAoba.customerRef)]);

      const erasing = `/v1/me/links/${atSakura.linkId}?erase=true`;
      expectRefused(await atPortalStepped(world, individual, 'DELETE', erasing), 401, 'STEP_UP_REQUIRED');
      expect(await rowsOf(individual)).toHaveLength(3);
      expect((await world.activeLink(sakura.organisationId, atSakura.customerRef))?.linkId).toBe(atSakura.linkId);

      expect((await atPortalStepped(world, individual, 'DELETE', erasing, await stepUp(world, individual))).status).toBe(204);
      expect((await rowsOf(individual)).map((row) => row.provider_id)).toEqual([aoba.organisationId]);
      expect(await world.activeLink(sakura.organisationId, atSakura.customerRef)).toBeUndefined();
      // And nothing more can arrive under it.
      const late = await depositBatch(sakura, [receiptRecord(atSakura.customerRef)]);
      expect(late.response.results[0].status).toBe('rejected');

      // Plain removal keeps the records; someone else's link id is 404 whatever the flag.
      expect((await atPortalStepped(world, individual, 'DELETE', `/v1/me/links/${atAoba.linkId}?erase=false`)).status).toBe(204);
      expect(await rowsOf(individual)).toHaveLength(1);
      const stranger = await world.individual();
      expectRefused(
        await atPortalStepped(world, stranger, 'DELETE', `/v1/me/links/${atAoba.linkId}?erase=true`, await stepUp(world, stranger)),
        404,
        'LINK_NOT_FOUND',
      );
      expect(await rowsOf(individual)).toHaveLength(1);
      expectRefused(
        await atPortalStepped(world, individual, 'DELETE', `/v1/me/links/${atAoba.linkId}?erase=yes`),
        400,
        'VALIDATION_FAILED',
      );
    });
  });
});
