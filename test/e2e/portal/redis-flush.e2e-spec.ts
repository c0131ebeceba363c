import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { QueueRegistry } from '@infobank/platform';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { ALL_JOBS, WorkerModule } from '../../../apps/worker/src/worker.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../support/platform';
import { PrivateRedis } from '../../support/private-redis';
import { callJson } from './session-client';
import { approvedOffer, signedInIndividual } from './standing-conditions-world';

const SCHEDULES = ALL_JOBS.filter((contract) => contract.origin === 'schedule');

describe('Redis FLUSHALL with the worker running (a Redis server of this suite’s own)', () => {
  let redis: PrivateRedis;
  let environment: IsolatedEnvironment;
  let portal: RunningApp;
  let worker: INestApplicationContext;
  let queues: QueueRegistry;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    environment = await isolatedEnvironment({ REDIS_PORT: String(redis.port) });
    portal = await startTestApp(
      PortalModule,
      { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix, REDIS_PORT: String(redis.port) },
      PORTAL_ERROR_STATUS,
    );
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ service: 'worker', config: environment.config, logger: testLogger('worker'), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
    queues = new QueueRegistry(environment.config);
  });
  afterAll(async () => {
    await worker?.close();
    await portal?.close();
    await queues?.close();
    await environment?.dispose();
    await redis?.stop();
  });

  async function missingSchedules(): Promise<string[]> {
    const found = await Promise.all(SCHEDULES.map((contract) => queues.get(contract.queue).getJobScheduler(contract.name)));
    return SCHEDULES.filter((_contract, index) => found[index] === undefined).map((contract) => contract.name);
  }

  it('re-adds every schedule and seals a new consent event within 5 s, with no worker restart', async () => {
    expect(SCHEDULES.map((contract) => contract.name)).toEqual(
      expect.arrayContaining(['ledger.seal', 'consents.expire', 'transfers.expire-parts', 'notices.mark-overdue', 'notices.data-life']),
    );
    const token = await signedInIndividual(portal);
    const offerId = await approvedOffer(portal);
    const granted = await callJson(portal.url, 'POST', '/v1/me/consents', {
      bearer: token,
      body: { offerId, optionalItems: [], mode: 'auto' },
    });
    expect(granted.status).toBe(201);
    const proofPath = `/v1/me/consents/${granted.body.consentId}/proof`;
    await eventually(
      'the grant to be sealed',
      async () => (await callJson(portal.url, 'GET', proofPath, { bearer: token })).status === 200,
    );
    expect(await missingSchedules()).toEqual([]);

    await redis.flushAll();
    const flushedAt = Date.now();
    expect(await missingSchedules()).toEqual(SCHEDULES.map((contract) => contract.name));

    const paused = await callJson(portal.url, 'POST', `/v1/me/consents/${granted.body.consentId}/pause`, { bearer: token });
    expect(paused.body).toMatchObject({ state: 'paused', version: 2 });
    const proof = await eventually(
      'the pause to be sealed',
      async () => {
        const answer = await callJson(portal.url, 'GET', proofPath, { bearer: token });
        return answer.status === 200 ? answer.body : null;
      },
      5_000,
    );
    const sealedAfterMs = Date.now() - flushedAt;
    expect(JSON.parse(Buffer.from(proof.leaf, 'base64url').toString('utf8'))).toMatchObject({ type: 'consent_paused', version: 2 });
    expect(sealedAfterMs).toBeLessThan(5_000);
    await eventually('every schedule to be back', async () => (await missingSchedules()).length === 0, 5_000 - (Date.now() - flushedAt));
  });
});
