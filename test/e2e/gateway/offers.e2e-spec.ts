import { RecordReviewOutcomeUseCase } from '@infobank/offers';
import { createRequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { RunningApp } from '../../support/http-app';
import { OrganisationClient, registerOrganisation, startOrganisationApi } from '../../support/organisation-client';
import { openTestDataSource } from '../../support/platform';
import { offerTerms } from '../../support/offer-terms';
import { expectRefused } from '../../support/refusals';

describe('gateway: recipients draft, submit and withdraw offers', () => {
  let gateway: RunningApp;
  let dataSource: DataSource;
  let recipient: OrganisationClient;
  let otherRecipient: OrganisationClient;
  let token: string;
  const board = createRequestContext({ type: 'system', name: 'review' });

  beforeAll(async () => {
    gateway = await startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS);
    dataSource = await openTestDataSource();
    [recipient, otherRecipient] = await Promise.all([
      registerOrganisation(gateway, { roles: ['recipient'] }),
      registerOrganisation(gateway, { roles: ['recipient'] }),
    ]);
    token = await recipient.accessToken();
  });
  afterAll(async () => {
    await Promise.all([gateway?.close(), dataSource?.destroy()]);
  });

  const call = (method: string, path: string, body?: unknown, client = recipient, accessToken = token) =>
    client.call(method, path, { accessToken, body });
  const draft = async (overrides: Record<string, unknown> = {}) => {
    const response = await call('POST', '/v1/offers', offerTerms(overrides));
    expect(response.status).toBe(201);
    return response.body;
  };
  const decide = (offerId: string, round: number, outcome: 'approved' | 'rejected' | 'changes_requested', reasons: string[]) =>
    gateway.app
      .get(RecordReviewOutcomeUseCase, { strict: false })
      .execute(board, { offerId, round, outcome, reasons, decidedAt: new Date(), caseId: randomUUID(), suspended: false });
  const openCaseJobs = (offerId: string) =>
    dataSource.query(`SELECT queue, job_name, payload FROM outbox WHERE payload->>'offerId' = $1 ORDER BY created_at`, [offerId]);
  const offerCount = async () => (await call('GET', '/v1/offers')).body.length;

  it('drafts an offer: status draft, round 0, items described from the catalog, onward transfer forbidden', async () => {
    const validUntil = '2099-03-31T09:00:00+09:00';
    const offer = await draft({ validUntil });

    expect(offer).toMatchObject({
      id: expect.any(String),
      recipientId: recipient.organisationId,
      status: 'draft',
      round: 0,
      purposeCode: 'marketing',
      items: [
        { itemId: 'purchase.receipts#/lineItems', categoryId: 'purchase.receipts', required: true, sensitive: false },
        { itemId: 'purchase.receipts#/store', categoryId: 'purchase.receipts', required: false, sensitive: false },
      ],
      onwardTransfer: 'forbidden',
      validUntil: '2099-03-31T00:00:00.000Z',
      submittedAt: null,
      reviews: [],
    });
    expect((await call('GET', `/v1/offers/${offer.id}`)).body).toEqual(offer);
    expect(await openCaseJobs(offer.id)).toEqual([]);
  });

  it('marks health items sensitive', async () => {
    const offer = await draft({
      purposeCode: 'health_promotion',
      items: [{ itemId: 'health.checkup#/bloodPressure', required: true }],
    });
    expect(offer.items).toEqual([
      { itemId: 'health.checkup#/bloodPressure', categoryId: 'health.checkup', required: true, sensitive: true },
    ]);
  });

  it('names every bad field (problem+json, 400) and writes nothing', async () => {
    const before = await offerCount();
    const response = await call(
      'POST',
      '/v1/offers',
      offerTerms({
        purposeCode: 'selling_lists',
        items: [{ itemId: 'purchase.receipts#/nothing', required: true }],
        dataRange: { fromDaysAgo: 30, to: '2025-01-01T00:00:00Z' },
        fetch: { type: 'periodic', per: 'week', max: 0 },
        benefit: { type: 'yen', description: { ja: '現金' } },
        processingCountries: ['JP', 'XX'],
        validUntil: '2001-01-01T00:00:00Z',
      }),
    );

    expectRefused(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors.map((problem: { path: string }) => problem.path)).toEqual(
      expect.arrayContaining([
        '/purposeCode',
        '/items/0/itemId',
        '/dataRange/to',
        '/fetch/max',
        '/benefit/amount',
        '/processingCountries/1',
        '/validUntil',
      ]),
    );
    expect(await offerCount()).toBe(before);
  });

  it('rejects unknown and mistyped fields at any depth, naming them', async () => {
    const response = await call(
      'POST',
      '/v1/offers',
      offerTerms({
        onwardTransfer: 'allowed',
        dataLifeDays: 3651,
        profiling: 'no',
        fetch: { type: 'periodic', per: 'year', max: 1 },
        items: [{ itemId: 'purchase.receipts#/lineItems', required: 'yes' }],
      }),
    );
    expectRefused(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors.map((problem: { path: string }) => problem.path)).toEqual(
      expect.arrayContaining(['/onwardTransfer', '/dataLifeDays', '/profiling', '/fetch/per', '/items/0/required']),
    );
  });

  it('requires profiling: true for a purpose that profiles', async () => {
    const response = await call('POST', '/v1/offers', offerTerms({ purposeCode: 'personalised_advertising', profiling: false }));
    expectRefused(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ path: '/profiling', message: expect.stringContaining('personalised_advertising') }]);
  });

  it('changes a draft partially; the changed terms are checked as a whole', async () => {
    const offer = await draft();
    const changed = await call('PATCH', `/v1/offers/${offer.id}`, { dataLifeDays: 30, fetch: { type: 'one_time' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ dataLifeDays: 30, fetch: { type: 'one_time' }, purposeCode: 'marketing', status: 'draft' });

    const refused = await call('PATCH', `/v1/offers/${offer.id}`, {
      benefit: { type: 'social', amount: 5, description: { ja: '社会貢献' } },
    });
    expectRefused(refused, 400, 'VALIDATION_FAILED');
    expect(refused.body.errors).toEqual([{ path: '/benefit/amount', message: expect.any(String) }]);
    expect((await call('GET', `/v1/offers/${offer.id}`)).body.benefit.type).toBe('points');
  });

  it('submits: in_review, round 1, and the job that opens the board’s case is in the outbox', async () => {
    const offer = await draft();
    const submitted = await call('POST', `/v1/offers/${offer.id}/submit`);

    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_review', round: 1, submittedAt: expect.any(String) });
    expect(await openCaseJobs(offer.id)).toEqual([
      { queue: 'notifications', job_name: 'review.open-case', payload: { offerId: offer.id, round: 1 } },
    ]);

    expectRefused(await call('PATCH', `/v1/offers/${offer.id}`, { dataLifeDays: 10 }), 409, 'OFFER_NOT_EDITABLE');
    expectRefused(await call('POST', `/v1/offers/${offer.id}/submit`), 409, 'OFFER_NOT_SUBMITTABLE');
    expectRefused(await call('POST', `/v1/offers/${offer.id}/withdraw`), 409, 'OFFER_NOT_WITHDRAWABLE');
    expect(await openCaseJobs(offer.id)).toHaveLength(1);
  });

  it('does not submit an offer whose validity ended while it was a draft', async () => {
    const offer = await draft();
    await dataSource.query(`UPDATE offers SET valid_until = now() - interval '1 minute' WHERE id = $1`, [offer.id]);
    const response = await call('POST', `/v1/offers/${offer.id}/submit`);
    expectRefused(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ path: '/validUntil', message: 'must be in the future' }]);
    expect((await call('GET', `/v1/offers/${offer.id}`)).body.status).toBe('draft');
    expect(await openCaseJobs(offer.id)).toEqual([]);
  });

  it('tells the recipient the board’s outcome and reasons; a changed offer starts round 2', async () => {
    const offer = await draft();
    await call('POST', `/v1/offers/${offer.id}/submit`);
    await decide(offer.id, 1, 'changes_requested', ['保管期間が長すぎます。', 'Explain the benefit in English.']);

    const returned = (await call('GET', `/v1/offers/${offer.id}`)).body;
    expect(returned).toMatchObject({
      status: 'changes_requested',
      round: 1,
      reviews: [
        {
          round: 1,
          outcome: 'changes_requested',
          reasons: ['保管期間が長すぎます。', 'Explain the benefit in English.'],
          decidedAt: expect.any(String),
        },
      ],
    });

    expect((await call('PATCH', `/v1/offers/${offer.id}`, { dataLifeDays: 90 })).status).toBe(200);
    const resubmitted = await call('POST', `/v1/offers/${offer.id}/submit`);
    expect(resubmitted.body).toMatchObject({ status: 'in_review', round: 2, dataLifeDays: 90 });
    expect((await openCaseJobs(offer.id)).map((job: { payload: unknown }) => job.payload)).toEqual([
      { offerId: offer.id, round: 1 },
      { offerId: offer.id, round: 2 },
    ]);

    await decide(offer.id, 2, 'approved', ['問題ありません。']);
    const approved = (await call('GET', `/v1/offers/${offer.id}`)).body;
    expect(approved.status).toBe('approved');
    expect(approved.reviews.map((review: { round: number; outcome: string }) => [review.round, review.outcome])).toEqual([
      [2, 'approved'],
      [1, 'changes_requested'],
    ]);
  });

  it('shows a rejected offer as rejected, final', async () => {
    const offer = await draft();
    await call('POST', `/v1/offers/${offer.id}/submit`);
    await decide(offer.id, 1, 'rejected', ['目的が不明確です。']);
    expect((await call('GET', `/v1/offers/${offer.id}`)).body).toMatchObject({
      status: 'rejected',
      reviews: [{ reasons: ['目的が不明確です。'] }],
    });
    expectRefused(await call('PATCH', `/v1/offers/${offer.id}`, { dataLifeDays: 10 }), 409, 'OFFER_NOT_EDITABLE');
    expectRefused(await call('POST', `/v1/offers/${offer.id}/submit`), 409, 'OFFER_NOT_SUBMITTABLE');
  });

  it('withdraws an approved offer (twice is a no-op); an approved offer past validUntil reads as expired', async () => {
    const offer = await draft();
    await call('POST', `/v1/offers/${offer.id}/submit`);
    await decide(offer.id, 1, 'approved', ['承認']);
    const withdrawn = await call('POST', `/v1/offers/${offer.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await call('POST', `/v1/offers/${offer.id}/withdraw`)).body.status).toBe('withdrawn');

    const expiring = await draft();
    await call('POST', `/v1/offers/${expiring.id}/submit`);
    await decide(expiring.id, 1, 'approved', ['承認']);
    await dataSource.query(`UPDATE offers SET valid_until = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    expect((await call('GET', `/v1/offers/${expiring.id}`)).body.status).toBe('expired');
    expectRefused(await call('POST', `/v1/offers/${expiring.id}/withdraw`), 409, 'OFFER_NOT_WITHDRAWABLE');
  });

  it('lists only the caller’s own offers, newest first', async () => {
    const first = await draft();
    const second = await draft();
    const mine = (await call('GET', '/v1/offers')).body.map((offer: { id: string }) => offer.id);
    expect(mine.indexOf(second.id)).toBeLessThan(mine.indexOf(first.id));
    const theirs = (await call('GET', '/v1/offers', undefined, otherRecipient, await otherRecipient.accessToken())).body;
    expect(theirs.map((offer: { id: string }) => offer.id)).not.toContain(first.id);
  });

  it('answers another recipient 404 for every route on the offer, and changes nothing', async () => {
    const offer = await draft();
    const otherToken = await otherRecipient.accessToken();
    const asOther = (method: string, path: string, body?: unknown) => call(method, path, body, otherRecipient, otherToken);

    expectRefused(await asOther('GET', `/v1/offers/${offer.id}`), 404, 'OFFER_NOT_FOUND');
    expectRefused(await asOther('PATCH', `/v1/offers/${offer.id}`, { dataLifeDays: 1 }), 404, 'OFFER_NOT_FOUND');
    expectRefused(await asOther('POST', `/v1/offers/${offer.id}/submit`), 404, 'OFFER_NOT_FOUND');
    expectRefused(await asOther('POST', `/v1/offers/${offer.id}/withdraw`), 404, 'OFFER_NOT_FOUND');
    expect((await call('GET', `/v1/offers/${offer.id}`)).body).toMatchObject({ status: 'draft', dataLifeDays: 365 });
    expect(await openCaseJobs(offer.id)).toEqual([]);
  });

  it('answers 404 for an id that names no offer, and 400 for one that is not a UUID', async () => {
    expectRefused(await call('GET', `/v1/offers/${randomUUID()}`), 404, 'OFFER_NOT_FOUND');
    expectRefused(await call('GET', '/v1/offers/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });

  it('admits recipients only, with a DPoP-bound token', async () => {
    const provider = await registerOrganisation(gateway, { roles: ['provider'] });
    expect((await provider.requestToken()).status).not.toBe(200);
    expectRefused(await recipient.call('GET', '/v1/offers', { accessToken: null }), 401, 'INVALID_TOKEN');
    expectRefused(
      await recipient.call('POST', '/v1/offers', { accessToken: token, proof: null, body: offerTerms() }),
      401,
      'INVALID_DPOP_PROOF',
    );
  });
});
