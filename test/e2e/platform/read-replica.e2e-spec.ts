import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MIGRATIONS } from '@infobank/migrations';
import { CreateOfferUseCase, RecordReviewOutcomeUseCase, SubmitOfferUseCase, type OfferTerms } from '@infobank/offers';
import {
  buildDataSourceOptions,
  buildReplicaDataSourceOptions,
  createRequestContext,
  ensureDatabaseRoles,
  loadConfig,
  ReadYourWrites,
  ReplicaReads,
  withTransaction,
} from '@infobank/platform';
import { SealTransparencyLogUseCase } from '@infobank/transparency-log';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { PostgresCluster } from '../../chaos/services';
import { RunningApp, startTestApp } from '../../support/http-app';
import { offerTerms } from '../../support/offer-terms';
import { registerOrganisation } from '../../support/organisation-client';
import { eventually, testLogger } from '../../support/platform';
import { freePort } from '../../support/private-redis';
import { verifyEmailWithoutMail } from '../../support/verified-individual';
import { callJson, newIndividual } from '../portal/session-client';

// A real primary and a real streaming replica (pg_basebackup -R) of its own, on spare ports. The replica
// applies each commit 3 s late (recovery_min_apply_delay), so a read that went to it shows an older state.
const APPLY_DELAY = `recovery_min_apply_delay = '3s'`;

