import { createRequestContext } from '@infobank/platform';
import { AddBoardMemberUseCase } from '@infobank/review';
import { AddDeskStaffUseCase } from '@infobank/rights';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { registerOrganisation, startOrganisationApi } from '../../support/organisation-client';
import { openTestDataSource } from '../../support/platform';
import { callJson, expectProblem, signedInWithId, verifyWithPublishedKeys, type JsonResponse } from '../portal/session-client';
import { openCase, signedInMember, submitOffer, type SignedInMember } from './cases-support';

const operator = createRequestContext({ type: 'operator', name: 'e2e' });
const staffPassword = 'complaints desk passphrase';

describe('the complaints desk (苦情相談窓口): individuals, desk staff and the board', () => {
  let board: RunningApp;
  let portal: RunningApp;
  let gateway: RunningApp;
  let dataSource: DataSource;
  let staff: { id: string; email: string; accessToken: string };
  let member: SignedInMember;

  /** Adds a desk member as `staff:add` does and signs them in at the board's app. */
  async function signedInStaff(): Promise<{ id: string; email: string; accessToken: string }> {
    const email = `desk.${randomUUID()}@bank.example.jp`;
    const { id } = await board.app.get(AddDeskStaffUseCase).execute(operator, { email, password: staffPassword, name: '窓口 担当' });
    const login = await callJson(board.url, 'POST', '/v1/auth/login', { body: { email, password: staffPassword } });
    expect(login.status).toBe(200);
    return { id, email, accessToken: login.body.accessToken as string };
  }

  beforeAll(async () => {
    [board, portal, gateway] = await Promise.all([
      startTestApp(EthicsBoardModule, {}, ETHICS_BOARD_ERROR_STATUS),
      startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS),
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS),
    ]);
    dataSource = await openTestDataSource();
    staff = await signedInStaff();
    member = await signedInMember(board, 'consumer', true);
  });
  afterAll(async () => {
    await Promise.all([board?.close(), portal?.close(), gateway?.close(), dataSource?.destroy()]);
  });

  const asIndividual = (token: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
    callJson(portal.url, method, path, { bearer: token, body });
  const asStaff = (method: 'GET' | 'POST', path: string, body?: unknown) =>
    callJson(board.url, method, path, { bearer: staff.accessToken, body });
  const asMember = (method: 'GET' | 'POST', path: string, body?: unknown) =>
    callJson(board.url, method, path, { bearer: member.accessToken, body });
  const file = (token: string, body: Record<string, unknown>) => asIndividual(token, 'POST', '/v1/me/complaints', body);

  it('signs desk staff in at the board with their own role, and keeps them from the board’s work', async () => {
    const login = await callJson(board.url, 'POST', '/v1/auth/login', { body: { email: staff.email, password: staffPassword } });
    const { payload } = await verifyWithPublishedKeys(board.url, login.body.accessToken, {
      audience: board.config.http.publicUrls.ethicsBoard,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ sub: staff.id, role: 'staff' });
    expect(payload).not.toHaveProperty('expertise');
    // Board routes refuse the staff role; desk routes refuse board members.
    expectProblem(await asStaff('GET', '/v1/board/members'), 403, 'FORBIDDEN');
    expectProblem(await asStaff('GET', '/v1/complaints/escalated'), 403, 'FORBIDDEN');
    expectProblem(await asMember('GET', '/v1/desk/complaints'), 403, 'FORBIDDEN');
    // A refreshed staff session keeps its role.
    const refreshed = await callJson(board.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expectProblem(await callJson(board.url, 'GET', '/v1/board/members', { bearer: refreshed.body.accessToken }), 403, 'FORBIDDEN');
    expect((await callJson(board.url, 'GET', '/v1/desk/complaints', { bearer: refreshed.body.accessToken })).status).toBe(200);
  });

  it('keeps a board member out of the desk unless also added as staff, then signs them in as either role', async () => {
    const email = `both.${randomUUID()}@bank.example.jp`;
    await board.app
      .get(AddBoardMemberUseCase)
      .execute(operator, { email, password: staffPassword, name: '両方 さん', expertise: 'legal', external: true });
    const login = (body: Record<string, unknown>) =>
      callJson(board.url, 'POST', '/v1/auth/login', { body: { email, password: staffPassword, ...body } });
    expectProblem(await login({ role: 'staff' }), 401, 'INVALID_CREDENTIALS');
    const asBoard = await login({});
    expectProblem(await callJson(board.url, 'GET', '/v1/desk/complaints', { bearer: asBoard.body.accessToken }), 403, 'FORBIDDEN');

    await board.app.get(AddDeskStaffUseCase).execute(operator, { email, password: staffPassword, name: '両方 さん' });
    const asDesk = await login({ role: 'staff' });
    expect(asDesk.status).toBe(200);
    expect((await callJson(board.url, 'GET', '/v1/desk/complaints', { bearer: asDesk.body.accessToken })).status).toBe(200);
    expectProblem(await callJson(board.url, 'GET', '/v1/board/members', { bearer: asDesk.body.accessToken }), 403, 'FORBIDDEN');
    const stillBoard = await login({});
    expect((await callJson(board.url, 'GET', '/v1/board/members', { bearer: stillBoard.body.accessToken })).status).toBe(200);
    expectProblem(await login({ role: 'individual' }), 401, 'INVALID_CREDENTIALS');
  });

  it('staff cannot vote on, or recuse from, a review case', async () => {
    const recipient = await registerOrganisation(gateway, { roles: ['recipient'] });
    const caseId = await openCase(board, await submitOffer(recipient));
    const vote = await asStaff('POST', `/v1/cases/${caseId}/votes`, { decision: 'approve', reason: 'staff should not vote' });
    expectProblem(vote, 403, 'FORBIDDEN');
    expectProblem(await asStaff('POST', `/v1/cases/${caseId}/recusal`, { reason: 'staff' }), 403, 'FORBIDDEN');
    const theCase = await asMember('GET', `/v1/cases/${caseId}`);
    expect(theCase.status).toBe(200);
    expect(JSON.stringify(theCase.body)).not.toContain(staff.id);
  });

  it('runs a complaint from filing through a request for information, escalation and closing, timestamped with who did what', async () => {
    const me = await signedInWithId(portal.url);
    const recipient = await registerOrganisation(portal, { roles: ['recipient'] });
    const text = '提供先からの連絡が止まりません。私の同意は撤回したはずです。';
    const filed = await file(me.token, { category: 'recipient', text, relatedRecipientId: recipient.organisationId });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    expect(filed.body).toMatchObject({
      status: 'open',
      category: 'recipient',
      escalated: false,
      related: { recipientId: recipient.organisationId },
    });
    expect(filed.body.messages).toEqual([{ type: 'filed', by: 'you', at: expect.any(String), text }]);

    // The text is stored encrypted: the database holds no plaintext of it.
    const [stored] = await dataSource.query(`SELECT "text_ciphertext" FROM "complaint_events" WHERE "complaint_id" = $1`, [id]);
    expect(Buffer.from(stored.text_ciphertext).toString('utf8')).not.toContain('同意');

    // The desk sees it in its queue, with its SLA timers, and reads the thread.
    const queue = await asStaff('GET', '/v1/desk/complaints?status=open&category=recipient');
    expect(queue.status).toBe(200);
    const queued = queue.body.complaints.find((complaint: { id: string }) => complaint.id === id);
    expect(queued).toMatchObject({ status: 'open', sla: { firstReply: { state: 'pending' }, resolution: { state: 'pending' } } });
    expect(JSON.stringify(queue.body)).not.toContain(text);

    expect((await asStaff('POST', `/v1/desk/complaints/${id}/triage`, { priority: 'urgent' })).body).toMatchObject({
      status: 'in_progress',
      priority: 'urgent',
    });
    const asked = await asStaff('POST', `/v1/desk/complaints/${id}/information-requests`, { text: '連絡が来た日時を教えてください。' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'awaiting_information', sla: { firstReply: { state: 'met' } } });

    // The individual is notified, reads the question and answers it.
    const inbox = await asIndividual(me.token, 'GET', '/v1/me/notifications');
    const notice = inbox.body.find((n: { subject: { id: string } }) => n.subject.id === id);
    expect(notice).toMatchObject({ kind: 'complaint_answered', subject: { type: 'complaint', id } });
    expect(JSON.stringify(notice)).not.toContain('日時');
    const answered = await asIndividual(me.token, 'POST', `/v1/me/complaints/${id}/information`, { text: '12月1日と12月3日です。' });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('in_progress');
    expectProblem(
      await asIndividual(me.token, 'POST', `/v1/me/complaints/${id}/information`, { text: 'もう一度' }),
      409,
      'COMPLAINT_STEP_REFUSED',
    );

    // Escalation to the board, with a note the individual does not see.
    const escalated = await asStaff('POST', `/v1/desk/complaints/${id}/escalation`, { text: '再提供の疑いがあるため審査会へ。' });
    expect(escalated.body).toMatchObject({ escalated: true, escalatedAt: expect.any(String) });
    expectProblem(await asStaff('POST', `/v1/desk/complaints/${id}/escalation`, {}), 409, 'COMPLAINT_STEP_REFUSED');

    // The board sees the escalated complaint with its thread, and counts without personal data.
    const escalatedList = await asMember('GET', '/v1/complaints/escalated');
    expect(escalatedList.body.complaints.map((complaint: { id: string }) => complaint.id)).toContain(id);
    const boardThread = await asMember('GET', `/v1/complaints/escalated/${id}`);
    expect(boardThread.status).toBe(200);
    expect(boardThread.body.events.map((event: { type: string }) => event.type)).toEqual([
      'filed',
      'triaged',
      'information_requested',
      'information_provided',
      'escalated',
    ]);
    const counts = await asMember('GET', '/v1/complaints/counts');
    expect(counts.status).toBe(200);
    expect(counts.body.byCategory).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'recipient', escalated: expect.any(Number) })]),
    );
    const recipientRow = counts.body.byRecipient.find((row: { recipientId: string }) => row.recipientId === recipient.organisationId);
    expect(recipientRow).toEqual({ recipientId: recipient.organisationId, total: 1, open: 1, escalated: 1 });
    expect(JSON.stringify(counts.body)).not.toContain(me.individualId);
    expect(JSON.stringify(counts.body)).not.toContain('同意');

    // Closing with an explanation; nothing more can be added.
    const closed = await asStaff('POST', `/v1/desk/complaints/${id}/closure`, { text: '提供先に停止を求め、停止を確認しました。' });
    expect(closed.body).toMatchObject({ status: 'closed', sla: { resolution: { state: 'met' } } });
    expectProblem(await asStaff('POST', `/v1/desk/complaints/${id}/replies`, { text: 'もう一言' }), 409, 'COMPLAINT_STEP_REFUSED');

    // Every step is timestamped with who took it.
    const deskThread = await asStaff('GET', `/v1/desk/complaints/${id}`);
    const steps = deskThread.body.events.map((event: { type: string; actor: unknown; at: string }) => [event.type, event.actor]);
    expect(steps).toEqual([
      ['filed', { type: 'individual', id: me.individualId }],
      ['triaged', { type: 'staff', id: staff.id }],
      ['information_requested', { type: 'staff', id: staff.id }],
      ['information_provided', { type: 'individual', id: me.individualId }],
      ['escalated', { type: 'staff', id: staff.id }],
      ['closed', { type: 'staff', id: staff.id }],
    ]);
    for (const event of deskThread.body.events) expect(Number.isNaN(Date.parse(event.at))).toBe(false);

    // The individual's thread: the desk's messages without who at the desk, no triage, no escalation note.
    const mine = await asIndividual(me.token, 'GET', `/v1/me/complaints/${id}`);
    expect(mine.body.messages.map((message: { type: string; by: string }) => [message.type, message.by])).toEqual([
      ['filed', 'you'],
      ['information_requested', 'desk'],
      ['information_provided', 'you'],
      ['escalated', 'desk'],
      ['closed', 'desk'],
    ]);
    expect(mine.body.messages.find((message: { type: string }) => message.type === 'escalated').text).toBeNull();
    expect(mine.body.messages.at(-1).text).toBe('提供先に停止を求め、停止を確認しました。');
    expect(JSON.stringify(mine.body)).not.toContain(staff.id);
    const list = await asIndividual(me.token, 'GET', '/v1/me/complaints');
    expect(list.body.complaints).toEqual([expect.objectContaining({ id, status: 'closed', escalated: true })]);
  });

  it('answers another individual’s complaint as not found, and refuses related objects that are not mine', async () => {
    const [owner, other] = await Promise.all([signedInWithId(portal.url), signedInWithId(portal.url)]);
    const filed = await file(owner.token, { category: 'other', text: '説明が分かりにくいです。' });
    const id = filed.body.id as string;
    expectProblem(await asIndividual(other.token, 'GET', `/v1/me/complaints/${id}`), 404, 'COMPLAINT_NOT_FOUND');
    expectProblem(
      await asIndividual(other.token, 'POST', `/v1/me/complaints/${id}/information`, { text: '他人' }),
      404,
      'COMPLAINT_NOT_FOUND',
    );
    expect((await asIndividual(other.token, 'GET', '/v1/me/complaints')).body.complaints).toEqual([]);
    expectProblem(await asIndividual(owner.token, 'GET', `/v1/me/complaints/${randomUUID()}`), 404, 'COMPLAINT_NOT_FOUND');

    // Someone else's (or no) consent and provision read as not found; an unknown recipient is a bad field; nothing is filed.
    const before = (await asIndividual(owner.token, 'GET', '/v1/me/complaints')).body.complaints.length;
    expectProblem(await file(owner.token, { category: 'consent', text: 'x', relatedConsentId: randomUUID() }), 404, 'CONSENT_NOT_FOUND');
    expectProblem(
      await file(owner.token, { category: 'provision', text: 'x', relatedProvisionId: randomUUID() }),
      404,
      'PROVISION_NOT_FOUND',
    );
    const unknownRecipient = await file(owner.token, { category: 'recipient', text: 'x', relatedRecipientId: randomUUID() });
    expectProblem(unknownRecipient, 400, 'VALIDATION_FAILED');
    expect(unknownRecipient.body.errors).toEqual([{ path: '/relatedRecipientId', message: 'must name a recipient' }]);
    expectProblem(await file(owner.token, { category: 'nonsense', text: 'x' }), 400, 'VALIDATION_FAILED');
    expectProblem(await file(owner.token, { category: 'other', text: '   ' }), 400, 'VALIDATION_FAILED');
    expectProblem(await file(owner.token, { category: 'other', text: 'あ'.repeat(4001) }), 400, 'VALIDATION_FAILED');
    expect((await asIndividual(owner.token, 'GET', '/v1/me/complaints')).body.complaints).toHaveLength(before);
    // The board sees only escalated complaints.
    expectProblem(await asMember('GET', `/v1/complaints/escalated/${id}`), 404, 'COMPLAINT_NOT_FOUND');
  });

  it('logs no complaint text', async () => {
    const me = await signedInWithId(portal.url);
    const secret = `秘密の苦情本文-${randomUUID()}`;
    const filed = await file(me.token, { category: 'data_handling', text: secret });
    await asStaff('POST', `/v1/desk/complaints/${filed.body.id}/replies`, { text: `${secret}-reply` });
    expect(portal.log.lines.join('\n')).not.toContain(secret);
    expect(board.log.lines.join('\n')).not.toContain(secret);
  });
});

