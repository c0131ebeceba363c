import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankKeyRing, BANK_SIGNING_ALGORITHM, loadKeyMaterial, parseJsonPayload, verifyJwsWithKeys } from '@infobank/crypto';
import { createRequestContext, Transactions } from '@infobank/platform';
import { SealTransparencyLogUseCase, TransparencyLogStore } from '@infobank/transparency-log';
import type { DataSource } from 'typeorm';
import { seedLogLedgers } from '../../../../../test/bench/log-ledger-seed';
import { eventually, isolatedEnvironment, openTestDataSource, type IsolatedEnvironment } from '../../../../../test/support/platform';
import type { LogVerificationFailure } from '../domain/log-verification';
import { LOG_VERIFICATION_RESULT_TYPE, type LogVerificationView } from './log-verification-view';
import { RunLogVerificationPageUseCase } from './run-log-verification-page.use-case';
import { StartLogVerificationUseCase } from './start-log-verification.use-case';
import { StartScheduledLogVerificationUseCase } from './start-scheduled-log-verification.use-case';
import { VerifyLogInlineUseCase } from './verify-log-inline.use-case';

// Its own database: the tests below tamper with ledger rows (as the superuser or the owner would).
describe('full log verification over Postgres', () => {
  let environment: IsolatedEnvironment;
  let owner: DataSource;
  let superuser: DataSource;
  let keysDirectory: string;
  let keyRing: BankKeyRing;
  let verify: VerifyLogInlineUseCase;
  let seeded: { consentEventIds: string[]; provisionIds: string[] };
  const ctx = createRequestContext({ type: 'operator', name: 'test' });

  const leafIndexOf = async (table: 'consent_events' | 'provision_records', id: string): Promise<number> => {
    const [row] = await environment.dataSource.query(
      `SELECT l."leaf_index" FROM "${table}" t JOIN "transparency_log_leaves" l ON l."id" = t."leaf_id" WHERE t."id" = $1`,
      [id],
    );
    return Number(row.leaf_index);
  };
  /** Pages of 4 leaves, so that the tree's edge is carried across pages. */
  const runVerification = (): Promise<LogVerificationView> => verify.execute(ctx, {}, { pageLeaves: 4 });
  /** What a database superuser could do: switch the append-only triggers off for one change. */
  const asSuperuser = (sql: string, parameters: unknown[]): Promise<void> =>
    superuser.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(sql, parameters);
    });
  const entryFailures = (run: LogVerificationView): LogVerificationFailure[] =>
    run.failures.filter((failure) => failure.kind !== 'consistency_failed' && failure.kind !== 'checkpoint_root_mismatch');

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    owner = await openTestDataSource(environment.config, 'migration');
    superuser = await openTestDataSource(environment.config, 'admin');
    keysDirectory = await mkdtemp(join(tmpdir(), 'infobank-verify-'));
    keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial({ keysDirectory, generateIfMissing: true }));
    const start = new StartLogVerificationUseCase(new Transactions(environment.dataSource));
    verify = new VerifyLogInlineUseCase(start, new RunLogVerificationPageUseCase(new Transactions(environment.dataSource), keyRing));

    // Three seals, so that there are several checkpoints (and consistency proofs between them) to check.
    const sealer = new SealTransparencyLogUseCase(
      keyRing,
      new Transactions(environment.dataSource),
      new TransparencyLogStore(environment.dataSource),
    );
    const first = await seedLogLedgers(environment.dataSource, { consentEvents: 5, provisions: 3 });
    const sealAll = (size: number) =>
      eventually(`log sealed to ${size}`, async () => {
        const outcome = await sealer.execute(createRequestContext({ type: 'system', name: 'test' }));
        return outcome.outcome !== 'busy' && outcome.treeSize >= size;
      });
    await sealAll(8);
    const second = await seedLogLedgers(environment.dataSource, { consentEvents: 2, provisions: 4 });
    await sealAll(14);
    const third = await seedLogLedgers(environment.dataSource, { consentEvents: 3, provisions: 0 });
    await sealAll(17);
    seeded = {
      consentEventIds: [...first.consentEventIds, ...second.consentEventIds, ...third.consentEventIds],
      provisionIds: [...first.provisionIds, ...second.provisionIds],
    };
  });
  afterAll(async () => {
    await owner?.destroy();
    await superuser?.destroy();
    await environment?.dispose();
    await rm(keysDirectory, { recursive: true, force: true });
  });

  it('Given a clean log, When verified, Then it passes and the result is signed by the bank', async () => {
    const run = await runVerification();

    expect(run).toMatchObject({ status: 'passed', fromSize: 0, toSize: 17, checkedSize: 17, failureCount: 0, failures: [] });
    expect(run.checkpointsChecked).toBe(3);
    // Checked against the published JWKS only (the public keys), with the bank's algorithm pinned.
    const verified = await verifyJwsWithKeys(run.result!, keyRing.publicJwks().keys, {
      algorithms: [BANK_SIGNING_ALGORITHM],
      typ: LOG_VERIFICATION_RESULT_TYPE,
    });
    expect(parseJsonPayload(verified.payload)).toMatchObject({ verificationId: run.id, status: 'passed', failureCount: 0, toSize: 17 });
  });

  it("Given one byte of a stored consent event flipped, When verified, Then it fails at that event's leaf index", async () => {
    const id = seeded.consentEventIds[6];
    const [{ receipt_jws: original }] = await environment.dataSource.query(`SELECT "receipt_jws" FROM "consent_events" WHERE "id" = $1`, [
      id,
    ]);
    await asSuperuser(`UPDATE "consent_events" SET "receipt_jws" = 'X' || substr("receipt_jws", 2) WHERE "id" = $1`, [id]);
    try {
      const run = await runVerification();
      expect(run.status).toBe('failed');
      expect(run.failures).toEqual([
        { kind: 'entry_mismatch', leafIndex: await leafIndexOf('consent_events', id), entry: { ledger: 'consent_event', id } },
      ]);
    } finally {
      await asSuperuser(`UPDATE "consent_events" SET "receipt_jws" = $2 WHERE "id" = $1`, [id, original]);
    }
  });

  it("Given one byte of a stored provision record flipped, When verified, Then it fails at that provision's leaf index", async () => {
    const id = seeded.provisionIds[4];
    const [{ subject_id: original }] = await environment.dataSource.query(`SELECT "subject_id" FROM "provision_records" WHERE "id" = $1`, [
      id,
    ]);
    await asSuperuser(`UPDATE "provision_records" SET "subject_id" = 'X' || substr("subject_id", 2) WHERE "id" = $1`, [id]);
    try {
      const run = await runVerification();
      expect(run.status).toBe('failed');
      expect(run.failures).toEqual([
        { kind: 'entry_mismatch', leafIndex: await leafIndexOf('provision_records', id), entry: { ledger: 'provision', id } },
      ]);
    } finally {
      await asSuperuser(`UPDATE "provision_records" SET "subject_id" = $2 WHERE "id" = $1`, [id, original]);
    }
  });

  it("Given one byte of a stored node flipped, When verified, Then it fails at that node's leaf index", async () => {
    const flip = `UPDATE "transparency_log_nodes" SET "hash" = overlay("hash" placing decode(lpad(to_hex(get_byte("hash", 0) # 1), 2, '0'), 'hex') from 1 for 1)
                   WHERE "level" = 0 AND "node_index" = 9`;
    await asSuperuser(flip, []);
    try {
      const run = await runVerification();
      expect(run.status).toBe('failed');
      // The node itself is wrong; proofs served from it between checkpoints fail too, nothing else does.
      expect(entryFailures(run)).toEqual([{ kind: 'node_mismatch', leafIndex: 9, level: 0 }]);
    } finally {
      await asSuperuser(flip, []);
    }
  });

  it('Given one byte of a checkpoint signature flipped, When verified, Then that checkpoint fails at its last leaf', async () => {
    const [{ checkpoint: original }] = await environment.dataSource.query(
      `SELECT "checkpoint" FROM "transparency_log_checkpoints" WHERE "tree_size" = 14`,
    );
    const signature = original.split('.')[2] as string;
    const flipped = `${original.slice(0, original.length - signature.length)}${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    await asSuperuser(`UPDATE "transparency_log_checkpoints" SET "checkpoint" = $1 WHERE "tree_size" = 14`, [flipped]);
    try {
      const run = await runVerification();
      expect(run.status).toBe('failed');
      expect(run.failures).toEqual([{ kind: 'checkpoint_signature_invalid', leafIndex: 13, treeSize: 14 }]);
    } finally {
      await asSuperuser(`UPDATE "transparency_log_checkpoints" SET "checkpoint" = $1 WHERE "tree_size" = 14`, [original]);
    }
  });

  it('Given a ledger row or a leaf deleted by the owner, When verified, Then the leaf is found missing at its index', async () => {
    const eventId = seeded.consentEventIds[2];
    const eventLeaf = await leafIndexOf('consent_events', eventId);
    const provisionId = seeded.provisionIds[1];
    const provisionLeaf = await leafIndexOf('provision_records', provisionId);
    // The owner may switch its own table's triggers off; the runtime role cannot.
    await owner.transaction(async (manager) => {
      await manager.query(`ALTER TABLE "consent_events" DISABLE TRIGGER "tr_consent_events_append_only"`);
      await manager.query(`DELETE FROM "consent_events" WHERE "id" = $1`, [eventId]);
      await manager.query(`ALTER TABLE "consent_events" ENABLE TRIGGER "tr_consent_events_append_only"`);
      await manager.query(`ALTER TABLE "transparency_log_leaves" DISABLE TRIGGER "tr_transparency_log_leaves_append_only"`);
      await manager.query(`DELETE FROM "transparency_log_leaves" WHERE "leaf_index" = $1`, [String(provisionLeaf)]);
      await manager.query(`ALTER TABLE "transparency_log_leaves" ENABLE TRIGGER "tr_transparency_log_leaves_append_only"`);
    });

    const run = await runVerification();

    expect(run.status).toBe('failed');
    expect(run.failures).toEqual(
      [
        { kind: 'leaf_without_entry', leafIndex: eventLeaf },
        { kind: 'leaf_missing', leafIndex: provisionLeaf },
        { kind: 'entry_without_leaf', leafIndex: null, entry: { ledger: 'provision', id: provisionId } },
      ].sort((a, b) => (a.leafIndex ?? Infinity) - (b.leafIndex ?? Infinity)),
    );
    // A failed run raises one board notification (ids and counts only).
    const notifications = await environment.dataSource.query(
      `SELECT "kind", "summary" FROM "board_notifications" WHERE "subject_id" = $1`,
      [run.id],
    );
    expect(notifications).toEqual([
      { kind: 'log_verification_failed', summary: expect.objectContaining({ failureCount: 3, trigger: 'operator' }) },
    ]);
  });

  it('Given a run that stopped after a page, When it is resumed, Then it carries on from its progress to the same result', async () => {
    const start = new StartLogVerificationUseCase(new Transactions(environment.dataSource));
    const first = await start.execute(ctx, { fromSize: 0, toSize: 8 }, { inline: true });
    const runPage = new RunLogVerificationPageUseCase(new Transactions(environment.dataSource), keyRing);
    const afterOnePage = await runPage.execute(ctx, first.id, { enqueueNext: false, pageLeaves: 3 });
    expect(afterOnePage).toMatchObject({ status: 'running', checkedSize: 3 });

    const resumed = await verify.execute(ctx, { resume: first.id }, { pageLeaves: 3 });

    expect(resumed).toMatchObject({ id: first.id, checkedSize: 8, checkpointsChecked: 1 });
  });

  it('Given the schedule, When it runs twice within LOG_VERIFICATION_EVERY_HOURS, Then it starts one whole-log run for the worker', async () => {
    const config = { ...environment.config, oversight: { logVerificationIntervalHours: 24 } };
    const scheduled = new StartScheduledLogVerificationUseCase(
      new Transactions(environment.dataSource),
      new StartLogVerificationUseCase(new Transactions(environment.dataSource)),
      config,
    );
    const system = createRequestContext({ type: 'system', name: 'job:log-verifications.schedule' });

    const first = await scheduled.execute(system);
    const second = await scheduled.execute(system);

    expect(first).toMatchObject({ trigger: 'schedule', status: 'running', fromSize: 0, toSize: 17 });
    expect(second).toBeNull();
    const jobs = await environment.dataSource.query(
      `SELECT "queue", "payload" FROM "outbox" WHERE "job_name" = 'log-verifications.run-page'`,
    );
    expect(jobs).toEqual([{ queue: 'schedules', payload: { verificationId: first!.id } }]);
    const off = new StartScheduledLogVerificationUseCase(
      new Transactions(environment.dataSource),
      new StartLogVerificationUseCase(new Transactions(environment.dataSource)),
      {
        ...environment.config,
        oversight: { logVerificationIntervalHours: 0 },
      },
    );
    await expect(
      off.execute(createRequestContext({ type: 'system', name: 'test' }, undefined, () => new Date(Date.now() + 48 * 3_600_000))),
    ).resolves.toBeNull();
  });
});
