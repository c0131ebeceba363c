import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { OrganisationClient, registerOrganisation, startOrganisationApi } from '../../support/organisation-client';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../support/platform';
import { callJson, expectProblem, newIndividual } from '../portal/session-client';
import { asMember, asSteppedUpMember, signedInMember, submitOffer, vote, type SignedInMember } from './cases-support';

// The whole flow over real processes' modules: a recipient submits in the gateway, the worker's outbox
// relay and BullMQ handler open the case, three members vote at the board, and the offer reaches the
// portal's catalogue. Its own database and Redis prefix, so that its worker sees only its own work.
describe('review flow: gateway → worker → ethics board → portal', () => {
  // Four apps, a worker and password hashing for four people: slower to start than most suites.
  jest.setTimeout(30_000);

  let environment: IsolatedEnvironment;
  let gateway: RunningApp;
  let board: RunningApp;
  let portal: RunningApp;
  let worker: INestApplicationContext;
  let recipient: OrganisationClient;
  let members: SignedInMember[];
  let individualToken: string;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    const overrides = { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix };
    [gateway, board, portal] = await Promise.all([
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS, overrides),
      startTestApp(EthicsBoardModule, overrides, ETHICS_BOARD_ERROR_STATUS),
      startTestApp(PortalModule, overrides, PORTAL_ERROR_STATUS),
    ]);
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ service: 'worker', config: environment.config, logger: testLogger('worker'), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
    recipient = await registerOrganisation(gateway, { roles: ['recipient'] });
    members = [
      await signedInMember(board, 'engineer', false),
      await signedInMember(board, 'legal', true),
      await signedInMember(board, 'consumer', true),
    ];
    const individual = newIndividual();
    await callJson(portal.url, 'POST', '/v1/auth/register', { body: individual });
    individualToken = (
      await callJson(portal.url, 'POST', '/v1/auth/login', { body: { email: individual.email, password: individual.password } })
    ).body.accessToken;
  });
  afterAll(async () => {
    await worker?.close();
    await Promise.all([gateway?.close(), board?.close(), portal?.close()]);
    await environment?.dispose();
  });

  const submit = async (overrides: Record<string, unknown> = {}) => (await submitOffer(recipient, overrides)).id;
  /** The case the worker opened for the offer, once it has. */
  const caseFor = (offerId: string) =>
    eventually(`the worker to open a case for offer ${offerId}`, async () => {
      const open = await asMember(board, members[0], 'GET', '/v1/cases?status=open');
      return open.body.cases.find((listed: { offerId: string }) => listed.offerId === offerId)?.id as string | undefined;
    });
  const catalogue = async () => (await callJson(portal.url, 'GET', '/v1/offers', { bearer: individualToken })).body as { id: string }[];
  const inCatalogue = async (offerId: string) => (await catalogue()).some((offer) => offer.id === offerId);

  it('brings an offer the board approved to individuals, and never one it rejected', async () => {
    const approved = await submit();
    const rejected = await submit({ purposeCode: 'statistics' });
    expect(await inCatalogue(approved)).toBe(false);

    const [approvedCase, rejectedCase] = [await caseFor(approved), await caseFor(rejected)];
    for (const member of members) {
      expect((await vote(board, member, approvedCase, 'approve')).status).toBe(201);
      expect((await vote(board, member, rejectedCase, 'reject')).status).toBe(201);
    }
    expect((await recipient.call('GET', `/v1/offers/${approved}`)).body.status).toBe('approved');
    expect((await recipient.call('GET', `/v1/offers/${rejected}`)).body.status).toBe('rejected');

    expect(await inCatalogue(approved)).toBe(true);
    expect(await inCatalogue(rejected)).toBe(false);
    const detail = await callJson(portal.url, 'GET', `/v1/offers/${approved}`, { bearer: individualToken });
    expect(detail.status).toBe(200);
    expectProblem(await callJson(portal.url, 'GET', `/v1/offers/${rejected}`, { bearer: individualToken }), 404, 'OFFER_NOT_FOUND');
  });

  it('hides the recipient’s offers from individuals the moment a stop-use order takes effect, and lifting restores them', async () => {
    const offerId = await submit();
    const caseId = await caseFor(offerId);
    for (const member of members) await vote(board, member, caseId, 'approve');
    expect(await inCatalogue(offerId)).toBe(true);

    const [first, second, third] = members;
    const order = await asSteppedUpMember(board, first, 'POST', '/v1/orders', {
      target: { type: 'recipient', id: recipient.organisationId },
      reason: '提供先で情報漏えいが報告されたため。',
    });
    expect(await inCatalogue(offerId)).toBe(true);
    await asSteppedUpMember(board, second, 'POST', `/v1/orders/${order.body.id}/confirm`);
    expect(await inCatalogue(offerId)).toBe(false);

    await asSteppedUpMember(board, second, 'POST', `/v1/orders/${order.body.id}/lift`, { reason: '再発防止策を確認したため。' });
    expect(await inCatalogue(offerId)).toBe(false);
    await asSteppedUpMember(board, third, 'POST', `/v1/orders/${order.body.id}/lift`, { reason: '確認しました。' });
    expect(await inCatalogue(offerId)).toBe(true);
  });
});