describe('reads from a streaming replica (DATABASE_READ_HOST) with read-your-writes', () => {
  // One temporary directory per cluster: as root they belong to the postgres user, who could not enter a shared parent.
  const directories = [mkdtempSync(join(tmpdir(), 'infobank-primary-')), mkdtempSync(join(tmpdir(), 'infobank-replica-'))];
  const database = `${process.env.DATABASE_NAME ?? 'infobank_test'}_replica`;
  let primary: PostgresCluster;
  let replica: PostgresCluster;
  let portal: RunningApp;
  let onPrimary: Client;
  let onReplica: Client;
  let offerId: string;
  let alice: { id: string; accessToken: string };

  const use = <T>(type: new (...args: never[]) => T): T => portal.app.get(type, { strict: false });
  const get = (path: string, bearer?: string) => callJson(portal.url, 'GET', path, { bearer });
  const post = (path: string, bearer: string, body: unknown = {}) => callJson(portal.url, 'POST', path, { bearer, body });

  /** The row count of `sql` as the superuser sees it on one cluster, straight (not through the app). */
  const count = async (client: Client, sql: string, parameters: unknown[]) => Number((await client.query(sql, parameters)).rows[0].count);

  /** Read-only transactions that rolled back on the replica's database: a write sent there would fail and count here. */
  const replicaRollbacks = async () =>
    Number((await onReplica.query('SELECT xact_rollback FROM pg_stat_database WHERE datname = $1', [database])).rows[0].xact_rollback);

  async function replicaCaughtUp(): Promise<void> {
    const { rows } = await onPrimary.query('SELECT pg_current_wal_lsn()::text AS "lsn"');
    await eventually('the replica to replay everything', async () => {
      const replayed = await onReplica.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS "done"', [rows[0].lsn]);
      return replayed.rows[0].done === true;
    });
  }

  async function session(): Promise<{ id: string; accessToken: string }> {
    const individual = newIndividual();
    const { body: registered } = await callJson(portal.url, 'POST', '/v1/auth/register', { body: individual });
    await verifyEmailWithoutMail(portal, registered.id as string);
    const { body: tokens } = await callJson(portal.url, 'POST', '/v1/auth/login', {
      body: { email: individual.email, password: individual.password },
    });
    return { id: registered.id, accessToken: tokens.accessToken };
  }

  async function approvedOffer(): Promise<string> {
    const recipient = (await registerOrganisation(portal, { roles: ['recipient'] })).organisationId;
    const ctx = createRequestContext({ type: 'organisation', id: recipient, roles: ['recipient'] });
    const { id } = await use(CreateOfferUseCase).execute(ctx, offerTerms() as unknown as OfferTerms);
    await use(SubmitOfferUseCase).execute(ctx, id);
    await use(RecordReviewOutcomeUseCase).execute(createRequestContext({ type: 'system', name: 'review' }), {
      offerId: id,
      round: 1,
      outcome: 'approved',
      reasons: ['承認'],
      decidedAt: new Date(),
      caseId: randomUUID(),
      suspended: false,
    });
    return id;
  }

  beforeAll(async () => {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    primary = await PostgresCluster.create(directories[0], primaryPort);
    const overrides = {
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(primaryPort),
      DATABASE_NAME: database,
      DATABASE_ADMIN_USER: 'postgres',
      DATABASE_ADMIN_PASSWORD: '',
      REDIS_PREFIX: database,
    };
    const config = loadConfig({ ...process.env, ...overrides });
    await ensureDatabaseRoles(config);
    const owner = new DataSource(buildDataSourceOptions(config, { entities: [], migrations: MIGRATIONS }, { credentials: 'migration' }));
    await owner.initialize();
    await owner.runMigrations({ transaction: 'each' });
    await owner.destroy();
    replica = await PostgresCluster.createReplica(primary, directories[1], replicaPort, [APPLY_DELAY]);
    [onPrimary, onReplica] = [await primary.client(database), await replica.client(database)];
    portal = await startTestApp(
      PortalModule,
      { ...overrides, DATABASE_READ_HOST: '127.0.0.1', DATABASE_READ_PORT: String(replicaPort), DATABASE_READ_MAX_LAG_MS: '10000' },
      PORTAL_ERROR_STATUS,
    );
    [alice, offerId] = await Promise.all([session(), approvedOffer()]);
    // The first replica read starts the lag monitor; then everything so far reaches the replica.
    await get('/v1/log/checkpoints/latest');
    await replicaCaughtUp();
  }, 90_000);

  afterAll(async () => {
    await portal?.close();
    await onPrimary?.end();
    await onReplica?.end();
    replica?.stop();
    primary?.stop();
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  it('shows a just-granted consent to its individual at once, while the replica does not have it yet (read-your-writes)', async () => {
    const rollbacksBefore = await replicaRollbacks();
    const granted = await post('/v1/me/consents', alice.accessToken, { offerId, optionalItems: [], mode: 'auto' });
    expect(granted.status).toBe(201);
    const consentId = granted.body.consentId as string;

    const receipts = await get(`/v1/me/consents/${consentId}/receipts`, alice.accessToken);

    expect(receipts.status).toBe(200);
    expect(receipts.body.map((receipt: { type: string }) => receipt.type)).toEqual(['consent_granted']);
    // The replica is still 3 s behind: the answer can only have come from the primary.
    expect(await count(onReplica, 'SELECT count(*) FROM consents WHERE id = $1', [consentId])).toBe(0);
    expect(await count(onPrimary, 'SELECT count(*) FROM consents WHERE id = $1', [consentId])).toBe(1);
    // The grant (a write through the app's route) opened no transaction on the replica: none failed there.
    expect(await replicaRollbacks()).toBe(rollbacksBefore);

    // Once the replica has replayed the grant, Alice's reads of her history go to the replica again.
    await replicaCaughtUp();
    const replicaSessions = async () =>
      count(onReplica, `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'infobank-test-replica' AND datname = $1`, [
        database,
      ]);
    expect(await replicaSessions()).toBeGreaterThan(0);
    expect((await get(`/v1/me/consents/${consentId}/receipts`, alice.accessToken)).body).toHaveLength(1);

    const revoked = await post(`/v1/me/consents/${consentId}/revoke`, alice.accessToken, { reason: 'もう使わない' });
    expect(revoked.status).toBe(200);
    const afterRevoke = await get(`/v1/me/consents/${consentId}/receipts`, alice.accessToken);
    expect(afterRevoke.body.map((receipt: { type: string }) => receipt.type)).toEqual(['consent_granted', 'consent_revoked']);
    expect(await count(onReplica, 'SELECT count(*) FROM consent_events WHERE consent_id = $1', [consentId])).toBe(1);
    expect(await replicaRollbacks()).toBe(rollbacksBefore);
  });

  it('serves someone else the replica’s older state: an anonymous read of the log misses a checkpoint for about 3 s', async () => {
    const dataSource = portal.app.get(DataSource);
    const sealer = createRequestContext({ type: 'system', name: 'transparency-log-test' });
    await dataSource.transaction((manager) => use(SealTransparencyLogUseCase).execute(withTransaction(sealer, manager)));
    const { rows } = await onPrimary.query('SELECT max(tree_size)::int AS "size" FROM transparency_log_checkpoints');
    const sealedSize = rows[0].size as number;
    expect(sealedSize).toBeGreaterThan(0);

    const anonymous = await get('/v1/log/checkpoints/latest');

    // From the replica, which has not applied the seal yet: no checkpoint at all, or an older one.
    const seenSize = anonymous.status === 200 ? (anonymous.body.treeSize as number) : 0;
    expect([200, 404]).toContain(anonymous.status);
    expect(seenSize).toBeLessThan(sealedSize);
    // Within the apply delay (plus slack) the replica has it, and the same read shows it.
    const caughtUp = await eventually(
      'the replica to show the new checkpoint',
      async () => {
        const answer = await get('/v1/log/checkpoints/latest');
        return answer.status === 200 && answer.body.treeSize === sealedSize ? answer : undefined;
      },
      15_000,
    );
    expect(caughtUp.body.treeSize).toBe(sealedSize);
  });

  it('sends every read to the primary while the replica lags more than DATABASE_READ_MAX_LAG_MS', async () => {
    const dataSource = portal.app.get(DataSource);
    const withLagBound = (maxLagMs: number) =>
      new ReplicaReads(dataSource, {
        options: buildReplicaDataSourceOptions(
          { ...portal.config, database: { ...portal.config.database, readReplica: { host: '127.0.0.1', port: replica.port, maxLagMs } } },
          { entities: [] },
          'infobank-test-lag',
        ),
        maxLagMs,
        writes: new ReadYourWrites(null),
        logger: testLogger(),
      });
    const [strict, lenient] = [withLagBound(1_000), withLagBound(10_000)];
    const anyone = createRequestContext({ type: 'anonymous' });
    const probes = (reads: ReplicaReads) =>
      reads.run(anyone, async (read) => {
        const [row] = await (read.transaction ?? dataSource.manager).query('SELECT count(*)::int AS "count" FROM replica_lag_probe');
        return row.count as number;
      });
    await onPrimary.query('CREATE TABLE replica_lag_probe (id int); GRANT SELECT ON replica_lag_probe TO PUBLIC');
    await replicaCaughtUp();
    try {
      expect([await probes(strict), await probes(lenient)]).toEqual([0, 0]);
      // Replay stops: from now on the replica falls further behind the primary with every second.
      await onReplica.query('SELECT pg_wal_replay_pause()');
      await onPrimary.query('INSERT INTO replica_lag_probe VALUES (1)');
      await new Promise((resolve) => setTimeout(resolve, 2_000));

      // 2 s behind: beyond a 1 s bound every read goes to the primary; within a 10 s bound it stays on the replica.
      expect(await probes(strict)).toBe(1);
      expect(await probes(lenient)).toBe(0);
    } finally {
      await onReplica.query('SELECT pg_wal_replay_resume()');
      await Promise.all([strict.onApplicationShutdown(), lenient.onApplicationShutdown()]);
    }
  });

  it('reads from the primary, never a 500, when the replica goes down; and the replica’s sessions cannot write', async () => {
    // The replica's pool, pointed at the primary by mistake, still cannot write: its sessions are read-only.
    const config = loadConfig({ ...process.env, DATABASE_PORT: String(primary.port), DATABASE_NAME: database });
    const misdirected = new DataSource(
      buildReplicaDataSourceOptions(
        { ...config, database: { ...config.database, readReplica: { host: '127.0.0.1', port: primary.port, maxLagMs: 0 } } },
        { entities: [] },
        'infobank-test-misdirected',
      ),
    );
    await misdirected.initialize();
    try {
      await expect(misdirected.query('DELETE FROM consents WHERE false')).rejects.toMatchObject({ driverError: { code: '25006' } });
      await expect(misdirected.query(`CREATE TABLE replica_write_probe (id int)`)).rejects.toMatchObject({
        driverError: { code: '25006' },
      });
    } finally {
      await misdirected.destroy();
    }

    replica.stop();
    const granted = await post('/v1/me/consents', alice.accessToken, { offerId, optionalItems: [], mode: 'auto' });
    expect(granted.status).toBe(201);
    const receipts = await get(`/v1/me/consents/${granted.body.consentId}/receipts`, alice.accessToken);
    expect(receipts.status).toBe(200);
    expect(receipts.body).toHaveLength(1);
    const latest = await get('/v1/log/checkpoints/latest');
    expect(latest.status).toBe(200);
    const { rows } = await onPrimary.query('SELECT max(tree_size)::int AS "size" FROM transparency_log_checkpoints');
    expect(latest.body.treeSize).toBe(rows[0].size);
  });
});
