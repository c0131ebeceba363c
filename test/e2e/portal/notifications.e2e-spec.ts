import { createRequestContext, withTransaction } from '@infobank/platform';
import { NotifyIndividual, type NewNotification } from '@infobank/rights';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { openTestDataSource } from '../../support/platform';
import { callJson, expectProblem, signedInWithId } from './session-client';

describe('portal: the notifications inbox (お知らせ)', () => {
  let portal: RunningApp;
  let dataSource: DataSource;

  const signIn = () => signedInWithId(portal.url);

  const notify = (individualId: string, at: Date, title: string) => {
    const notification: NewNotification = {
      individualId,
      kind: 'approval_requested',
      subject: { type: 'approval_request', id: randomUUID() },
      message: { title: { ja: title, en: title }, lines: { ja: [], en: [] } },
    };
    return dataSource.transaction((manager) =>
      portal.app.get(NotifyIndividual, { strict: false }).notify(
        withTransaction(
          createRequestContext({ type: 'system', name: 'test' }, undefined, () => at),
          manager,
        ),
        notification,
      ),
    );
  };
  const inbox = (token: string, query = '') => callJson(portal.url, 'GET', `/v1/me/notifications${query}`, { bearer: token });

  beforeAll(async () => {
    portal = await startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS);
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await Promise.all([portal?.close(), dataSource?.destroy()]);
  });

  it('lists only my notifications, newest first, with ja and en text', async () => {
    const [me, other] = await Promise.all([signIn(), signIn()]);
    await notify(me.individualId, new Date('2026-01-01T00:00:00Z'), 'older');
    await notify(me.individualId, new Date('2026-01-02T00:00:00Z'), 'newer');
    await notify(other.individualId, new Date('2026-01-03T00:00:00Z'), 'not mine');
    const response = await inbox(me.token);
    expect(response.status).toBe(200);
    expect(response.body.map((entry: { message: { title: { en: string } } }) => entry.message.title.en)).toEqual(['newer', 'older']);
    expect((await inbox(me.token, '?limit=1')).body).toHaveLength(1);
    expect((await inbox(other.token)).body.map((entry: { message: { title: { ja: string } } }) => entry.message.title.ja)).toEqual([
      'not mine',
    ]);
  });

  it('refuses a bad limit and anonymous callers', async () => {
    const { token } = await signIn();
    expectProblem(await inbox(token, '?limit=0'), 400, 'VALIDATION_FAILED');
    expectProblem(await inbox(token, '?limit=abc'), 400, 'VALIDATION_FAILED');
    expectProblem(await inbox(token, '?limit=101'), 400, 'VALIDATION_FAILED');
    expectProblem(await callJson(portal.url, 'GET', '/v1/me/notifications'), 401, 'UNAUTHENTICATED');
  });
});
