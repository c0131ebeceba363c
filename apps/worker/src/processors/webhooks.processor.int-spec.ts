import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { SCHEMA } from '@infobank/migrations';
import { createRequestContext, enqueueJob, QueueRegistry } from '@infobank/platform';
import { DELIVER_NOTICE_WEBHOOK_JOB } from '@infobank/revocation';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../../../test/support/platform';
import { WorkerModule } from '../worker.module';
import { DeliverNoticeWebhookProcessor } from './webhooks.processor';

describe('the worker delivers notice webhooks', () => {
  let environment: IsolatedEnvironment;
  let worker: INestApplicationContext;
  let queues: QueueRegistry;
  let server: Server;
  const received: string[] = [];
  const statuses: number[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received.push(request.url ?? '');
        response.writeHead(statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    environment = await isolatedEnvironment({ WEBHOOK_ALLOW_LOCAL: 'true', OUTBOX_POLL_INTERVAL_MS: '50' });
    queues = new QueueRegistry(environment.config);
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({
        service: 'worker',
        config: environment.config,
        logger: testLogger(),
        ...SCHEMA,
        jobs: [DELIVER_NOTICE_WEBHOOK_JOB],
        processors: [DeliverNoticeWebhookProcessor],
      }),
      { logger: false, abortOnError: false },
    );
  });

  afterAll(async () => {
    await worker?.close();
    await queues?.get('webhooks').obliterate({ force: true });
    await queues?.close();
    await environment?.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** A recipient with this webhook URL and one open notice to it, then the job, committed together as H6a's issuer does. */
  async function noticeWithJob(webhookUrl: string): Promise<{ noticeId: string; jobId: string }> {
    const recipientId = randomUUID();
    const noticeId = randomUUID();
    const jobId = await environment.dataSource.transaction(async (transaction) => {
      await transaction.query(
        `INSERT INTO "organisations" ("id", "corporate_number", "name_ja", "country", "roles", "webhook_url", "terms_version", "status")
         VALUES ($1, $2, '受領株式会社', 'JP', ARRAY['recipient'], $3, '2026-01', 'active')`,
        [recipientId, `${randomInt(1, 10)}${String(randomInt(0, 1e12)).padStart(12, '0')}`, webhookUrl],
      );
      await transaction.query(
        `INSERT INTO "withdrawal_notices" ("id", "recipient_id", "kind", "source_key", "offer_id", "reason", "subjects", "transfers", "status", "issued_at", "due_at")
         VALUES ($1, $2, 'consent_revoked', $3, NULL, 'The individual withdrew their consent.', ARRAY['sub-a'], ARRAY[$4::uuid], 'open', now(), now() + interval '7 days')`,
        [noticeId, recipientId, `consent:${randomUUID()}:2`, randomUUID()],
      );
      return enqueueJob({ ...createRequestContext({ type: 'system', name: 'test' }), transaction }, DELIVER_NOTICE_WEBHOOK_JOB, {
        noticeId,
      });
    });
    return { noticeId, jobId };
  }

  async function outcomes(noticeId: string): Promise<string[]> {
    const rows: { outcome: string }[] = await environment.dataSource.query(
      `SELECT "outcome" FROM "webhook_deliveries" WHERE "notice_id" = $1 ORDER BY "attempt"`,
      [noticeId],
    );
    return rows.map((row) => row.outcome);
  }

  async function completed(jobId: string): Promise<boolean> {
    const [row]: { completed: boolean }[] = await environment.dataSource.query(
      `SELECT "completed_at" IS NOT NULL AS "completed" FROM "outbox" WHERE "id" = $1`,
      [jobId],
    );
    return row.completed;
  }

  it('POSTs the notice, logs it delivered and completes the job, which was queued with the webhook retry policy', async () => {
    const port = (server.address() as AddressInfo).port;
    const { noticeId, jobId } = await noticeWithJob(`http://127.0.0.1:${port}/delivered`);

    await eventually('the job to complete', () => completed(jobId), 20_000);

    expect(received).toContain('/delivered');
    expect(await outcomes(noticeId)).toEqual(['delivered']);
    const job = await queues.get('webhooks').getJob(jobId);
    expect(job?.opts).toMatchObject({ attempts: 8, backoff: { type: 'exponential', delay: 30_000 } });
  });

  it('Given an endpoint answering 500, then the attempt is logged failed and the job waits for its retry', async () => {
    const port = (server.address() as AddressInfo).port;
    statuses.push(500);
    const { noticeId, jobId } = await noticeWithJob(`http://127.0.0.1:${port}/failing`);

    const job = await eventually(
      'the first attempt to fail',
      async () => {
        const state = await queues.get('webhooks').getJobState(jobId);
        return state === 'delayed' ? queues.get('webhooks').getJob(jobId) : null;
      },
      20_000,
    );

    expect(job.attemptsMade).toBe(1);
    expect(await outcomes(noticeId)).toEqual(['failed']);
    expect(await completed(jobId)).toBe(false);
  });

  it('Given a URL that is refused, then it is logged refused and the job fails at once without retry', async () => {
    const { noticeId, jobId } = await noticeWithJob('http://10.0.0.1/hook');

    const job = await eventually(
      'the job to fail',
      async () => {
        const state = await queues.get('webhooks').getJobState(jobId);
        return state === 'failed' ? queues.get('webhooks').getJob(jobId) : null;
      },
      20_000,
    );

    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/refused/);
    expect(await outcomes(noticeId)).toEqual(['refused']);
    expect(received).not.toContain('/hook');
  });
});
