import { randomUUID } from 'node:crypto';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { OrganisationClient, registerOrganisation, startOrganisationApi } from '../../support/organisation-client';
import { callJson, expectProblem } from '../portal/session-client';
import { asMember, asSteppedUpMember, openCase, signedInMember, submitOffer, vote, type SignedInMember } from './cases-support';

describe('ethics board: stop-use orders need two members, take effect at once and lift with two members', () => {
  let board: RunningApp;
  let gateway: RunningApp;
  let engineer: SignedInMember;
  let lawyer: SignedInMember;
  let media: SignedInMember;

  beforeAll(async () => {
    [board, gateway] = await Promise.all([
      startTestApp(EthicsBoardModule, {}, ETHICS_BOARD_ERROR_STATUS),
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS),
    ]);
    engineer = await signedInMember(board, 'engineer', false);
    lawyer = await signedInMember(board, 'legal', true);
    media = await signedInMember(board, 'media', true);
  });
  afterAll(async () => {
    await Promise.all([board?.close(), gateway?.close()]);
  });

  /** A recipient with one approved offer (and its case decided by three members). */
  async function approvedOffer(recipient: OrganisationClient, overrides: Record<string, unknown> = {}): Promise<string> {
    const offer = await submitOffer(recipient, overrides);
    const caseId = await openCase(board, offer);
    for (const member of [engineer, lawyer, media]) await vote(board, member, caseId, 'approve');
    return offer.id;
  }
  const statusOf = async (recipient: OrganisationClient, offerId: string) =>
    (await recipient.call('GET', `/v1/offers/${offerId}`)).body.status;
  const propose = (member: SignedInMember, target: { type: string; id: string }, reason = '提供先で情報漏えいが報告されたため。') =>
    asSteppedUpMember(board, member, 'POST', '/v1/orders', { target, reason });
  const confirm = (member: SignedInMember, orderId: string) => asSteppedUpMember(board, member, 'POST', `/v1/orders/${orderId}/confirm`);
  const lift = (member: SignedInMember, orderId: string) =>
    asSteppedUpMember(board, member, 'POST', `/v1/orders/${orderId}/lift`, { reason: '再発防止策を確認したため。' });

  it('suspends nothing until a second member confirms; then suspends the recipient’s offers at once; lifting needs two members', async () => {
    const recipient = await registerOrganisation(gateway, { roles: ['recipient'] });
    const [first, second] = [await approvedOffer(recipient), await approvedOffer(recipient)];

    const proposed = await propose(lawyer, { type: 'recipient', id: recipient.organisationId });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposed: { memberId: lawyer.id }, confirmed: null });
    const orderId = proposed.body.id;
    expect(await statusOf(recipient, first)).toBe('approved');

    expectProblem(await confirm(lawyer, orderId), 409, 'SECOND_MEMBER_REQUIRED');
    expect(await statusOf(recipient, first)).toBe('approved');

    const effective = await confirm(engineer, orderId);
    expect(effective.status).toBe(200);
    expect(effective.body).toMatchObject({ status: 'effective', confirmed: { memberId: engineer.id } });
    expect([await statusOf(recipient, first), await statusOf(recipient, second)]).toEqual(['suspended', 'suspended']);
    expectProblem(await confirm(media, orderId), 409, 'STOP_USE_ORDER_NOT_PROPOSED');
    const listedEffective = (await asMember(board, media, 'GET', '/v1/orders?status=effective')).body.orders;
    expect(listedEffective.find((order: { id: string }) => order.id === orderId).suspendedOfferIds).toEqual([first, second].sort());

    const asked = await lift(engineer, orderId);
    expect(asked.body).toMatchObject({
      status: 'effective',
      liftRequested: { memberId: engineer.id, reason: '再発防止策を確認したため。' },
    });
    expect(await statusOf(recipient, first)).toBe('suspended');
    expectProblem(await lift(engineer, orderId), 409, 'SECOND_MEMBER_REQUIRED');

    const lifted = await lift(media, orderId);
    expect(lifted.body).toMatchObject({ status: 'lifted', lifted: { memberId: media.id } });
    expect([await statusOf(recipient, first), await statusOf(recipient, second)]).toEqual(['approved', 'approved']);
    expectProblem(await lift(lawyer, orderId), 409, 'STOP_USE_ORDER_NOT_EFFECTIVE');

    const listed = await asMember(board, media, 'GET', '/v1/orders?status=lifted');
    expect(listed.body.orders.find((order: { id: string }) => order.id === orderId)).toMatchObject({ suspendedOfferIds: [] });
  });

  it('keeps an offer suspended while another effective order still covers it', async () => {
    const recipient = await registerOrganisation(gateway, { roles: ['recipient'] });
    const offerId = await approvedOffer(recipient);
    const onRecipient = (await propose(lawyer, { type: 'recipient', id: recipient.organisationId })).body.id;
    const onOffer = (await propose(lawyer, { type: 'offer', id: offerId })).body.id;
    await confirm(engineer, onRecipient);
    await confirm(engineer, onOffer);
    expect(await statusOf(recipient, offerId)).toBe('suspended');

    await lift(lawyer, onRecipient);
    await lift(media, onRecipient);
    expect(await statusOf(recipient, offerId)).toBe('suspended');
    await lift(lawyer, onOffer);
    await lift(media, onOffer);
    expect(await statusOf(recipient, offerId)).toBe('approved');
  });

  it('suspends every offer asking for a category, and an offer approved while an order is effective lands suspended', async () => {
    const recipient = await registerOrganisation(gateway, { roles: ['recipient'] });
    const health = { purposeCode: 'health_promotion', items: [{ itemId: 'health.checkup#/checkedOn', required: true }] };
    const before = await approvedOffer(recipient, health);
    const unrelated = await approvedOffer(recipient);
    const orderId = (await propose(media, { type: 'category', id: 'health.checkup' })).body.id;
    await confirm(lawyer, orderId);
    expect([await statusOf(recipient, before), await statusOf(recipient, unrelated)]).toEqual(['suspended', 'approved']);

    const during = await approvedOffer(recipient, health);
    expect(await statusOf(recipient, during)).toBe('suspended');

    await lift(media, orderId);
    await lift(engineer, orderId);
    expect([await statusOf(recipient, before), await statusOf(recipient, during)]).toEqual(['approved', 'approved']);
  });

  it('refuses a target that does not exist or is malformed, naming the field, and writes nothing', async () => {
    const count = async () => (await asMember(board, engineer, 'GET', '/v1/orders')).body.orders.length;
    const before = await count();
    const unknownRecipient = await propose(engineer, { type: 'recipient', id: randomUUID() });
    expectProblem(unknownRecipient, 400, 'VALIDATION_FAILED');
    expect(unknownRecipient.body.errors).toEqual([{ path: '/target/id', message: 'names no recipient organisation' }]);
    expectProblem(await propose(engineer, { type: 'offer', id: randomUUID() }), 400, 'VALIDATION_FAILED');
    expectProblem(await propose(engineer, { type: 'category', id: 'nothing.here' }), 400, 'VALIDATION_FAILED');
    const malformed = await asSteppedUpMember(board, engineer, 'POST', '/v1/orders', { target: { type: 'everyone', id: 'x' }, reason: '' });
    expect(malformed.body.errors.map((problem: { path: string }) => problem.path).sort()).toEqual(['/reason', '/target/type']);
    expect(await count()).toBe(before);
    expectProblem(await confirm(engineer, randomUUID()), 404, 'STOP_USE_ORDER_NOT_FOUND');
  });

  it('is the board’s alone: no token, or a recipient’s token, is refused', async () => {
    const recipient = await registerOrganisation(gateway, { roles: ['recipient'] });
    expectProblem(await callJson(board.url, 'GET', '/v1/orders'), 401, 'UNAUTHENTICATED');
    const body = { target: { type: 'recipient', id: recipient.organisationId }, reason: 'x' };
    expectProblem(await callJson(board.url, 'POST', '/v1/orders', { body, bearer: await recipient.accessToken() }), 401, 'UNAUTHENTICATED');
  });

  it('needs a fresh step-up to propose, confirm or lift: without one 401 STEP_UP_REQUIRED and nothing changes', async () => {
    const recipient = await registerOrganisation(gateway, { roles: ['recipient'] });
    const offerId = await approvedOffer(recipient);
    const target = { type: 'recipient', id: recipient.organisationId };
    const count = async () => (await asMember(board, engineer, 'GET', '/v1/orders')).body.orders.length;
    const before = await count();
    expectProblem(await asMember(board, lawyer, 'POST', '/v1/orders', { target, reason: '確認のため。' }), 401, 'STEP_UP_REQUIRED');
    const stale = await callJson(board.url, 'POST', '/v1/orders', {
      bearer: lawyer.accessToken,
      headers: { 'x-step-up-token': 'not.a.token' },
      body: { target, reason: '確認のため。' },
    });
    expectProblem(stale, 401, 'STEP_UP_REQUIRED');
    expect(await count()).toBe(before);

    const orderId = (await propose(lawyer, target)).body.id;
    expectProblem(await asMember(board, engineer, 'POST', `/v1/orders/${orderId}/confirm`), 401, 'STEP_UP_REQUIRED');
    expect(await statusOf(recipient, offerId)).toBe('approved');
    await confirm(engineer, orderId);
    await lift(media, orderId);
    expectProblem(
      await asMember(board, engineer, 'POST', `/v1/orders/${orderId}/lift`, { reason: '確認しました。' }),
      401,
      'STEP_UP_REQUIRED',
    );
    expect(await statusOf(recipient, offerId)).toBe('suspended');
  });
});
