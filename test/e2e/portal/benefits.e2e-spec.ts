import { createRequestContext, withTransaction } from '@infobank/platform';
import { BenefitLedger, type BenefitCredit } from '@infobank/rights';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { openTestDataSource } from '../../support/platform';
import { callJson, expectProblem, signedInWithId } from './session-client';

describe('portal: my benefits (便益)', () => {
  let portal: RunningApp;
  let dataSource: DataSource;

  const signIn = () => signedInWithId(portal.url);

  const benefit = (individualId: string, creditedAt: string, type: BenefitCredit['benefit']['type'], amount?: number): BenefitCredit => ({
    individualId,
    provisionId: randomUUID(),
    offerId: randomUUID(),
    recipientId: randomUUID(),
    recipientName: { ja: '株式会社みらい', en: 'Mirai KK' },
    purposeText: { ja: '購買傾向の分析', en: 'Analysis of purchase trends' },
    benefit: { type, amount, description: { ja: `${amount ?? ''}${type}`, en: `${amount ?? ''} ${type}` } },
    creditedAt: new Date(creditedAt),
  });
  // Credited as the provision step does: through the app's BenefitLedger, inside a transaction.
  const credit = (credits: BenefitCredit[]) =>
    dataSource.transaction((manager) =>
      portal.app
        .get(BenefitLedger, { strict: false })
        .credit(withTransaction(createRequestContext({ type: 'system', name: 'test' }), manager), credits),
    );
  const benefits = (token: string | undefined, query = '') =>
    callJson(portal.url, 'GET', `/v1/me/benefits${query}`, token === undefined ? {} : { bearer: token });

  beforeAll(async () => {
    portal = await startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS);
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await Promise.all([portal?.close(), dataSource?.destroy()]);
  });

  it('shows my balance and my entries, newest first, page by page; another individual sees none of them', async () => {
    const [me, other] = await Promise.all([signIn(), signIn()]);
    const points = benefit(me.individualId, '2026-05-01T00:00:00.000Z', 'points', 120);
    const yen = benefit(me.individualId, '2026-05-02T00:00:00.000Z', 'yen', 300);
    const social = benefit(me.individualId, '2026-05-03T00:00:00.000Z', 'social');
    expect(await credit([points, yen, social])).toBe(3);

    const first = await benefits(me.token, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body.balance).toEqual({ points: 120, yen: 300, services: 0, social: 1 });
    expect(first.body.entries).toEqual([
      expect.objectContaining({ provisionId: social.provisionId, type: 'social', amount: null, creditedAt: '2026-05-03T00:00:00.000Z' }),
      {
        id: expect.any(String),
        provisionId: yen.provisionId,
        offerId: yen.offerId,
        recipient: { id: yen.recipientId, name: { ja: '株式会社みらい', en: 'Mirai KK' } },
        purpose: { ja: '購買傾向の分析', en: 'Analysis of purchase trends' },
        type: 'yen',
        amount: 300,
        description: { ja: '300yen', en: '300 yen' },
        creditedAt: '2026-05-02T00:00:00.000Z',
      },
    ]);
    expect(typeof first.body.nextCursor).toBe('string');

    const second = await benefits(me.token, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.entries.map((entry: { provisionId: string }) => entry.provisionId)).toEqual([points.provisionId]);
    expect(second.body.nextCursor).toBeNull();

    const theirs = await benefits(other.token);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual({ balance: { points: 0, yen: 0, services: 0, social: 0 }, entries: [], nextCursor: null });
    // My cursor does not open my entries to them either.
    expect((await benefits(other.token, `?cursor=${first.body.nextCursor}`)).body.entries).toEqual([]);
  });

  it('refuses a bad cursor or limit with problem+json naming the parameter, and anonymous callers', async () => {
    const { token } = await signIn();
    const badCursor = await benefits(token, '?cursor=not-ours');
    expectProblem(badCursor, 400, 'VALIDATION_FAILED');
    expect(badCursor.body.errors).toEqual([expect.objectContaining({ path: '/cursor' })]);
    const badLimit = await benefits(token, '?limit=201');
    expectProblem(badLimit, 400, 'VALIDATION_FAILED');
    expect(badLimit.body.errors).toEqual([expect.objectContaining({ path: '/limit' })]);
    expectProblem(await benefits(undefined), 401, 'UNAUTHENTICATED');
  });
});
