// Incidents on activity seeded through the real path (deposit, consent, transfer, download): a recipient breach
// finds exactly whose data that recipient received, tells each of them once however often the job runs, and they
// see it beside their provisions; a provider breach finds the right vault subjects; the regulator report names no one.
import { PseudonymousIds } from '@infobank/crypto';
import { AccountEntity } from '@infobank/identity';
import { NotifyIncidentPageUseCase } from '@infobank/oversight';
import { createRequestContext } from '@infobank/platform';
import { AddDeskStaffUseCase } from '@infobank/rights';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { startTestApp, type RunningApp } from '../../support/http-app';
import type { OrganisationClient } from '../../support/organisation-client';
import { receiptRecord } from '../intake/deposits-client';
import type { Individual } from '../intake/link-world';
import { daysAgo, TransferWorld, type Recipient } from '../gateway/transfer-world';
import { signedInMember, stepUpToken, type SignedInMember } from './cases-support';

const STAFF_PASSWORD = 'desk staff passphrase';

interface Answer {
  status: number;
  text: string;
  body: any;
}

describe('ethics board: incidents find whom a breach affected, tell each of them once, and report without naming anyone', () => {
  let world: TransferWorld;
  let board: RunningApp;
  let member: SignedInMember;
  let secondMember: SignedInMember;
  let mart: OrganisationClient;
  let pharmacy: OrganisationClient;
  let shop: Recipient;
  let lab: Recipient;
  let alice: Individual;
  let bob: Individual;
  let carol: Individual;
  let dave: Individual;
  let erin: Individual;
  const consents: Record<string, string> = {};
  let shopTransfer: string;
  let incidentId: string;
  const windowFrom = new Date(Date.now() - 3600_000).toISOString();
  const windowTo = new Date(Date.now() + 3 * 3600_000).toISOString();

  async function call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    bearer: string | null = member.accessToken,
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${board.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, text, body: text ? JSON.parse(text) : undefined };
  }

  const subjectOf = (recipient: Recipient, individual: Individual) =>
    world.use(PseudonymousIds).forRecipient(recipient.client.organisationId, individual.id);

  async function deliver(recipient: Recipient, offerId: string): Promise<string> {
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    const part = await world.download(recipient, transferId, 1);
    if (part.status !== 200) throw new Error(`download refused: ${part.status}`);
    return transferId;
  }

  async function openIncident(body: Record<string, unknown>): Promise<Answer> {
    return call('POST', '/v1/incidents', {
      from: windowFrom,
      to: windowTo,
      description: '委託先サーバーの設定誤りによる外部公開',
      ...body,
    });
  }

  /** The individuals an incident affected, read from its table (the API never names them). */
  async function affectedIndividuals(id: string): Promise<string[]> {
    const rows: { individual_id: string }[] = await world
      .use(DataSource)
      .query(`SELECT "individual_id" FROM "incident_affected" WHERE "incident_id" = $1`, [id]);
    return rows.map((row) => row.individual_id).sort();
  }

  async function incidentNotifications(individual: Individual): Promise<any[]> {
    const response = await world.links.atPortal(individual, 'GET', '/v1/me/notifications');
    return (response.body as any[]).filter((notification) => notification.kind === 'incident_affecting_me');
  }

  const system = () => createRequestContext({ type: 'system', name: 'job:incidents.notify-page' });

  beforeAll(async () => {
    world = await TransferWorld.start();
    board = await startTestApp(
      EthicsBoardModule,
      { DATABASE_NAME: world.environment.config.database.name, REDIS_PREFIX: world.environment.config.redis.prefix },
      ETHICS_BOARD_ERROR_STATUS,
    );
    [member, secondMember] = await Promise.all([signedInMember(board, 'legal', true), signedInMember(board, 'consumer', true)]);
    [mart, pharmacy] = await Promise.all([world.provider(), world.provider()]);
    [shop, lab] = await Promise.all([
      world.recipient({ ja: '事案テスト商店', en: 'Incident Test Shop' }),
      world.recipient({ ja: '事案テスト研究所', en: 'Incident Test Lab' }),
    ]);
    const [shopOffer, labOffer] = await Promise.all([
      world.approvedOffer(shop, { dataRange: { fromDaysAgo: 30 } }),
      world.approvedOffer(lab, { dataRange: { fromDaysAgo: 30 }, purposeCode: 'research_and_development' }),
    ]);
    const records = (customerRef: string) => [
      receiptRecord(customerRef, { observedAt: daysAgo(2) }),
      receiptRecord(customerRef, { observedAt: daysAgo(5) }),
    ];
    [alice, bob, dave] = await Promise.all([
      world.individualWithRecords(mart, records),
      world.individualWithRecords(mart, records),
      world.individualWithRecords(mart, records),
    ]);
    [carol, erin] = await Promise.all([world.individualWithRecords(pharmacy, records), world.individualWithRecords(pharmacy, records)]);
    consents.aliceShop = await world.consent(alice, shopOffer);
    consents.bobShop = await world.consent(bob, shopOffer);
    consents.carolShop = await world.consent(carol, shopOffer);
    consents.daveShop = await world.consent(dave, shopOffer);
    consents.aliceLab = await world.consent(alice, labOffer);
    consents.erinLab = await world.consent(erin, labOffer);
    // Dave withdraws before the shop's transfer: the shop never receives his data.
    const revoke = await world.links.atPortal(dave, 'POST', `/v1/me/consents/${consents.daveShop}/revoke`, { reason: 'no_longer_wanted' });
    if (revoke.status !== 200) throw new Error(`revoke refused: ${revoke.status}`);
    shopTransfer = await deliver(shop, shopOffer);
    await deliver(lab, labOffer);
  }, 180_000);

  afterAll(async () => {
    await board?.close();
    await world?.close();
  });

  it('a recipient breach finds exactly the individuals whose data that recipient received in the window', async () => {
    const opened = await openIncident({ kind: 'recipient_breach', recipientId: shop.client.organisationId });
    expect(opened.status).toBe(201);
    incidentId = opened.body.id;
    expect(opened.body).toMatchObject({
      kind: 'recipient_breach',
      state: 'open',
      affectedIndividuals: 3,
      affectedRecords: 6,
      notifiedIndividuals: 0,
      steps: [{ state: 'open', by: { type: 'board_member', ref: member.id } }],
    });
    expect(opened.body.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^purchase\.receipts#/)]),
    );
    // Not Dave (withdrew before), not Erin (the lab's, not the shop's).
    expect(await affectedIndividuals(incidentId)).toEqual([alice.id, bob.id, carol.id].sort());

    const affected = await call('GET', `/v1/incidents/${incidentId}/affected`);
    expect(affected.status).toBe(200);
    const bySubject = new Map(affected.body.affected.map((row: any) => [row.subjectIds[0], row]));
    expect([...bySubject.keys()].sort()).toEqual([subjectOf(shop, alice), subjectOf(shop, bob), subjectOf(shop, carol)].sort());
    expect(bySubject.get(subjectOf(shop, alice))).toMatchObject({ records: 2, consentIds: [consents.aliceShop], notifiedAt: null });
    expect(affected.text).not.toContain(alice.id);

    // A window before anything was provided affects no one.
    const earlier = await call('POST', '/v1/incidents', {
      kind: 'recipient_breach',
      recipientId: shop.client.organisationId,
      from: '2020-01-01T00:00:00+09:00',
      to: '2020-02-01T00:00:00+09:00',
      description: '過去の期間',
    });
    expect(earlier.body).toMatchObject({ affectedIndividuals: 0, affectedRecords: 0 });
  });

  it('notifies each affected individual once, however often the notification job runs, and only them', async () => {
    const started = await call('POST', `/v1/incidents/${incidentId}/notify`);
    expect(started.status).toBe(202);
    expect(started.body.state).toBe('notifying');
    const jobs: { payload: unknown }[] = await world
      .use(DataSource)
      .query(`SELECT "payload" FROM "outbox" WHERE "job_name" = 'incidents.notify-page'`);
    expect(jobs.map((job) => job.payload)).toEqual([{ incidentId }]);

    const notifyPage = board.app.get(NotifyIncidentPageUseCase, { strict: false });
    expect(await notifyPage.execute(system(), incidentId, { enqueueNext: false, pageSize: 1 })).toEqual({ told: 1, done: false });
    expect(await notifyPage.execute(system(), incidentId, { enqueueNext: false })).toEqual({ told: 2, done: true });
    // A repeated delivery of the job, and a repeated request, tell no one again.
    expect(await notifyPage.execute(system(), incidentId, { enqueueNext: false })).toEqual({ told: 0, done: true });
    const again = await call('POST', `/v1/incidents/${incidentId}/notify`);
    expect(again.body).toMatchObject({ state: 'notified', notifiedIndividuals: 3 });
    expect(await world.use(DataSource).query(`SELECT 1 FROM "outbox" WHERE "job_name" = 'incidents.notify-page'`)).toHaveLength(1);

    for (const individual of [alice, bob, carol]) {
      const told = await incidentNotifications(individual);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ subject: { type: 'incident', id: incidentId } });
      expect(told[0].message.title.ja).toBe('情報漏えい等の事案についてのお知らせ');
      expect(told[0].message.lines.ja.join('')).toContain('事案テスト商店');
    }
    for (const individual of [dave, erin]) expect(await incidentNotifications(individual)).toHaveLength(0);

    const shown = await call('GET', `/v1/incidents/${incidentId}`);
    expect(shown.body.steps).toEqual([
      expect.objectContaining({ state: 'open', by: { type: 'board_member', ref: member.id } }),
      expect.objectContaining({ state: 'notifying', by: { type: 'board_member', ref: member.id } }),
      expect.objectContaining({ state: 'notified', by: { type: 'system', ref: 'job:incidents.notify-page' } }),
    ]);
  });

  it('shows the incident to each affected individual beside the provisions it concerns', async () => {
    const mine = await world.links.atPortal(alice, 'GET', '/v1/me/incidents');
    expect(mine.status).toBe(200);
    const provisions = await world.links.atPortal(alice, 'GET', `/v1/me/provisions?recipient=${shop.client.organisationId}`);
    const shopProvisionIds = provisions.body.provisions.map((provision: { id: string }) => provision.id);
    expect(shopProvisionIds).toHaveLength(1);
    expect(mine.body.incidents).toEqual([
      expect.objectContaining({
        id: incidentId,
        kind: 'recipient_breach',
        organisation: { id: shop.client.organisationId, name: { ja: '事案テスト商店', en: 'Incident Test Shop' } },
        records: 2,
        provisionIds: shopProvisionIds,
      }),
    ]);
    expect((await world.links.atPortal(erin, 'GET', '/v1/me/incidents')).body).toEqual({ incidents: [] });
    expect((await world.links.atPortal(null, 'GET', '/v1/me/incidents')).status).toBe(401);
  });

  it('a provider breach finds the individuals whose records that provider deposited; a bank breach everyone in the vault', async () => {
    const provider = await openIncident({ kind: 'provider_breach', providerId: mart.organisationId, categories: ['purchase.receipts'] });
    expect(provider.status).toBe(201);
    expect(provider.body).toMatchObject({
      affectedIndividuals: 3,
      affectedRecords: 6,
      items: [expect.objectContaining({ id: 'purchase.receipts' })],
    });
    expect(await affectedIndividuals(provider.body.id)).toEqual([alice.id, bob.id, dave.id].sort());

    const bank = await openIncident({ kind: 'bank_breach', categories: ['purchase.receipts'] });
    expect(await affectedIndividuals(bank.body.id)).toEqual([alice.id, bob.id, carol.id, dave.id, erin.id].sort());
    const otherCategory = await openIncident({ kind: 'bank_breach', categories: ['location.visits'] });
    expect(otherCategory.body.affectedIndividuals).toBe(0);

    // A provider breach names no recipient to stop, and cannot close before its affected are told.
    const steppedUp = { 'x-step-up-token': await stepUpToken(board, member) };
    expect((await call('POST', `/v1/incidents/${provider.body.id}/stop-use-order`, {}, member.accessToken, steppedUp)).body.code).toBe(
      'INCIDENT_ORDER_NOT_POSSIBLE',
    );
    expect((await call('POST', `/v1/incidents/${provider.body.id}/close`, {})).body.code).toBe('INCIDENT_STATE_CONFLICT');
  });

  it('proposes a stop-use order on the breached recipient in one step after a fresh step-up, which a second member confirms', async () => {
    // Without a step-up token nothing is proposed; the desk's staff may handle incidents but never propose an order.
    const bare = await call('POST', `/v1/incidents/${incidentId}/stop-use-order`, {});
    expect([bare.status, bare.body.code]).toEqual([401, 'STEP_UP_REQUIRED']);
    const staffEmail = `desk.${randomUUID()}@bank.example.jp`;
    await board.app
      .get(AddDeskStaffUseCase)
      .execute(createRequestContext({ type: 'operator', name: 'e2e' }), { email: staffEmail, password: STAFF_PASSWORD, name: '窓口 担当' });
    const staffLogin = await call('POST', '/v1/auth/login', { email: staffEmail, password: STAFF_PASSWORD, role: 'staff' }, null);
    const staffToken = staffLogin.body.accessToken as string;
    expect((await call('GET', `/v1/incidents/${incidentId}`, undefined, staffToken)).status).toBe(200);
    const byStaff = await call('POST', `/v1/incidents/${incidentId}/stop-use-order`, {}, staffToken);
    expect([byStaff.status, byStaff.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await call('GET', `/v1/incidents/${incidentId}`)).body.stopUseOrderId).toBeNull();

    const proposed = await call('POST', `/v1/incidents/${incidentId}/stop-use-order`, {}, member.accessToken, {
      'x-step-up-token': await stepUpToken(board, member),
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ target: { type: 'recipient', id: shop.client.organisationId }, status: 'proposed' });
    expect((await call('GET', `/v1/incidents/${incidentId}`)).body.stopUseOrderId).toBe(proposed.body.id);
    const again = await call('POST', `/v1/incidents/${incidentId}/stop-use-order`, {}, member.accessToken, {
      'x-step-up-token': await stepUpToken(board, member),
    });
    expect(again.status).toBe(409);
    const confirmed = await call('POST', `/v1/orders/${proposed.body.id}/confirm`, undefined, secondMember.accessToken, {
      'x-step-up-token': await stepUpToken(board, secondMember),
    });
    expect(confirmed.body.status).toBe('effective');
  });

  it('closes with the measures taken, and the regulator report holds counts, items, cause and measures but no personal data', async () => {
    const closed = await call('POST', `/v1/incidents/${incidentId}/close`, {
      measures: '設定の自動点検を導入し、委託先への監査を強化した',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect(closed.body.steps.map((step: { state: string }) => step.state)).toEqual(['open', 'notifying', 'notified', 'closed']);

    const report = await call('GET', `/v1/incidents/${incidentId}/regulator-report`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      format: 'infobank-incident-report/1',
      numberOfPeople: 3,
      records: 6,
      cause: '委託先サーバーの設定誤りによる外部公開',
      measures: '設定の自動点検を導入し、委託先への監査を強化した',
      responseToIndividuals: { notifiedPeople: 3 },
      organisation: { id: shop.client.organisationId },
    });
    expect(report.body.items.length).toBeGreaterThan(0);
    const accounts = await world
      .use(DataSource)
      .getRepository(AccountEntity)
      .find({ where: { id: In([alice.id, bob.id, carol.id]) } });
    expect(accounts).toHaveLength(3);
    for (const account of accounts) {
      expect(report.text).not.toContain(account.email);
      expect(report.text).not.toContain(account.id);
    }
    for (const personal of ['山田', '花子', 'さくらマート', 'おにぎり', '緑茶', subjectOf(shop, alice)])
      expect(report.text).not.toContain(personal);
  });

  it('refuses anyone but the board, bad input and unknown incidents with problem+json', async () => {
    expect((await call('GET', '/v1/incidents', undefined, null)).status).toBe(401);
    expect([401, 403]).toContain((await call('GET', '/v1/incidents', undefined, alice.accessToken)).status);
    const bad = await call('POST', '/v1/incidents', { kind: 'recipient_breach', from: 'yesterday', to: windowTo, description: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['/recipientId', '/from', '/description']),
    );
    const wrongRole = await openIncident({ kind: 'recipient_breach', recipientId: mart.organisationId });
    expect(wrongRole.body.errors).toEqual([{ path: '/recipientId', message: 'names no recipient organisation' }]);
    const count = await world.use(DataSource).query(`SELECT count(*)::int AS "n" FROM "incidents"`);
    expect((await call('GET', '/v1/incidents')).body.incidents).toHaveLength(count[0].n);
    expect((await call('GET', '/v1/incidents/00000000-0000-4000-8000-000000000000')).body.code).toBe('INCIDENT_NOT_FOUND');
    expect(shopTransfer).toBeDefined();
  });
});
