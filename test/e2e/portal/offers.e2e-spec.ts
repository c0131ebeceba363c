import {
  CreateOfferUseCase,
  RecordReviewOutcomeUseCase,
  SetOffersSuspendedUseCase,
  SubmitOfferUseCase,
  WithdrawOfferUseCase,
  type OfferTerms,
  type ReviewOutcome,
} from '@infobank/offers';
import { createRequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { offerTerms } from '../../support/offer-terms';
import { registerOrganisation, suspendOrganisation } from '../../support/organisation-client';
import { openTestDataSource } from '../../support/platform';
import { callJson, expectProblem, newIndividual } from './session-client';

describe('portal: the catalogue of approved offers', () => {
  let portal: RunningApp;
  let dataSource: DataSource;
  let japanese: string;
  let english: string;
  const board = createRequestContext({ type: 'system', name: 'review' });

  async function signIn(language: 'ja' | 'en'): Promise<string> {
    const individual = newIndividual({ language });
    await callJson(portal.url, 'POST', '/v1/auth/register', { body: individual });
    const { body } = await callJson(portal.url, 'POST', '/v1/auth/login', {
      body: { email: individual.email, password: individual.password },
    });
    return body.accessToken as string;
  }

  beforeAll(async () => {
    portal = await startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS);
    dataSource = await openTestDataSource();
    [japanese, english] = await Promise.all([signIn('ja'), signIn('en')]);
  });
  afterAll(async () => {
    await Promise.all([portal?.close(), dataSource?.destroy()]);
  });

  const use = <T>(type: new (...args: never[]) => T): T => portal.app.get(type, { strict: false });

  /** A recipient (name and corporate number of its own) with one offer taken to `outcome` by the board. */
  async function offerOf(
    outcome: ReviewOutcome | 'draft' | 'in_review',
    overrides: Record<string, unknown> = {},
    recipientId?: string,
  ): Promise<{ offerId: string; recipientId: string }> {
    const recipient = recipientId ?? (await registerOrganisation(portal, { roles: ['recipient'] })).organisationId;
    const ctx = createRequestContext({ type: 'organisation', id: recipient, roles: ['recipient'] });
    const { id } = await use(CreateOfferUseCase).execute(ctx, offerTerms(overrides) as unknown as OfferTerms);
    if (outcome !== 'draft') await use(SubmitOfferUseCase).execute(ctx, id);
    if (outcome !== 'draft' && outcome !== 'in_review') {
      await use(RecordReviewOutcomeUseCase).execute(board, {
        offerId: id,
        round: 1,
        outcome,
        reasons: ['審査理由'],
        decidedAt: new Date('2025-04-01T03:00:00Z'),
        caseId: randomUUID(),
        suspended: false,
      });
    }
    return { offerId: id, recipientId: recipient };
  }

  const catalogue = async (query = '', token = japanese) => {
    const response = await callJson(portal.url, 'GET', `/v1/offers${query}`, { bearer: token });
    expect(response.status).toBe(200);
    return response.body.map((offer: { id: string }) => offer.id) as string[];
  };
  const detail = (offerId: string, token = japanese, query = '') =>
    callJson(portal.url, 'GET', `/v1/offers/${offerId}${query}`, { bearer: token });

  it('lists an approved offer with who the recipient is and when the board approved it', async () => {
    const { offerId, recipientId } = await offerOf('approved');
    const response = await callJson(portal.url, 'GET', '/v1/offers', { bearer: japanese });
    const entry = response.body.find((offer: { id: string }) => offer.id === offerId);

    expect(entry).toMatchObject({
      recipient: { id: recipientId, name: { ja: expect.any(String) }, corporateNumber: expect.stringMatching(/^\d{13}$/), country: 'JP' },
      purpose: { code: 'marketing', label: { ja: '商品・サービスのご案内', en: 'Marketing' }, dpv: 'https://w3id.org/dpv#Marketing' },
      items: [
        {
          itemId: 'purchase.receipts#/lineItems',
          required: true,
          sensitive: false,
          label: { ja: '購入した商品と金額', en: 'Products bought and their prices' },
        },
        { itemId: 'purchase.receipts#/store', required: false },
      ],
      onwardTransfer: 'forbidden',
      approvedAt: '2025-04-01T03:00:00.000Z',
    });
  });

  it('never shows drafts, offers under review, rejected or returned offers, and answers 404 for them', async () => {
    const hidden = await Promise.all([offerOf('draft'), offerOf('in_review'), offerOf('rejected'), offerOf('changes_requested')]);
    const listed = await catalogue();
    for (const { offerId } of hidden) {
      expect(listed).not.toContain(offerId);
      expectProblem(await detail(offerId), 404, 'OFFER_NOT_FOUND');
    }
  });

  it('hides suspended, withdrawn and expired offers at once, and shows a lifted one again', async () => {
    const [suspended, withdrawn, expired] = await Promise.all([offerOf('approved'), offerOf('approved'), offerOf('approved')]);
    expect(await catalogue()).toEqual(expect.arrayContaining([suspended.offerId, withdrawn.offerId, expired.offerId]));

    await use(SetOffersSuspendedUseCase).execute(board, { target: { type: 'recipient', id: suspended.recipientId }, suspended: true });
    await use(WithdrawOfferUseCase).execute(
      createRequestContext({ type: 'organisation', id: withdrawn.recipientId, roles: ['recipient'] }),
      withdrawn.offerId,
    );
    await dataSource.query(`UPDATE offers SET valid_until = now() - interval '1 second' WHERE id = $1`, [expired.offerId]);

    const listed = await catalogue();
    for (const { offerId } of [suspended, withdrawn, expired]) {
      expect(listed).not.toContain(offerId);
      expectProblem(await detail(offerId), 404, 'OFFER_NOT_FOUND');
    }

    await use(SetOffersSuspendedUseCase).execute(board, { target: { type: 'recipient', id: suspended.recipientId }, suspended: false });
    expect(await catalogue()).toContain(suspended.offerId);
  });

  it('hides the offers of an organisation the operator suspended', async () => {
    const { offerId, recipientId } = await offerOf('approved');
    await suspendOrganisation(portal, recipientId);
    expect(await catalogue()).not.toContain(offerId);
    expectProblem(await detail(offerId), 404, 'OFFER_NOT_FOUND');
  });

  it('filters by purpose and by data category', async () => {
    const marketing = await offerOf('approved');
    const health = await offerOf('approved', {
      purposeCode: 'health_promotion',
      items: [{ itemId: 'health.checkup#/bloodPressure', required: true }],
    });

    const byPurpose = await catalogue('?purpose=health_promotion');
    expect(byPurpose).toContain(health.offerId);
    expect(byPurpose).not.toContain(marketing.offerId);
    const byCategory = await catalogue('?category=purchase.receipts');
    expect(byCategory).toContain(marketing.offerId);
    expect(byCategory).not.toContain(health.offerId);
    expect(await catalogue('?purpose=marketing&category=health.checkup')).not.toContain(health.offerId);
  });

  it('refuses filters that name nothing in the catalog, naming the field', async () => {
    const response = await callJson(portal.url, 'GET', '/v1/offers?purpose=nothing&category=nothing', { bearer: japanese });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors.map((problem: { path: string }) => problem.path)).toEqual(['/purpose', '/category']);
    expectProblem(await callJson(portal.url, 'GET', '/v1/offers?sort=new', { bearer: japanese }), 400, 'VALIDATION_FAILED');
  });

  it('summarises an offer in plain Japanese for a Japanese-speaking individual', async () => {
    const { offerId } = await offerOf('approved', {
      processingCountries: ['JP', 'US'],
      profiling: true,
      purposeCode: 'personalised_recommendation',
    });
    const response = await detail(offerId);

    expect(response.status).toBe(200);
    expect(response.body.language).toBe('ja');
    const summary = response.body.summary;
    expect(summary.recipient).toMatch(/法人番号 \d{13}、所在国: 日本/);
    expect(summary.receives).toContain('必須: 購入した商品と金額');
    expect(summary.receives).toContain('任意(あなたが選べます): 購入したお店');
    expect(summary.receives).toContain('直近90日分');
    expect(summary.receives).toContain('1か月に最大4回');
    expect(summary.purpose).toContain('あなたに合わせたおすすめ');
    expect(summary.retention).toContain('最長365日間');
    expect(summary.benefit).toBe('500ポイント: 毎月500ポイント');
    expect(summary.processing).toContain('日本');
    expect(summary.processing).toContain('アメリカ合衆国');
    expect(summary.profiling).toContain('プロファイリング');
    expect(summary.onwardTransfer).toContain('再提供');
    expect(summary.boardDecision).toBe('2025年4月1日にデータ倫理審査会が承認しました。');
  });

  it('speaks English to an English-speaking individual, and either language on request', async () => {
    const { offerId } = await offerOf('approved');
    const response = await detail(offerId, english);
    expect(response.body.language).toBe('en');
    expect(response.body.summary).toMatchObject({
      retention: 'It may keep what it receives for up to 365 days, then must delete it.',
      benefit: '500 points: 500 points a month',
      processing: 'Your data is processed in Japan.',
      profiling: 'It does not analyse or predict you (no profiling).',
      boardDecision: 'Approved by the data ethics board on 1 April 2025.',
    });
    expect((await detail(offerId, english, '?lang=ja')).body.language).toBe('ja');
    expect((await detail(offerId, japanese, '?lang=en')).body.summary.benefit).toBe('500 points: 500 points a month');
    expectProblem(await detail(offerId, english, '?lang=fr'), 400, 'VALIDATION_FAILED');
  });

  it('is for signed-in individuals only', async () => {
    const { offerId } = await offerOf('approved');
    expectProblem(await callJson(portal.url, 'GET', '/v1/offers'), 401, 'UNAUTHENTICATED');
    expectProblem(await callJson(portal.url, 'GET', `/v1/offers/${offerId}`), 401, 'UNAUTHENTICATED');
    expectProblem(await detail('not-a-uuid'), 400, 'VALIDATION_FAILED');
  });
});
