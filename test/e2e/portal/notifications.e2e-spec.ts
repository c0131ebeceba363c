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

  it('counts my unread notifications beside the list and marks one read, keeping the first read time', async () => {
    const [me, other] = await Promise.all([signIn(), signIn()]);
    const first = await notify(me.individualId, new Date('2026-01-01T00:00:00Z'), 'first');
    await notify(me.individualId, new Date('2026-01-02T00:00:00Z'), 'second');
    const theirs = await notify(other.individualId, new Date('2026-01-03T00:00:00Z'), 'theirs');
    expect((await inbox(me.token, '?limit=1')).headers.get('x-unread-count')).toBe('2');

    const read = await callJson(portal.url, 'POST', `/v1/me/notifications/${first}/read`, { bearer: me.token });
    expect(read.status).toBe(204);
    const after = await inbox(me.token);
    expect(after.headers.get('x-unread-count')).toBe('1');
    const readAt = after.body.find((entry: { notificationId: string }) => entry.notificationId === first).readAt as string;
    expect(readAt).toEqual(expect.any(String));
    expect((await callJson(portal.url, 'POST', `/v1/me/notifications/${first}/read`, { bearer: me.token })).status).toBe(204);
    expect((await inbox(me.token)).body.find((entry: { notificationId: string }) => entry.notificationId === first).readAt).toBe(readAt);

    // Someone else's notification is not found and stays unread.
    const foreign = await callJson(portal.url, 'POST', `/v1/me/notifications/${theirs}/read`, { bearer: me.token });
    expectProblem(foreign, 404, 'NOTIFICATION_NOT_FOUND');
    expect((await inbox(other.token)).headers.get('x-unread-count')).toBe('1');
  });

  it('marks all my unread notifications read, and no one else’s', async () => {
    const [me, other] = await Promise.all([signIn(), signIn()]);
    await notify(me.individualId, new Date('2026-01-01T00:00:00Z'), 'one');
    await notify(me.individualId, new Date('2026-01-02T00:00:00Z'), 'two');
    await notify(other.individualId, new Date('2026-01-03T00:00:00Z'), 'theirs');
    const all = await callJson(portal.url, 'POST', '/v1/me/notifications/read', { bearer: me.token });
    expect({ status: all.status, body: all.body }).toEqual({ status: 200, body: { marked: 2 } });
    const after = await inbox(me.token);
    expect(after.headers.get('x-unread-count')).toBe('0');
    expect(after.body.every((entry: { readAt: string | null }) => entry.readAt !== null)).toBe(true);
    expect((await callJson(portal.url, 'POST', '/v1/me/notifications/read', { bearer: me.token })).body).toEqual({ marked: 0 });
    expect((await inbox(other.token)).headers.get('x-unread-count')).toBe('1');
  });

  it('refuses marking read without a sign-in or with a malformed id', async () => {
    const { token } = await signIn();
    expectProblem(await callJson(portal.url, 'POST', `/v1/me/notifications/${randomUUID()}/read`), 401, 'UNAUTHENTICATED');
    expectProblem(await callJson(portal.url, 'POST', '/v1/me/notifications/read'), 401, 'UNAUTHENTICATED');
    expectProblem(await callJson(portal.url, 'POST', '/v1/me/notifications/not-a-uuid/read', { bearer: token }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await callJson(portal.url, 'POST', `/v1/me/notifications/${randomUUID()}/read`, { bearer: token }),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
  });

  it('refuses a bad limit and anonymous callers', async () => {
    const { token } = await signIn();
    expectProblem(await inbox(token, '?limit=0'), 400, 'VALIDATION_FAILED');
    expectProblem(await inbox(token, '?limit=abc'), 400, 'VALIDATION_FAILED');
    expectProblem(await inbox(token, '?limit=101'), 400, 'VALIDATION_FAILED');
    expectProblem(await callJson(portal.url, 'GET', '/v1/me/notifications'), 401, 'UNAUTHENTICATED');
  });
});
