import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../support/platform';
import { callJson } from './session-client';
import { approvedOffer, signedInIndividual } from './standing-conditions-world';

describe('worker: an offer approved by the board is judged against standing conditions', () => {
  let environment: IsolatedEnvironment;
  let portal: RunningApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    portal = await startTestApp(
      PortalModule,
      { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix },
      PORTAL_ERROR_STATUS,
    );
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ service: 'worker', config: environment.config, logger: testLogger('worker'), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
  });
  afterAll(async () => {
    await worker?.close();
    await portal?.close();
    await environment?.dispose();
  });

  it('grants the fitting individual a standing-condition consent and notifies them, through the outbox and the worker', async () => {
    const token = await signedInIndividual(portal);
    expect(
      (await callJson(portal.url, 'PUT', '/v1/me/standing-conditions', { bearer: token, body: { purposes: ['marketing'] } })).status,
    ).toBe(200);

    const offerId = await approvedOffer(portal);

    const consent = await eventually(
      'the worker to grant a standing-condition consent',
      async () => {
        const response = await callJson(portal.url, 'GET', '/v1/me/consents', { bearer: token });
        return (response.body as { offerId: string; source: string; consentId: string }[]).find((entry) => entry.offerId === offerId);
      },
      20_000,
    );
    expect(consent.source).toBe('standing_condition');
    const inbox = await callJson(portal.url, 'GET', '/v1/me/notifications', { bearer: token });
    expect(inbox.body.map((entry: { subject: { id: string } }) => entry.subject.id)).toEqual([consent.consentId]);
  });
});
