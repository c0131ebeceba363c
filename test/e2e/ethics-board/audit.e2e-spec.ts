import { createRequestContext } from '@infobank/platform';
// The board's provision audit on activity seeded through the real path (deposit, consent, transfer, download):
// every number matches what the test did, only board members get in, and no answer names an individual.
import { AccountEntity } from '@infobank/identity';
import { PseudonymousIds } from '@infobank/crypto';
import { SealTransparencyLogUseCase } from '@infobank/transparency-log';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { startTestApp, type RunningApp } from '../../support/http-app';
import { eventually } from '../../support/platform';
import { receiptRecord } from '../intake/deposits-client';
import type { Individual } from '../intake/link-world';
import { attest, seedNotice } from '../gateway/notice-world';
import { daysAgo, TransferWorld, type Recipient } from '../gateway/transfer-world';
import { openCase, signedInMember, stepUpToken, submitOffer, vote, type SignedInMember } from './cases-support';

interface RawAnswer {
  status: number;
  text: string;
  body: any;
}

describe('ethics board: the provision audit reads what was done, to board members only, without naming anyone', () => {
  let world: TransferWorld;
  let board: RunningApp;
  let member: SignedInMember;
  let shop: Recipient;
  let lab: Recipient;
  let shopOffer: string;
  let labOffer: string;
  let reviewedOffer: { id: string; round: number };
  let caseId: string;
  let alice: Individual;
  let bob: Individual;
  let dave: Individual;
  const consents: Record<string, string> = {};
  let shopTransfer: string;
  let labTransfer: string;
  let denialReason: string;
  let orderId: string;
  const bodies: string[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const month = today.slice(0, 7);

  /** GET as `bearer` (the member by default), keeping the raw body for the no-personal-data check. */
  async function get(path: string, bearer: string | null = member.accessToken): Promise<RawAnswer> {
    const response = await fetch(`${board.url}${path}`, { headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` } });
    const text = await response.text();
    bodies.push(text);
    return { status: response.status, text, body: text ? JSON.parse(text) : undefined };
  }

  const subjectOf = (recipient: Recipient, individual: Individual) =>
    world.use(PseudonymousIds).forRecipient(recipient.client.organisationId, individual.id);

  /** Requests a transfer of the offer, builds it here and downloads its one part. */
  async function deliver(recipient: Recipient, offerId: string): Promise<string> {
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    const part = await world.download(recipient, transferId, 1);
    if (part.status !== 200) throw new Error(`download refused: ${part.status}`);
    return transferId;
  }

  beforeAll(async () => {
    world = await TransferWorld.start();
    board = await startTestApp(
      EthicsBoardModule,
      { DATABASE_NAME: world.environment.config.database.name, REDIS_PREFIX: world.environment.config.redis.prefix },
      ETHICS_BOARD_ERROR_STATUS,
    );
    member = await signedInMember(board, 'legal', true);
    const provider = await world.provider();
    [shop, lab] = await Promise.all([
      world.recipient({ ja: '監査テスト商店', en: 'Audit Test Shop' }),
      world.recipient({ ja: '監査テスト研究所', en: 'Audit Test Lab' }),
    ]);
    [shopOffer, labOffer] = await Promise.all([
      world.approvedOffer(shop, { dataRange: { fromDaysAgo: 30 } }),
      world.approvedOffer(lab, { dataRange: { fromDaysAgo: 30 }, purposeCode: 'research_and_development' }),
    ]);
    const inRange = (customerRef: string) => [
      receiptRecord(customerRef, { observedAt: daysAgo(2) }),
      receiptRecord(customerRef, { observedAt: daysAgo(10) }),
      receiptRecord(customerRef, { observedAt: daysAgo(60) }),
    ];
    [alice, bob, dave] = await Promise.all([
      world.individualWithRecords(provider, inRange),
      world.individualWithRecords(provider, inRange),
      // Dave's only record is older than the offers' 30-day range: he is denied.
      world.individualWithRecords(provider, (customerRef) => [receiptRecord(customerRef, { observedAt: daysAgo(60) })]),
    ]);
    consents.aliceShop = await world.consent(alice, shopOffer, { optionalItems: ['purchase.receipts#/store'] });
    consents.bobShop = await world.consent(bob, shopOffer);
    consents.daveShop = await world.consent(dave, shopOffer);
    consents.aliceLab = await world.consent(alice, labOffer);
    shopTransfer = await deliver(shop, shopOffer);
    labTransfer = await deliver(lab, labOffer);
    const seen = await world.transfer(shop, shopTransfer);
    denialReason = seen.body.subjects.find((subject: { status: string }) => subject.status === 'denied').reason;
    // Bob withdraws after delivery (no worker runs, so no notice is issued for it).
    const revoke = await world.links.atPortal(bob, 'POST', `/v1/me/consents/${consents.bobShop}/revoke`, { reason: 'no_longer_wanted' });
    if (revoke.status !== 200) throw new Error(`revoke refused: ${revoke.status} ${JSON.stringify(revoke.body)}`);
    // Notices: one open, one overdue, one attested (issued an hour ago).
    await seedNotice(world.gateway, { recipientId: shop.client.organisationId });
    await seedNotice(world.gateway, { recipientId: shop.client.organisationId, status: 'overdue', kind: 'data_life_ended' });
    const attested = await seedNotice(world.gateway, { recipientId: shop.client.organisationId });
    const attestation = await attest(shop.client, attested);
    if (attestation.response.status !== 200) throw new Error(`attestation refused: ${attestation.response.status}`);
    // A second offer of the shop goes to review and gets one vote; a stop-use order on the shop is proposed.
    reviewedOffer = await submitOffer(shop.client, { purposeCode: 'statistics' });
    caseId = await openCase(board, reviewedOffer);
    await vote(board, member, caseId, 'approve');
    const order = await fetch(`${board.url}/v1/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${member.accessToken}`,
        'content-type': 'application/json',
        'x-step-up-token': await stepUpToken(board, member),
      },
      body: JSON.stringify({ target: { type: 'recipient', id: shop.client.organisationId }, reason: '監査のための停止提案' }),
    });
    orderId = ((await order.json()) as { id: string }).id;
    const dataSource = world.use(DataSource);
    // The sealer seals only leaves of transactions older than every running one (cluster-wide), so it may need a few runs.
    await eventually(
      'every leaf to be sealed',
      async () => {
        await world.use(SealTransparencyLogUseCase).execute(createRequestContext({ type: 'system', name: 'test' }));
        const [{ unsealed }] = await dataSource.query(
          `SELECT count(*)::int AS "unsealed" FROM "transparency_log_leaves" WHERE "leaf_index" IS NULL`,
        );
        return unsealed === 0;
      },
      30_000,
    );
  }, 180_000);

  afterAll(async () => {
    await board?.close();
    await world?.close();
  });

  it('lists each provision with the pseudonymous subject, items, record count, consent version and log leaf, newest first, page by page', async () => {
    const all = await get(`/v1/audit/provisions`);
    expect(all.status).toBe(200);
    expect(all.body.provisions).toHaveLength(3);
    const shopPage = await get(`/v1/audit/provisions?recipient=${shop.client.organisationId}`);
    const bySubject = new Map(shopPage.body.provisions.map((provision: any) => [provision.subjectId, provision]));
    expect([...bySubject.keys()].sort()).toEqual([subjectOf(shop, alice), subjectOf(shop, bob)].sort());
    expect(bySubject.get(subjectOf(shop, alice))).toMatchObject({
      recipient: { id: shop.client.organisationId, name: { ja: '監査テスト商店', en: 'Audit Test Shop' } },
      offerId: shopOffer,
      purposeCode: 'marketing',
      items: expect.arrayContaining(['purchase.receipts#/lineItems', 'purchase.receipts#/store']),
      categories: ['purchase.receipts'],
      records: 2,
      consent: { id: consents.aliceShop, version: 1 },
      transfer: { id: shopTransfer, part: 1 },
    });
    expect(bySubject.get(subjectOf(shop, bob))).toMatchObject({ records: 2, consent: { id: consents.bobShop, version: 1 } });
    const leaves = all.body.provisions.map((provision: any) => provision.leafIndex);
    expect(leaves.every((leaf: unknown) => Number.isInteger(leaf))).toBe(true);
    expect(new Set(leaves).size).toBe(3);

    const first = await get(`/v1/audit/provisions?limit=2`);
    expect(first.body.provisions).toHaveLength(2);
    const second = await get(`/v1/audit/provisions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ nextCursor: null });
    expect([...first.body.provisions, ...second.body.provisions].map((provision: any) => provision.id)).toEqual(
      all.body.provisions.map((provision: any) => provision.id),
    );

    expect((await get(`/v1/audit/provisions?purpose=research_and_development`)).body.provisions).toEqual([
      expect.objectContaining({ subjectId: subjectOf(lab, alice), offerId: labOffer, transfer: { id: labTransfer, part: 1 } }),
    ]);
    expect((await get(`/v1/audit/provisions?offer=${shopOffer}`)).body.provisions).toHaveLength(2);
    expect((await get(`/v1/audit/provisions?category=purchase.receipts`)).body.provisions).toHaveLength(3);
    expect((await get(`/v1/audit/provisions?category=location.visits`)).body.provisions).toHaveLength(0);
    expect(
      (await get(`/v1/audit/provisions?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.provisions,
    ).toHaveLength(0);
  });

  it('summarises provisions, distinct subjects and records by recipient × purpose × category × bucket', async () => {
    const expected = [
      {
        recipientId: shop.client.organisationId,
        purposeCode: 'marketing',
        categoryCode: 'purchase.receipts',
        provisions: 2,
        subjects: 2,
        records: 4,
      },
      {
        recipientId: lab.client.organisationId,
        purposeCode: 'research_and_development',
        categoryCode: 'purchase.receipts',
        provisions: 1,
        subjects: 1,
        records: 2,
      },
    ];
    const daily = await get(`/v1/audit/provisions/summary?bucket=day`);
    expect(daily.status).toBe(200);
    expect(daily.body.bucket).toBe('day');
    expect(daily.body.cells).toHaveLength(2);
    expect(daily.body.cells).toEqual(expect.arrayContaining(expected.map((cell) => ({ ...cell, bucketStart: `${today}T00:00:00.000Z` }))));
    const monthly = await get(`/v1/audit/provisions/summary?bucket=month&recipient=${shop.client.organisationId}`);
    expect(monthly.body.cells).toEqual([{ ...expected[0], bucketStart: `${month}-01T00:00:00.000Z` }]);
    const weekly = await get(`/v1/audit/provisions/summary?bucket=week&purpose=research_and_development`);
    expect(weekly.body.cells).toEqual([expect.objectContaining({ ...expected[1] })]);
  });

  it('lists transfers with their subjects per outcome and a histogram of denial reasons', async () => {
    const shopTransfers = await get(`/v1/audit/transfers?recipient=${shop.client.organisationId}`);
    expect(shopTransfers.status).toBe(200);
    expect(shopTransfers.body).toMatchObject({
      transfers: [
        {
          id: shopTransfer,
          recipientId: shop.client.organisationId,
          offerId: shopOffer,
          status: 'delivered',
          parts: 1,
          subjects: { pending: 0, awaitingApproval: 0, ready: 0, delivered: 2, denied: 1, expired: 0 },
        },
      ],
      nextCursor: null,
      denialReasons: [{ reason: denialReason, subjects: 1 }],
    });
    expect(['out_of_range', 'no_records']).toContain(denialReason);
    const all = await get(`/v1/audit/transfers?status=delivered`);
    expect(all.body.transfers.map((transfer: any) => transfer.id).sort()).toEqual([shopTransfer, labTransfer].sort());
    expect(all.body.denialReasons).toEqual([{ reason: denialReason, subjects: 1 }]);
    const labOnly = await get(`/v1/audit/transfers?recipient=${lab.client.organisationId}`);
    expect(labOnly.body).toMatchObject({ transfers: [{ id: labTransfer, subjects: { delivered: 1, denied: 0 } }], denialReasons: [] });
    expect((await get(`/v1/audit/transfers?status=cancelled`)).body).toEqual({ transfers: [], nextCursor: null, denialReasons: [] });
    const first = await get(`/v1/audit/transfers?limit=1`);
    const second = await get(`/v1/audit/transfers?limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.transfers[0].id, second.body.transfers[0].id].sort()).toEqual([shopTransfer, labTransfer].sort());
    expect(second.body.nextCursor).toBeNull();
  });

  it("shows a recipient's offers and reviews, provisions per month, revocations, notices, attestation times and orders; complaints absent", async () => {
    const page = await get(`/v1/audit/recipients/${shop.client.organisationId}`);
    expect(page.status).toBe(200);
    expect(page.body.recipient).toEqual({
      id: shop.client.organisationId,
      name: { ja: '監査テスト商店', en: 'Audit Test Shop' },
      status: 'active',
    });
    expect(page.body.offers.map((offer: any) => offer.id).sort()).toEqual([shopOffer, reviewedOffer.id].sort());
    const reviewed = page.body.offers.find((offer: any) => offer.id === reviewedOffer.id);
    expect(reviewed).toMatchObject({
      status: 'in_review',
      purposeCode: 'statistics',
      reviews: [{ caseId, round: 1, status: 'open', outcome: null, votes: { approve: 1, reject: 0, requestChanges: 0 } }],
    });
    expect(page.body.provisionsByMonth).toEqual([{ month, provisions: 2, subjects: 2, records: 4 }]);
    expect(page.body.revocationsByMonth).toEqual([{ month, revoked: 1, expired: 0 }]);
    expect(page.body.notices.counts).toEqual({ open: 1, attested: 1, overdue: 1 });
    // The attested notice was issued an hour before it was attested.
    expect(page.body.notices.medianSecondsToAttest).toBeGreaterThanOrEqual(3600);
    expect(page.body.notices.medianSecondsToAttest).toBeLessThan(3600 + 120);
    expect(page.body.notices.p95SecondsToAttest).toBe(page.body.notices.medianSecondsToAttest);
    expect(page.body.notices.overdue).toEqual([expect.objectContaining({ kind: 'data_life_ended', subjects: 2 })]);
    expect(page.body.stopUseOrders).toEqual([
      expect.objectContaining({ id: orderId, target: { type: 'recipient', id: shop.client.organisationId }, status: 'proposed' }),
    ]);
    expect(page.body.complaints).toEqual({ available: false, reason: expect.any(String) });

    const labPage = await get(`/v1/audit/recipients/${lab.client.organisationId}`);
    expect(labPage.body).toMatchObject({
      provisionsByMonth: [{ month, provisions: 1, subjects: 1, records: 2 }],
      revocationsByMonth: [],
      stopUseOrders: [],
    });
    expect((await get(`/v1/audit/recipients/${randomUUID()}`)).body).toMatchObject({ status: 404, code: 'AUDIT_RECIPIENT_NOT_FOUND' });
    expect((await get(`/v1/audit/recipients/not-a-uuid`)).status).toBe(400);
  });

  it('refuses bad query parameters with problem+json naming each one', async () => {
    const bad = await get(`/v1/audit/provisions?recipient=nope&from=yesterday&limit=1000&cursor=x`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['/cursor', '/from', '/limit', '/recipient']);
    expect((await get(`/v1/audit/provisions/summary`)).body).toMatchObject({ status: 400, errors: [{ path: '/bucket' }] });
    expect((await get(`/v1/audit/transfers?status=lost`)).body).toMatchObject({ status: 400, errors: [{ path: '/status' }] });
    expect((await get(`/v1/audit/transfers?unknown=1`)).status).toBe(400);
  });

  it('refuses anyone but a board member: no token, an individual, a recipient', async () => {
    const paths = [
      '/v1/audit/provisions',
      '/v1/audit/provisions/summary?bucket=day',
      '/v1/audit/transfers',
      `/v1/audit/recipients/${shop.client.organisationId}`,
    ];
    const recipientToken = await shop.client.accessToken();
    for (const path of paths) {
      expect((await get(path, null)).status).toBe(401);
      expect([401, 403]).toContain((await get(path, alice.accessToken)).status);
      expect([401, 403]).toContain((await get(path, recipientToken)).status);
    }
  });

  it('documents every audit route in the OpenAPI document with its response schema and errors', async () => {
    const document = (await (await fetch(`${board.url}/docs/openapi.json`)).json()) as { paths: Record<string, any> };
    for (const path of ['/v1/audit/provisions', '/v1/audit/provisions/summary', '/v1/audit/transfers', '/v1/audit/recipients/{id}']) {
      const responses = document.paths[path].get.responses;
      expect(responses['200'].content['application/json'].schema.$ref).toMatch(/Dto$/);
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['400', '401', '403']));
    }
  });

  it('never answers with an individual’s id, e-mail, name or record content', async () => {
    const accounts = await world.use(DataSource).manager.find(AccountEntity, { where: { id: In([alice.id, bob.id, dave.id]) } });
    expect(accounts).toHaveLength(3);
    const forbidden = [
      ...accounts.flatMap((account) => [account.id, account.email, account.displayName]),
      'さくらマート',
      'おにぎり',
      '4901234567894',
    ];
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      for (const value of forbidden) expect(body).not.toContain(value);
    }
  });
});