describe('the complaints desk’s service levels with short configured times', () => {
  let board: RunningApp;
  let portal: RunningApp;

  beforeAll(async () => {
    // A first answer is due within 1.8 s and a resolution within about 8.6 s.
    const short = { COMPLAINT_FIRST_REPLY_HOURS: '0.0005', COMPLAINT_RESOLVE_DAYS: '0.0001' };
    [board, portal] = await Promise.all([
      startTestApp(EthicsBoardModule, short, ETHICS_BOARD_ERROR_STATUS),
      startTestApp(PortalModule, short, PORTAL_ERROR_STATUS),
    ]);
  });
  afterAll(async () => {
    await Promise.all([board?.close(), portal?.close()]);
  });

  const waitUntil = async (condition: () => Promise<boolean>, what: string): Promise<void> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting until ${what}`);
  };
  const ids = (response: JsonResponse): string[] => response.body.complaints.map((complaint: { id: string }) => complaint.id);

  it('lists an unanswered complaint as overdue for its first reply, an answered one only once unresolved past its days', async () => {
    const email = `desk.${randomUUID()}@bank.example.jp`;
    await board.app.get(AddDeskStaffUseCase).execute(operator, { email, password: staffPassword, name: '窓口 担当' });
    const token = (await callJson(board.url, 'POST', '/v1/auth/login', { body: { email, password: staffPassword, role: 'staff' } })).body
      .accessToken as string;
    const me = await signedInWithId(portal.url);
    const fileOne = async () =>
      (
        await callJson(portal.url, 'POST', '/v1/me/complaints', {
          bearer: me.token,
          body: { category: 'account', text: '返事がありません。' },
        })
      ).body.id as string;
    const [unanswered, answered] = [await fileOne(), await fileOne()];
    await callJson(board.url, 'POST', `/v1/desk/complaints/${answered}/replies`, { bearer: token, body: { text: '確認しています。' } });

    const overdue = () => callJson(board.url, 'GET', '/v1/desk/complaints/overdue', { bearer: token });
    const fresh = await overdue();
    expect(ids({ ...fresh, body: { complaints: fresh.body.firstReply } })).not.toContain(unanswered);

    await waitUntil(
      async () => (await overdue()).body.firstReply.some((c: { id: string }) => c.id === unanswered),
      'the first reply is overdue',
    );
    const late = await overdue();
    expect(late.body.firstReply.map((c: { id: string }) => c.id)).not.toContain(answered);
    expect(late.body.firstReply.find((c: { id: string }) => c.id === unanswered).sla.firstReply.state).toBe('overdue');
    const filtered = await callJson(board.url, 'GET', '/v1/desk/complaints?overdue=first_reply', { bearer: token });
    expect(ids(filtered)).toContain(unanswered);
    expect(ids(filtered)).not.toContain(answered);

    await waitUntil(
      async () => (await overdue()).body.resolution.some((c: { id: string }) => c.id === answered),
      'the resolution is overdue',
    );
    const resolution = (await overdue()).body.resolution.find((c: { id: string }) => c.id === answered);
    expect(resolution.sla).toMatchObject({ firstReply: { state: 'met' }, resolution: { state: 'overdue' } });
  });

  it('refuses a queue filter it does not know, naming the field', async () => {
    const email = `desk.${randomUUID()}@bank.example.jp`;
    await board.app.get(AddDeskStaffUseCase).execute(operator, { email, password: staffPassword, name: '窓口 担当' });
    const token = (await callJson(board.url, 'POST', '/v1/auth/login', { body: { email, password: staffPassword } })).body
      .accessToken as string;
    const response = await callJson(board.url, 'GET', '/v1/desk/complaints?status=lost&overdue=never&limit=0', { bearer: token });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors.map((problem: { path: string }) => problem.path).sort()).toEqual(['/limit', '/overdue', '/status']);
  });
});
