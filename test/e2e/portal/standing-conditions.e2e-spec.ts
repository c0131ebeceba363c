import { CloseAccountUseCase } from '@infobank/auth';
import {
  EVALUATE_STANDING_CONDITIONS_JOB,
  EvaluateStandingConditionsUseCase,
  FIRST_INDIVIDUAL_CURSOR,
  STANDING_CRITERIA,
} from '@infobank/consent';
import { OFFER_APPROVED_JOB } from '@infobank/offers';
import { createRequestContext, OutboxMessageEntity } from '@infobank/platform';
import type { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { openTestDataSource } from '../../support/platform';
import { callJson, expectProblem } from './session-client';
import { approvedOffer as approveOffer, signedInIndividual } from './standing-conditions-world';

interface ConsentListEntry {
  consentId: string;
  offerId: string;
  state: string;
  source: string;
  mode: string;
  items: string[];
  explanation: { ja: string[]; en: string[] } | null;
}

describe('portal: standing conditions (予め指定した条件) and the bank consenting on their basis', () => {
  let portal: RunningApp;
  let dataSource: DataSource;
  const worker = createRequestContext({ type: 'system', name: 'worker' });

  const signIn = () => signedInIndividual(portal);
  const use = <T>(type: new (...args: never[]) => T): T => portal.app.get(type, { strict: false });
  const approvedOffer = (overrides: Record<string, unknown> = {}) => approveOffer(portal, overrides);

  /** Runs the evaluation the worker runs for the offer's approval job (every page), as one job transaction a page. */
  async function evaluate(offerId: string, pageSize?: number): Promise<string[]> {
    const cursors: string[] = [];
    const jobs = await dataSource.getRepository(OutboxMessageEntity).find({ where: { jobName: OFFER_APPROVED_JOB.name } });
    expect(jobs.filter((job) => job.payload.offerId === offerId)).toHaveLength(1);
    let after: string | null = FIRST_INDIVIDUAL_CURSOR;
    while (after !== null) {
      const cursor: string = after;
      const page = await dataSource.transaction((transaction) =>
        use(EvaluateStandingConditionsUseCase).execute({ ...worker, transaction }, { offerId, afterIndividualId: cursor }, pageSize),
      );
      after = page.nextAfterIndividualId;
      if (after !== null) cursors.push(after);
    }
    return cursors;
  }

  const put = (token: string, body: Record<string, unknown>) =>
    callJson(portal.url, 'PUT', '/v1/me/standing-conditions', { bearer: token, body });
  const consentsOf = async (token: string, offerId: string): Promise<ConsentListEntry[]> => {
    const response = await callJson(portal.url, 'GET', '/v1/me/consents', { bearer: token });
    expect(response.status).toBe(200);
    return (response.body as ConsentListEntry[]).filter((consent) => consent.offerId === offerId);
  };

  beforeAll(async () => {
    portal = await startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS);
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await Promise.all([portal?.close(), dataSource?.destroy()]);
  });

  it('are off until set: GET shows defaults with cross-border and profiling refused', async () => {
    const token = await signIn();
    const response = await callJson(portal.url, 'GET', '/v1/me/standing-conditions', { bearer: token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      purposes: [],
      allowCrossBorder: false,
      allowProfiling: false,
      minimumBenefit: null,
      excludedRecipients: [],
      mode: 'auto',
      updatedAt: null,
    });
  });

  it('are replaced by PUT and read back; omitted switches stay off', async () => {
    const token = await signIn();
    const saved = await put(token, { purposes: ['marketing'], minimumBenefit: { type: 'points', amount: 100 } });
    expect(saved.status).toBe(200);
    const read = await callJson(portal.url, 'GET', '/v1/me/standing-conditions', { bearer: token });
    expect(read.body).toMatchObject({
      purposes: ['marketing'],
      allowCrossBorder: false,
      allowProfiling: false,
      minimumBenefit: { type: 'points', amount: 100 },
      excludedRecipients: [],
      mode: 'auto',
    });
    expect(typeof read.body.updatedAt).toBe('string');
  });

  it('refuse an unknown purpose, a repeated entry, an unknown field and a bad benefit with problem+json, changing nothing', async () => {
    const token = await signIn();
    const unknown = await put(token, { purposes: ['marketing', 'spying', 'marketing'] });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.errors.map((error: { path: string }) => error.path)).toEqual(['/purposes/1', '/purposes/2']);
    expectProblem(await put(token, { purposes: [], sensitive: true }), 400, 'VALIDATION_FAILED');
    expectProblem(await put(token, { purposes: [], minimumBenefit: { type: 'service', amount: 0 } }), 400, 'VALIDATION_FAILED');
    expectProblem(await put(token, { purposes: [], excludedRecipients: ['x'] }), 400, 'VALIDATION_FAILED');
    const read = await callJson(portal.url, 'GET', '/v1/me/standing-conditions', { bearer: token });
    expect(read.body.updatedAt).toBeNull();
  });

  it('need a signed-in individual', async () => {
    expectProblem(await callJson(portal.url, 'GET', '/v1/me/standing-conditions', {}), 401, 'UNAUTHENTICATED');
  });

  it('grant a fitting approved offer with the explanation of every criterion, notify the individual, who can revoke as usual', async () => {
    const token = await signIn();
    expect((await put(token, { purposes: ['marketing'], mode: 'ask' })).status).toBe(200);
    const offerId = await approvedOffer();
    await evaluate(offerId);
    await evaluate(offerId); // a job delivered again grants and notifies nothing more

    const [consent, ...others] = await consentsOf(token, offerId);
    expect(others).toEqual([]);
    expect(consent).toMatchObject({ state: 'active', source: 'standing_condition', mode: 'ask', items: ['purchase.receipts#/lineItems'] });
    expect(consent.explanation?.ja).toHaveLength(STANDING_CRITERIA.length);
    expect(consent.explanation?.en).toHaveLength(STANDING_CRITERIA.length);
    expect(consent.explanation?.ja.join('')).toContain('商品・サービスのご案内');
    expect(consent.explanation?.en.join(' ')).toContain('processed in Japan only');

    const inbox = await callJson(portal.url, 'GET', '/v1/me/notifications', { bearer: token });
    expect(inbox.status).toBe(200);
    const notifications = inbox.body.filter((entry: { subject: { id: string } }) => entry.subject.id === consent.consentId);
    expect(notifications).toHaveLength(1);
    const [notification] = notifications;
    expect(notification).toMatchObject({ kind: 'consent_granted_by_standing_condition', subject: { type: 'consent' }, readAt: null });
    expect(notification.message.title.ja).toContain('予め指定した条件');
    expect(notification.message.lines.en).toEqual(expect.arrayContaining(consent.explanation?.en ?? ['missing']));

    const revoked = await callJson(portal.url, 'POST', `/v1/me/consents/${consent.consentId}/revoke`, { bearer: token, body: {} });
    expect(revoked.status).toBeLessThan(300);
    expect((await consentsOf(token, offerId))[0].state).toBe('revoked');
  });

  it('never grant an offer with sensitive items, even to someone allowing everything', async () => {
    const token = await signIn();
    await put(token, { purposes: ['marketing'], allowCrossBorder: true, allowProfiling: true });
    const offerId = await approvedOffer({
      items: [
        { itemId: 'purchase.receipts#/lineItems', required: true },
        { itemId: 'health.checkup#/bloodPressure', required: false },
      ],
    });
    await evaluate(offerId);
    expect(await consentsOf(token, offerId)).toEqual([]);
  });

  it('grant a cross-border offer only to those who allowed processing abroad', async () => {
    const [cautious, open] = await Promise.all([signIn(), signIn()]);
    await put(cautious, { purposes: ['marketing'] });
    await put(open, { purposes: ['marketing'], allowCrossBorder: true });
    const offerId = await approvedOffer({ processingCountries: ['JP', 'US'] });
    await evaluate(offerId);
    expect(await consentsOf(cautious, offerId)).toEqual([]);
    const [consent] = await consentsOf(open, offerId);
    expect(consent.source).toBe('standing_condition');
    expect(consent.explanation?.en.join(' ')).toContain('US');
  });

  it('grant a profiling offer only to those who allowed profiling', async () => {
    const [cautious, open] = await Promise.all([signIn(), signIn()]);
    await put(cautious, { purposes: ['personalised_advertising'] });
    await put(open, { purposes: ['personalised_advertising'], allowProfiling: true });
    const offerId = await approvedOffer({ purposeCode: 'personalised_advertising', profiling: true });
    await evaluate(offerId);
    expect(await consentsOf(cautious, offerId)).toEqual([]);
    expect((await consentsOf(open, offerId)).map((consent) => consent.source)).toEqual(['standing_condition']);
  });

  it('grant nothing for another purpose, an excluded recipient or too small a benefit, and nothing twice', async () => {
    const [otherPurpose, greedy, excluding] = await Promise.all([signIn(), signIn(), signIn()]);
    await put(otherPurpose, { purposes: ['service_provision'] });
    await put(greedy, { purposes: ['marketing'], minimumBenefit: { type: 'points', amount: 501 } });
    const offerId = await approvedOffer();
    const detail = await callJson(portal.url, 'GET', `/v1/offers/${offerId}`, { bearer: excluding });
    await put(excluding, { purposes: ['marketing'], excludedRecipients: [detail.body.recipient.id] });
    await evaluate(offerId);
    await evaluate(offerId);
    for (const token of [otherPurpose, greedy, excluding]) expect(await consentsOf(token, offerId)).toEqual([]);
  });

  it('grant nothing to an individual whose account was closed, though their conditions fit', async () => {
    const [open, closing] = await Promise.all([signIn(), signIn()]);
    for (const token of [open, closing]) await put(token, { purposes: ['marketing'] });
    const me = await callJson(portal.url, 'GET', '/v1/me', { bearer: closing });
    const closedId = me.body.id as string;
    await use(CloseAccountUseCase).execute(worker, { accountId: closedId });
    const offerId = await approvedOffer();
    await evaluate(offerId);
    expect((await consentsOf(open, offerId)).map((consent) => consent.source)).toEqual(['standing_condition']);
    const granted = await dataSource.query(`SELECT count(*)::int AS n FROM consents WHERE individual_id = $1`, [closedId]);
    expect(granted).toEqual([{ n: 0 }]);
  });

  it('evaluate in pages: each full page enqueues the next page through the outbox, and every page grants', async () => {
    const tokens = await Promise.all([signIn(), signIn(), signIn()]);
    for (const token of tokens) await put(token, { purposes: ['service_provision'] });
    const offerId = await approvedOffer({ purposeCode: 'service_provision' });
    const cursors = await evaluate(offerId, 1);
    expect(cursors.length).toBeGreaterThanOrEqual(tokens.length);
    const pages = await dataSource.getRepository(OutboxMessageEntity).find({ where: { jobName: EVALUATE_STANDING_CONDITIONS_JOB.name } });
    const enqueued = pages.filter((job) => job.payload.offerId === offerId).map((job) => job.payload.afterIndividualId);
    expect(enqueued.sort()).toEqual([...cursors].sort());
    for (const token of tokens) expect((await consentsOf(token, offerId)).map((consent) => consent.source)).toEqual(['standing_condition']);
  });
});
