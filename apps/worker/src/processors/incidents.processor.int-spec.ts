import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { SCHEMA } from '@infobank/migrations';
import { NOTIFY_INCIDENT_PAGE_JOB, OpenIncidentUseCase, StartIncidentNotificationUseCase } from '@infobank/oversight';
import { createRequestContext, QueueRegistry } from '@infobank/platform';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../../../test/support/platform';
import { WorkerModule } from '../worker.module';
import { NotifyIncidentPageProcessor } from './oversight.processor';

describe('the worker tells the individuals an incident affected', () => {
  let environment: IsolatedEnvironment;
  let worker: INestApplicationContext;
  let queues: QueueRegistry;
  const individuals = [randomUUID(), randomUUID(), randomUUID()];
  const operator = createRequestContext({ type: 'operator', name: 'test' });

  beforeAll(async () => {
    environment = await isolatedEnvironment({ OUTBOX_POLL_INTERVAL_MS: '50' });
    queues = new QueueRegistry(environment.config);
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({
        service: 'worker',
        config: environment.config,
        logger: testLogger(),
        ...SCHEMA,
        jobs: [NOTIFY_INCIDENT_PAGE_JOB],
        processors: [NotifyIncidentPageProcessor],
      }),
      { logger: false, abortOnError: false },
    );
    // Three individuals with a deposited record each (the vault's rows, content never read).
    for (const id of individuals) {
      await environment.dataSource.query(
        `INSERT INTO "accounts" ("id", "kind", "email", "password_hash", "display_name", "language")
         VALUES ($1, 'individual', $2, 'x', '山田 花子', 'ja')`,
        [id, `incident.${id}@example.jp`],
      );
      await environment.dataSource.query(
        `INSERT INTO "vault_records" ("id", "provider_id", "record_id", "individual_id", "category", "observed_at", "version",
                "content_digest", "ciphertext", "plaintext_bytes", "deposit_batch_id", "jws_digest", "signing_kid", "received_at", "first_received_at")
         VALUES ($1, $2, $3, $4, 'purchase.receipts', now(), 1, '\\x00', '\\x00', 1, $5, '\\x00', 'kid', now(), now() - interval '1 day')`,
        [randomUUID(), randomUUID(), `R-${id}`, id, randomUUID()],
      );
    }
  });

  afterAll(async () => {
    await worker?.close();
    await queues?.get('notifications').obliterate({ force: true });
    await queues?.close();
    await environment?.dispose();
  });

  it('runs the outbox job through BullMQ: each affected individual gets one notification and the incident ends notified', async () => {
    const incident = await worker.get(OpenIncidentUseCase, { strict: false }).execute(operator, {
      kind: 'bank_breach',
      from: new Date(Date.now() - 7 * 24 * 3600_000).toISOString(),
      to: new Date(Date.now() + 3600_000).toISOString(),
      description: '作業用端末の紛失',
    });
    expect(incident.affectedIndividuals).toBe(3);
    await worker.get(StartIncidentNotificationUseCase, { strict: false }).execute(operator, incident.id);

    await eventually('the incident to be notified', async () => {
      const [row] = await environment.dataSource.query(`SELECT "state" FROM "incidents" WHERE "id" = $1`, [incident.id]);
      return row.state === 'notified';
    });
    const notifications: { individual_id: string; subject_id: string }[] = await environment.dataSource.query(
      `SELECT "individual_id", "subject_id" FROM "notifications" WHERE "kind" = 'incident_affecting_me'`,
    );
    expect(notifications.map((row) => row.individual_id).sort()).toEqual([...individuals].sort());
    expect(notifications.every((row) => row.subject_id === incident.id)).toBe(true);
    const [job] = await environment.dataSource.query(
      `SELECT "payload", "completed_at" FROM "outbox" WHERE "job_name" = 'incidents.notify-page'`,
    );
    expect(job.payload).toEqual({ incidentId: incident.id });
    expect(job.completed_at).not.toBeNull();
  });
});
