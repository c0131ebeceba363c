import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openTestDataSource, testConfig } from '../../../../../test/support/platform';

describe('consent_events is append-only in the database (migration 1795340009000)', () => {
  let dataSource: DataSource;
  const consentId = randomUUID();
  const eventId = randomUUID();

  beforeAll(async () => {
    // As the owner role: the runtime role the apps use holds no UPDATE, DELETE or TRUNCATE here at all
    // (prisma-free-migrations/least-privilege.int-spec.ts); the trigger refuses even the table's owner.
    dataSource = await openTestDataSource(testConfig(), 'migration');
    await dataSource.query(
      `INSERT INTO "consents" ("id", "individual_id", "offer_id", "recipient_id", "status", "mode", "source", "items", "offer_snapshot", "version", "granted_at", "updated_at")
       VALUES ($1, $2, $3, $4, 'active', 'auto', 'individual', ARRAY['a.b#/c'], '{}'::jsonb, 1, now(), now())`,
      [consentId, randomUUID(), randomUUID(), randomUUID()],
    );
    await dataSource.query(
      `INSERT INTO "consent_events" ("id", "consent_id", "version", "type", "payload", "actor", "occurred_at", "receipt_id", "receipt_jws", "receipt_hash", "leaf_id")
       VALUES ($1, $2, 1, 'consent_granted', '{}'::jsonb, 'individual', now(), $3, 'jws', 'hash', $4)`,
      [eventId, consentId, randomUUID(), randomUUID()],
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('refuses UPDATE of an event', async () => {
    await expect(dataSource.query(`UPDATE "consent_events" SET "type" = 'consent_revoked' WHERE "id" = $1`, [eventId])).rejects.toThrow(
      /consent_events is append-only/,
    );
  });

  it('refuses DELETE of an event', async () => {
    await expect(dataSource.query(`DELETE FROM "consent_events" WHERE "id" = $1`, [eventId])).rejects.toThrow(
      /consent_events is append-only/,
    );
  });

  it('refuses TRUNCATE of the table', async () => {
    await expect(dataSource.query(`TRUNCATE "consent_events" CASCADE`)).rejects.toThrow(/consent_events is append-only/);
  });

  it('leaves the event exactly as inserted', async () => {
    const rows: { type: string }[] = await dataSource.query(`SELECT "type" FROM "consent_events" WHERE "id" = $1`, [eventId]);
    expect(rows).toEqual([{ type: 'consent_granted' }]);
  });

  it('refuses a second event with the same consent version (optimistic concurrency backstop)', async () => {
    await expect(
      dataSource.query(
        `INSERT INTO "consent_events" ("id", "consent_id", "version", "type", "payload", "actor", "occurred_at", "receipt_id", "receipt_jws", "receipt_hash", "leaf_id")
         VALUES ($1, $2, 1, 'consent_paused', '{}'::jsonb, 'individual', now(), $3, 'jws', 'hash', $4)`,
        [randomUUID(), consentId, randomUUID(), randomUUID()],
      ),
    ).rejects.toThrow(/uq_consent_events_consent_version/);
  });
});
