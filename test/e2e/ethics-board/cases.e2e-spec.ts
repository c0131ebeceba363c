import { createLocalJWKSet, compactVerify, decodeProtectedHeader } from 'jose';
import { randomUUID } from 'node:crypto';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { OrganisationClient, registerOrganisation, startOrganisationApi } from '../../support/organisation-client';
import { callJson, expectProblem } from '../portal/session-client';
import { asMember, asSteppedUpMember, openCase, signedInMember, submitOffer, vote, type SignedInMember } from './cases-support';

describe('ethics board: review cases, votes, recusals and signed decisions', () => {
  let board: RunningApp;
  let gateway: RunningApp;
  let recipient: OrganisationClient;
  let engineer: SignedInMember;
  let security: SignedInMember;
  let lawyer: SignedInMember;
  let consumer: SignedInMember;
  let media: SignedInMember;

  beforeAll(async () => {
    [board, gateway] = await Promise.all([
      startTestApp(EthicsBoardModule, {}, ETHICS_BOARD_ERROR_STATUS),
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS),
    ]);
    recipient = await registerOrganisation(gateway, { roles: ['recipient'] });
    engineer = await signedInMember(board, 'engineer', false);
    security = await signedInMember(board, 'security', false);
    lawyer = await signedInMember(board, 'legal', true);
    consumer = await signedInMember(board, 'consumer', true);
    media = await signedInMember(board, 'media', true);
  });
  afterAll(async () => {
    await Promise.all([board?.close(), gateway?.close()]);
  });

  const recipientView = async (offerId: string) => (await recipient.call('GET', `/v1/offers/${offerId}`)).body;
  const caseOf = async (caseId: string, member = engineer) => (await asMember(board, member, 'GET', `/v1/cases/${caseId}`)).body;

  it('decides at the third vote with an external member: approved, signed, and the recipient is told', async () => {
    const offer = await submitOffer(recipient);
    const caseId = await openCase(board, offer);
    expect(await openCase(board, offer)).toBe(caseId);

    expect((await vote(board, engineer, caseId, 'approve', '目的と項目が釣り合っています。')).body).toMatchObject({ status: 'open' });
    expect((await vote(board, security, caseId, 'approve', '安全管理に問題はありません。')).body).toMatchObject({ status: 'open' });
    const decided = await vote(board, media, caseId, 'approve', '便益が分かりやすいです。');
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ id: caseId, status: 'decided', outcome: 'approved', round: 1, decidedAt: expect.any(String) });
    expect(decided.body.votes.map((cast: { member: { id: string } }) => cast.member.id)).toEqual([engineer.id, security.id, media.id]);

    // The signed decision verifies against the bank's published keys, as an auditor would check it.
    const jwks = (await (await fetch(`${board.url}/.well-known/jwks.json`)).json()) as Parameters<typeof createLocalJWKSet>[0];
    const { payload, protectedHeader } = await compactVerify(decided.body.decisionJws, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'review-decision+jws' });
    const record = JSON.parse(new TextDecoder().decode(payload));
    expect(record).toMatchObject({
      caseId,
      offerId: offer.id,
      recipientId: recipient.organisationId,
      round: 1,
      outcome: 'approved',
      offer: { id: offer.id, purposeCode: 'marketing' },
      votes: [
        { memberId: engineer.id, expertise: 'engineer', external: false, decision: 'approve', reason: '目的と項目が釣り合っています。' },
        { memberId: security.id, decision: 'approve' },
        { memberId: media.id, external: true, decision: 'approve' },
      ],
    });
    expect(decodeProtectedHeader(decided.body.decisionJws).kid).toBe(jwks.keys[0].kid);

    expect(await recipientView(offer.id)).toMatchObject({
      status: 'approved',
      reviews: [
        {
          round: 1,
          outcome: 'approved',
          reasons: ['目的と項目が釣り合っています。', '安全管理に問題はありません。', '便益が分かりやすいです。'],
        },
      ],
    });
    expect((await caseOf(caseId)).case.decisionJws).toBe(decided.body.decisionJws);
  });

  it('takes one vote per member per round, and no vote once decided', async () => {
    const caseId = await openCase(board, await submitOffer(recipient));
    expect((await vote(board, engineer, caseId, 'approve')).status).toBe(201);
    expectProblem(await vote(board, engineer, caseId, 'reject'), 409, 'ALREADY_VOTED');
    expect((await caseOf(caseId)).case.votes).toEqual([
      expect.objectContaining({ decision: 'approve', member: expect.objectContaining({ id: engineer.id }) }),
    ]);

    await vote(board, security, caseId, 'reject');
    await vote(board, lawyer, caseId, 'reject');
    expect((await caseOf(caseId)).case).toMatchObject({ status: 'decided', outcome: 'rejected' });
    expectProblem(await vote(board, media, caseId, 'approve'), 409, 'REVIEW_CASE_CLOSED');
  });

  it('tells the recipient a rejection and its reasons', async () => {
    const offer = await submitOffer(recipient);
    const caseId = await openCase(board, offer);
    await vote(board, lawyer, caseId, 'reject', '利用目的が曖昧です。');
    await vote(board, consumer, caseId, 'reject', '本人への便益が不明です。');
    await vote(board, engineer, caseId, 'approve', '技術的には問題ありません。');
    expect(await recipientView(offer.id)).toMatchObject({
      status: 'rejected',
      reviews: [{ round: 1, outcome: 'rejected', reasons: ['利用目的が曖昧です。', '本人への便益が不明です。'] }],
    });
  });

  it('does not count a recused member, and refuses their vote', async () => {
    const caseId = await openCase(board, await submitOffer(recipient));
    await vote(board, engineer, caseId, 'approve');
    const recused = await asMember(board, engineer, 'POST', `/v1/cases/${caseId}/recusal`, { reason: '提供先の顧問を務めています。' });
    expect(recused.status).toBe(201);
    expect(recused.body.recusals).toEqual([
      expect.objectContaining({ member: expect.objectContaining({ id: engineer.id }), reason: '提供先の顧問を務めています。' }),
    ]);
    expectProblem(await asMember(board, engineer, 'POST', `/v1/cases/${caseId}/recusal`, { reason: 'again' }), 409, 'ALREADY_RECUSED');
    expectProblem(await vote(board, engineer, caseId, 'approve'), 409, 'MEMBER_RECUSED');

    await vote(board, security, caseId, 'approve');
    await vote(board, media, caseId, 'approve');
    expect((await caseOf(caseId)).case.status).toBe('open');
    await vote(board, lawyer, caseId, 'approve');
    expect((await caseOf(caseId)).case).toMatchObject({ status: 'decided', outcome: 'approved' });
  });

  it('holds a sensitive offer open until a legal and a consumer member have voted', async () => {
    const offer = await submitOffer(recipient, {
      purposeCode: 'health_promotion',
      items: [{ itemId: 'health.checkup#/bloodPressure', required: true }],
    });
    const caseId = await openCase(board, offer);
    await vote(board, engineer, caseId, 'approve');
    await vote(board, security, caseId, 'approve');
    await vote(board, media, caseId, 'approve');
    expect((await caseOf(caseId)).case).toMatchObject({ status: 'open', stricterReview: ['sensitive_items'] });
    await vote(board, lawyer, caseId, 'approve');
    await vote(board, consumer, caseId, 'approve');
    expect((await caseOf(caseId)).case).toMatchObject({ status: 'decided', outcome: 'approved' });
  });

  it('returns the offer for changes; the resubmission opens round 2, where members vote afresh', async () => {
    const offer = await submitOffer(recipient);
    const first = await openCase(board, offer);
    await vote(board, engineer, first, 'request_changes', '保管期間を短くしてください。');
    await vote(board, media, first, 'request_changes', '便益を具体的に書いてください。');
    await vote(board, security, first, 'approve');
    expect(await recipientView(offer.id)).toMatchObject({ status: 'changes_requested' });

    const accessToken = await recipient.accessToken();
    expect((await recipient.call('PATCH', `/v1/offers/${offer.id}`, { accessToken, body: { dataLifeDays: 30 } })).status).toBe(200);
    const resubmitted = await recipient.call('POST', `/v1/offers/${offer.id}/submit`, { accessToken });
    expect(resubmitted.body).toMatchObject({ status: 'in_review', round: 2 });
    const second = await openCase(board, resubmitted.body);
    expect(second).not.toBe(first);

    const detail = await caseOf(second);
    expect(detail.case).toMatchObject({ round: 2, status: 'open', votes: [] });
    expect(detail.offer).toMatchObject({ id: offer.id, round: 2, dataLifeDays: 30 });
    expect(detail.pastCases.map((past: { id: string }) => past.id)).toContain(first);

    for (const member of [engineer, media, security]) expect((await vote(board, member, second, 'approve')).status).toBe(201);
    expect(await recipientView(offer.id)).toMatchObject({ status: 'approved' });
  });

  it('shows a case with the offer, the recipient’s profile, past cases, orders and (empty) open notices', async () => {
    const offer = await submitOffer(recipient);
    const caseId = await openCase(board, offer);
    const response = await asMember(board, consumer, 'GET', `/v1/cases/${caseId}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      case: { id: caseId, offerId: offer.id, status: 'open', votes: [], recusals: [], decisionJws: null },
      offer: { id: offer.id, recipientId: recipient.organisationId, status: 'in_review' },
      offerStatus: 'in_review',
      recipient: { id: recipient.organisationId, corporateNumber: expect.stringMatching(/^\d{13}$/), country: 'JP', roles: ['recipient'] },
      pastCases: expect.any(Array),
      orders: [],
      openNotices: [],
    });
    expect(response.body.pastCases.length).toBeGreaterThan(0);

    const open = await asMember(board, consumer, 'GET', '/v1/cases?status=open');
    expect(open.body.cases.map((listed: { id: string }) => listed.id)).toContain(caseId);
    // The queue names each case's recipient, as registered.
    const listed = open.body.cases.find((candidate: { id: string }) => candidate.id === caseId);
    expect(listed.recipientName).toEqual(response.body.recipient.name);
    expect(open.body.cases.every((listed: { status: string }) => listed.status === 'open')).toBe(true);
    expectProblem(await asMember(board, consumer, 'GET', '/v1/cases?status=closed'), 400, 'VALIDATION_FAILED');
  });

  it('refuses bad votes with the field named, and unknown cases with 404', async () => {
    const caseId = await openCase(board, await submitOffer(recipient));
    const bad = await asSteppedUpMember(board, lawyer, 'POST', `/v1/cases/${caseId}/votes`, { decision: 'maybe', reason: '', extra: true });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors.map((problem: { path: string }) => problem.path).sort()).toEqual(['/decision', '/extra', '/reason']);
    expect((await caseOf(caseId)).case.votes).toEqual([]);
    expectProblem(await asMember(board, lawyer, 'GET', `/v1/cases/${randomUUID()}`), 404, 'REVIEW_CASE_NOT_FOUND');
    expectProblem(await asMember(board, lawyer, 'GET', '/v1/cases/not-a-uuid'), 400, 'VALIDATION_FAILED');
    expectProblem(await vote(board, lawyer, randomUUID(), 'approve'), 404, 'REVIEW_CASE_NOT_FOUND');
  });

  it('counts no vote without a fresh step-up (401 STEP_UP_REQUIRED)', async () => {
    const caseId = await openCase(board, await submitOffer(recipient));
    const unstepped = await asMember(board, lawyer, 'POST', `/v1/cases/${caseId}/votes`, {
      decision: 'approve',
      reason: '問題ありません。',
    });
    expectProblem(unstepped, 401, 'STEP_UP_REQUIRED');
    expect((await caseOf(caseId)).case.votes).toEqual([]);
    expect((await vote(board, lawyer, caseId, 'approve')).status).toBe(201);
  });

  it('lets no recipient read or vote on cases', async () => {
    const caseId = await openCase(board, await submitOffer(recipient));
    const recipientToken = await recipient.accessToken();
    expectProblem(await callJson(board.url, 'GET', `/v1/cases/${caseId}`, { bearer: recipientToken }), 401, 'UNAUTHENTICATED');
    expectProblem(await callJson(board.url, 'GET', '/v1/cases'), 401, 'UNAUTHENTICATED');
    const voted = await callJson(board.url, 'POST', `/v1/cases/${caseId}/votes`, {
      headers: { authorization: `DPoP ${recipientToken}` },
      body: { decision: 'approve', reason: 'self-approval' },
    });
    expectProblem(voted, 401, 'UNAUTHENTICATED');
    expect((await caseOf(caseId)).case.votes).toEqual([]);
  });
});
