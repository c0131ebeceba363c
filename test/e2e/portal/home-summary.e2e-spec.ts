import { RequestApprovalUseCase } from '@infobank/consent';
import { createRequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { Individual } from '../intake/link-world';
import { daysAgo, TransferWorld, type Recipient } from '../gateway/transfer-world';
import { receiptRecord } from '../intake/deposits-client';
import { expectProblem } from './session-client';

describe('portal: the home screen’s summary (ホーム), after a real transfer', () => {
  let world: TransferWorld;
  let recipient: Recipient;
  let autoOffer: string;
  let alice: Individual;
  let bob: Individual;

  const atPortal = (individual: Individual | null, path: string) => world.links.atPortal(individual, 'GET', path);

  beforeAll(async () => {
    world = await TransferWorld.start();
    const provider = await world.provider();
    recipient = await world.recipient({ ja: '株式会社ホーム受領', en: 'Home Recipient K.K.' });
    autoOffer = await world.approvedOffer(recipient, { dataRange: { fromDaysAgo: 30 } });
    const askOffer = await world.approvedOffer(recipient, { dataRange: { fromDaysAgo: 30 } });
    const records = (customerRef: string) => [
      receiptRecord(customerRef, { observedAt: daysAgo(2) }),
      receiptRecord(customerRef, { observedAt: daysAgo(4) }),
    ];
    [alice, bob] = await Promise.all([world.individualWithRecords(provider, records), world.individualWithRecords(provider, records)]);
    await Promise.all([world.consent(alice, autoOffer), world.consent(bob, autoOffer)]);
    // Alice also consents in ask mode; an approval request waits for her (and tells her in a notification).
    const askConsent = await world.consent(alice, askOffer, { mode: 'ask' });
    await world.portal.app
      .get(RequestApprovalUseCase, { strict: false })
      .execute(createRequestContext({ type: 'system', name: 'test' }), { consentId: askConsent, reference: randomUUID() });

    const transferId = await world.requested(recipient, { offerId: autoOffer });
    await world.build(transferId);
    const part = await world.download(recipient, transferId, 1);
    if (part.status !== 200) throw new Error(`Download of part 1 failed: ${part.status} ${JSON.stringify(part.body)}`);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('shows in one answer exactly what my screens show: holdings, active consents, recent provisions, benefits, unread, pending', async () => {
    const summary = await atPortal(alice, '/v1/me/summary');
    expect(summary.status).toBe(200);
    expect(summary.headers.get('cache-control')).toBe('no-store');
    const [data, provisions, benefits] = await Promise.all([
      atPortal(alice, '/v1/me/data'),
      atPortal(alice, '/v1/me/provisions?limit=5'),
      atPortal(alice, '/v1/me/benefits'),
    ]);
    expect(summary.body).toEqual({
      holdings: data.body.holdings,
      activeConsents: 2,
      recentProvisions: provisions.body.provisions,
      benefitBalance: benefits.body.balance,
      unreadNotifications: 1,
      pendingApprovals: 1,
    });
    expect(summary.body.holdings).toEqual([expect.objectContaining({ category: 'purchase.receipts', count: 2 })]);
    expect(summary.body.recentProvisions).toEqual([expect.objectContaining({ offer: expect.objectContaining({ id: autoOffer }) })]);
  });

  it('shows nobody else’s data: another individual sees their own, a newcomer sees nothing', async () => {
    const aliceProvisionIds = (await atPortal(alice, '/v1/me/summary')).body.recentProvisions.map((entry: { id: string }) => entry.id);
    const bobs = (await atPortal(bob, '/v1/me/summary')).body;
    expect(bobs).toMatchObject({ activeConsents: 1, unreadNotifications: 0, pendingApprovals: 0 });
    expect(bobs.recentProvisions).toHaveLength(1);
    expect(aliceProvisionIds).not.toContain(bobs.recentProvisions[0].id);

    const newcomer = await world.links.individual();
    expect((await atPortal(newcomer, '/v1/me/summary')).body).toEqual({
      holdings: [],
      activeConsents: 0,
      recentProvisions: [],
      benefitBalance: { points: 0, yen: 0, services: 0, social: 0 },
      unreadNotifications: 0,
      pendingApprovals: 0,
    });
  });

  it('refuses anonymous callers', async () => {
    expectProblem(await atPortal(null, '/v1/me/summary'), 401, 'UNAUTHENTICATED');
  });
});
