import {
  APPROVAL_ANSWERED_JOB,
  EXPIRE_APPROVAL_JOB,
  ExpireApprovalUseCase,
  GetApprovalOutcomeUseCase,
  RequestApprovalUseCase,
  type ApprovalView,
} from '@infobank/consent';
import { createRequestContext, OutboxMessageEntity } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { openTestDataSource } from '../../support/platform';
import { rejection } from '../../support/refusals';
import { callJson, expectProblem } from './session-client';
import { approvedOffer, signedInIndividual } from './standing-conditions-world';

const HOUR_MS = 3600 * 1000;

describe('portal: ask-mode approvals (個別確認)', () => {
  let portal: RunningApp;
  let dataSource: DataSource;
  let offerId: string;
  const transfers = createRequestContext({ type: 'system', name: 'transfers' });

  const use = <T>(type: new (...args: never[]) => T): T => portal.app.get(type, { strict: false });

  const signIn = () => signedInIndividual(portal);

  /** A signed-in individual with a consent in `mode` to the shared approved offer. */
  async function consenting(mode: 'ask' | 'auto'): Promise<{ token: string; consentId: string }> {
    const token = await signIn();
    const granted = await callJson(portal.url, 'POST', '/v1/me/consents', { bearer: token, body: { offerId, optionalItems: [], mode } });
    expect(granted.status).toBe(201);
    return { token, consentId: granted.body.consentId as string };
  }

  const ask = (consentId: string, reference: string = randomUUID()) =>
    use(RequestApprovalUseCase).execute(transfers, { consentId, reference });
  const answer = (token: string, id: string, body: unknown) =>
    callJson(portal.url, 'POST', `/v1/me/approvals/${id}`, { bearer: token, body });
  const list = async (token: string, query = ''): Promise<ApprovalView[]> => {
    const response = await callJson(portal.url, 'GET', `/v1/me/approvals${query}`, { bearer: token });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** The outbox rows telling the transfer that this request was answered (approved, denied or expired). */
  const answeredJobs = async (approvalRequestId: string): Promise<number> => {
    const rows = await dataSource.getRepository(OutboxMessageEntity).find({ where: { jobName: APPROVAL_ANSWERED_JOB.name } });
    const mine = rows.filter((row) => row.payload.approvalRequestId === approvalRequestId);
    expect(mine.every((row) => row.queue === 'transfers' && Object.keys(row.payload).length === 1)).toBe(true);
    return mine.length;
  };
  const outcome = (approvalRequestId: string) => use(GetApprovalOutcomeUseCase).execute(transfers, { approvalRequestId });

  beforeAll(async () => {
    portal = await startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS);
    dataSource = await openTestDataSource();
    offerId = await approvedOffer(portal);
  });
  afterAll(async () => {
    await Promise.all([portal?.close(), dataSource?.destroy()]);
  });

  it('a request waits 72 hours by default, is listed as pending, notifies the individual and schedules its timeout', async () => {
    const { token, consentId } = await consenting('ask');
    const request = await ask(consentId);
    expect(request.status).toBe('pending');
    expect(new Date(request.expiresAt).getTime() - new Date(request.requestedAt).getTime()).toBe(72 * HOUR_MS);

    const pending = await list(token, '?status=pending');
    expect(pending.map((entry) => entry.approvalRequestId)).toEqual([request.approvalRequestId]);
    expect(pending[0]).toMatchObject({ consentId, offerId, status: 'pending', decidedAt: null });

    const inbox = await callJson(portal.url, 'GET', '/v1/me/notifications', { bearer: token });
    expect(inbox.body).toEqual([
      expect.objectContaining({ kind: 'approval_requested', subject: { type: 'approval_request', id: request.approvalRequestId } }),
    ]);
    expect(inbox.body[0].message.lines.ja[0]).toContain('72時間');

    const timeout = await dataSource.getRepository(OutboxMessageEntity).find({ where: { jobName: EXPIRE_APPROVAL_JOB.name } });
    const job = timeout.find((row) => row.payload.approvalRequestId === request.approvalRequestId);
    expect(job?.availableAt.getTime()).toBe(new Date(request.expiresAt).getTime());
  });

  it('asking again for the same reference returns the same request', async () => {
    const { token, consentId } = await consenting('ask');
    const reference = randomUUID();
    const first = await ask(consentId, reference);
    const second = await ask(consentId, reference);
    expect(second.approvalRequestId).toBe(first.approvalRequestId);
    expect(await list(token)).toHaveLength(1);
  });

  it('the individual approves; answering again is 409 and the answer stands', async () => {
    const { token, consentId } = await consenting('ask');
    const request = await ask(consentId);
    const approved = await answer(token, request.approvalRequestId, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    expect(await answeredJobs(request.approvalRequestId)).toBe(1);
    expectProblem(await answer(token, request.approvalRequestId, { decision: 'deny' }), 409, 'APPROVAL_ALREADY_DECIDED');
    expect(await answeredJobs(request.approvalRequestId)).toBe(1);
    expect(await outcome(request.approvalRequestId)).toEqual({
      id: request.approvalRequestId,
      consentId,
      reference: request.reference,
      status: 'approved',
    });
    expect((await list(token))[0].status).toBe('approved');
    expect(await list(token, '?status=pending')).toEqual([]);
  });

  it('the individual denies', async () => {
    const { token, consentId } = await consenting('ask');
    const request = await ask(consentId);
    const denied = await answer(token, request.approvalRequestId, { decision: 'deny' });
    expect(denied.body.status).toBe('denied');
    expect(await answeredJobs(request.approvalRequestId)).toBe(1);
    expectProblem(await answer(token, request.approvalRequestId, { decision: 'deny' }), 409, 'APPROVAL_ALREADY_DECIDED');
    expect(await answeredJobs(request.approvalRequestId)).toBe(1);
    expect((await outcome(request.approvalRequestId))?.status).toBe('denied');
  });

  it("another individual's request is answered as not found (404), and stays pending", async () => {
    const { token, consentId } = await consenting('ask');
    const stranger = await signIn();
    const request = await ask(consentId);
    expectProblem(await answer(stranger, request.approvalRequestId, { decision: 'approve' }), 404, 'APPROVAL_NOT_FOUND');
    expectProblem(await answer(stranger, randomUUID(), { decision: 'approve' }), 404, 'APPROVAL_NOT_FOUND');
    expectProblem(await answer(stranger, 'not-an-id', { decision: 'approve' }), 400, 'VALIDATION_FAILED');
    expect(await list(stranger)).toEqual([]);
    expect((await list(token))[0].status).toBe('pending');
    expect(await answeredJobs(request.approvalRequestId)).toBe(0);
  });

  it('a bad or missing decision, or an unknown field, is 400 and changes nothing', async () => {
    const { token, consentId } = await consenting('ask');
    const request = await ask(consentId);
    expectProblem(await answer(token, request.approvalRequestId, { decision: 'maybe' }), 400, 'VALIDATION_FAILED');
    expectProblem(await answer(token, request.approvalRequestId, {}), 400, 'VALIDATION_FAILED');
    expectProblem(await answer(token, request.approvalRequestId, { decision: 'approve', status: 'approved' }), 400, 'VALIDATION_FAILED');
    expectProblem(await callJson(portal.url, 'GET', '/v1/me/approvals?status=done', { bearer: token }), 400, 'VALIDATION_FAILED');
    expect((await list(token))[0].status).toBe('pending');
    expect(await answeredJobs(request.approvalRequestId)).toBe(0);
    expect((await outcome(request.approvalRequestId))?.status).toBe('pending');
  });

  it('no answer before the timeout is a denial: the timeout job expires it and a later answer is 409', async () => {
    const { token, consentId } = await consenting('ask');
    const request = await ask(consentId);
    const expire = use(ExpireApprovalUseCase);
    expect(await expire.execute(transfers, { approvalRequestId: request.approvalRequestId })).toBe('not_due');
    expect((await list(token))[0].status).toBe('pending');
    expect(await answeredJobs(request.approvalRequestId)).toBe(0);
    const due = new Date(new Date(request.expiresAt).getTime() + 1);
    expect(await expire.execute({ ...transfers, now: () => due }, { approvalRequestId: request.approvalRequestId })).toBe('expired');
    expect(await answeredJobs(request.approvalRequestId)).toBe(1);
    expect(await expire.execute({ ...transfers, now: () => due }, { approvalRequestId: request.approvalRequestId })).toBe(
      'already_answered',
    );
    expect((await list(token))[0]).toMatchObject({ status: 'expired', decidedAt: request.expiresAt.toISOString() });
    expectProblem(await answer(token, request.approvalRequestId, { decision: 'approve' }), 409, 'APPROVAL_EXPIRED');
    expect(await answeredJobs(request.approvalRequestId)).toBe(1);
    expect((await outcome(request.approvalRequestId))?.status).toBe('expired');
  });

  it('an answer after the timeout is refused even before the timeout job ran, and the request is recorded as expired', async () => {
    const { token, consentId } = await consenting('ask');
    const request = await ask(consentId);
    const past = new Date(Date.now() - HOUR_MS);
    await dataSource.query(`UPDATE "approval_requests" SET "requested_at" = $2, "expires_at" = $3 WHERE "id" = $1`, [
      request.approvalRequestId,
      new Date(past.getTime() - HOUR_MS),
      past,
    ]);
    expect((await list(token))[0].status).toBe('expired');
    expect((await outcome(request.approvalRequestId))?.status).toBe('expired');
    expect(await answeredJobs(request.approvalRequestId)).toBe(0);
    expectProblem(await answer(token, request.approvalRequestId, { decision: 'approve' }), 409, 'APPROVAL_EXPIRED');
    const [row] = await dataSource.query(`SELECT "status" FROM "approval_requests" WHERE "id" = $1`, [request.approvalRequestId]);
    expect(row.status).toBe('expired');
    expect(await answeredJobs(request.approvalRequestId)).toBe(1);
    expectProblem(await answer(token, request.approvalRequestId, { decision: 'deny' }), 409, 'APPROVAL_EXPIRED');
    expect(await use(ExpireApprovalUseCase).execute(transfers, { approvalRequestId: request.approvalRequestId })).toBe('already_answered');
    expect(await answeredJobs(request.approvalRequestId)).toBe(1);
  });

  it('requests are made only under a live ask-mode consent', async () => {
    const auto = await consenting('auto');
    expect((await rejection(ask(auto.consentId))).code).toBe('APPROVAL_NOT_NEEDED');
    const revokedAsk = await consenting('ask');
    await callJson(portal.url, 'POST', `/v1/me/consents/${revokedAsk.consentId}/revoke`, { bearer: revokedAsk.token, body: {} });
    expect((await rejection(ask(revokedAsk.consentId))).code).toBe('APPROVAL_NOT_NEEDED');
    expect((await rejection(ask(randomUUID()))).code).toBe('APPROVAL_NOT_NEEDED');
    expect((await rejection(ask('nope'))).code).toBe('VALIDATION_FAILED');
  });

  it('the transfer reads an outcome by request id; an unknown request is null; individuals cannot read it', async () => {
    const { consentId } = await consenting('ask');
    const request = await ask(consentId);
    expect(await outcome(request.approvalRequestId)).toEqual({
      id: request.approvalRequestId,
      consentId,
      reference: request.reference,
      status: 'pending',
    });
    expect(await outcome(randomUUID())).toBeNull();
    expect(await outcome('not-an-id')).toBeNull();
    const individual = createRequestContext({ type: 'individual', id: randomUUID() });
    await expect(use(GetApprovalOutcomeUseCase).execute(individual, { approvalRequestId: request.approvalRequestId })).rejects.toThrow(
      /bank's own processes only/,
    );
  });
});
