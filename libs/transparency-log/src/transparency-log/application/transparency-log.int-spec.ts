import { randomBytes } from 'node:crypto';
import { createRequestContext, withTransaction, Transactions } from '@infobank/platform';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import { eventually, isolatedEnvironment, openTestDataSource, type IsolatedEnvironment } from '../../../../../test/support/platform';
import { maintenanceClient } from '../../../../../test/support/test-environment';
import type { DataSource } from 'typeorm';
import { merkleTreeHash } from '../domain/merkle-tree';
import { SealTransparencyLogUseCase, type SealOutcome } from './seal-transparency-log.use-case';
import { TransparencyLog } from './transparency-log';
import { TransparencyLogStore } from '../infrastructure/transparency-log.store';
import { verifyCheckpoint, verifyConsistencyProofAgainstJwks, verifyInclusionProofAgainstJwks } from './verify-log-proofs';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

describe('the transparency log over Postgres', () => {
  let environment: IsolatedEnvironment;
  let owner: DataSource;
  let superuser: DataSource;
  let keysDirectory: string;
  let keyRing: BankKeyRing;
  let log: TransparencyLog;
  let sealer: SealTransparencyLogUseCase;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    owner = await openTestDataSource(environment.config, 'migration');
    superuser = await openTestDataSource(environment.config, 'admin');
    keysDirectory = await mkdtemp(join(tmpdir(), 'infobank-log-'));
    keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial({ keysDirectory, generateIfMissing: true }));
    log = new TransparencyLog(new TransparencyLogStore(environment.dataSource));
    sealer = new SealTransparencyLogUseCase(
      keyRing,
      new Transactions(environment.dataSource),
      new TransparencyLogStore(environment.dataSource),
    );
  });
  afterAll(async () => {
    await owner?.destroy();
    await superuser?.destroy();
    await environment?.dispose();
    await rm(keysDirectory, { recursive: true, force: true });
  });

  const seal = (): Promise<SealOutcome> =>
    environment.dataSource.transaction((manager) => sealer.execute(withTransaction(logCtx, manager)));
  const append = (body: string): Promise<string> =>
    environment.dataSource.transaction((manager) =>
      log.append(withTransaction(logCtx, manager), { kind: 'test.leaf', body: Buffer.from(body) }),
    );
  /** What a database superuser could do: switch the append-only trigger off and change a leaf. */
  const changeFirstByte = (id: string, character: string): Promise<void> =>
    superuser.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(
        `UPDATE "transparency_log_leaves" SET "body" = overlay("body" placing convert_to($2, 'UTF8') from 1 for 1) WHERE "id" = $1`,
        [id, character],
      );
    });
  /** Seals until every leaf in `ids` has a proof (other transactions on the cluster may hold the xmin back briefly). */
  const sealedProofs = (ids: readonly string[]) =>
    eventually(`leaves ${ids.length} sealed`, async () => {
      await seal();
      const proofs = await Promise.all(ids.map((id) => log.inclusionProof(logCtx, id)));
      return proofs.every((proof) => proof !== null) ? proofs.map((proof) => proof!) : null;
    });

  it('Given appended leaves, When sealed, Then each inclusion proof verifies offline against the JWKS', async () => {
    const ids = [await append('first'), await append('second'), await append('third')];
    expect(await log.inclusionProof(logCtx, ids[0])).toBeNull();

    const proofs = await sealedProofs(ids);

    const jwks = keyRing.publicJwks();
    for (const [position, proof] of proofs.entries()) {
      const checkpoint = await verifyInclusionProofAgainstJwks(proof, jwks);
      expect(Buffer.from(proof.leaf, 'base64url').toString()).toBe(['first', 'second', 'third'][position]);
      expect(checkpoint.treeSize).toBeGreaterThan(proof.leafIndex);
    }
  });

  it('Given a sealed leaf, When one byte of it is changed in the database, Then its proof no longer verifies', async () => {
    const id = await append('a consent event');
    const [before] = await sealedProofs([id]);
    await expect(verifyInclusionProofAgainstJwks(before, keyRing.publicJwks())).resolves.toBeDefined();

    // The runtime role may not change it, and the append-only trigger refuses even the owner...
    await expect(
      environment.dataSource.query(`UPDATE "transparency_log_leaves" SET "body" = $2 WHERE "id" = $1`, [id, Buffer.from('x')]),
    ).rejects.toThrow(/permission denied/);
    await expect(owner.query(`UPDATE "transparency_log_leaves" SET "body" = $2 WHERE "id" = $1`, [id, Buffer.from('x')])).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.query(`TRUNCATE "transparency_log_checkpoints"`)).rejects.toThrow(/append-only/);
    // ...so the attacker is a superuser who switches triggers off.
    await changeFirstByte(id, 'A');

    const after = await log.inclusionProof(logCtx, id);
    expect(Buffer.from(after!.leaf, 'base64url').toString()).toBe('A consent event');
    await expect(verifyInclusionProofAgainstJwks(after!, keyRing.publicJwks())).rejects.toMatchObject({ code: 'LOG_PROOF_INVALID' });

    // Restoring the byte makes it verify again (and keeps the tree whole for the other tests).
    await changeFirstByte(id, 'a');
    await expect(verifyInclusionProofAgainstJwks((await log.inclusionProof(logCtx, id))!, keyRing.publicJwks())).resolves.toBeDefined();
  });

  it('Given two checkpoints, When a consistency proof between them is served, Then it verifies, and a forged one does not', async () => {
    await sealedProofs([await append('before the first checkpoint')]);
    const first = (await log.latestCheckpoint(logCtx))!;
    await sealedProofs([await append('later 1'), await append('later 2'), await append('later 3')]);
    const second = (await log.latestCheckpoint(logCtx))!;
    expect(second.treeSize).toBeGreaterThan(first.treeSize);

    const proof = await log.consistencyProof(logCtx, first.treeSize, second.treeSize);
    expect(proof.fromCheckpoint).toBe(first.checkpoint);
    expect(proof.toCheckpoint).toBe(second.checkpoint);
    const verified = await verifyConsistencyProofAgainstJwks(
      { consistencyPath: proof.consistencyPath, fromCheckpoint: first.checkpoint, toCheckpoint: second.checkpoint },
      keyRing.publicJwks(),
    );
    expect(verified.to.rootHash).toBe(second.rootHash);
    const forged = [...proof.consistencyPath];
    forged[0] = randomBytes(32).toString('base64url');
    await expect(
      verifyConsistencyProofAgainstJwks(
        { consistencyPath: forged, fromCheckpoint: first.checkpoint, toCheckpoint: second.checkpoint },
        keyRing.publicJwks(),
      ),
    ).rejects.toMatchObject({ code: 'LOG_PROOF_INVALID' });
    await expect(log.consistencyProof(logCtx, first.treeSize, second.treeSize + 1)).rejects.toMatchObject({ code: 'LOG_RANGE_INVALID' });
  });

  it('Given a transaction that appended first but commits last, Then later leaves wait for it and none is skipped', async () => {
    const runner = environment.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const slow = await log.append(withTransaction(logCtx, runner.manager), { kind: 'test.leaf', body: Buffer.from('slow') });
      const fast = await append('fast');
      await seal();
      expect(await log.inclusionProof(logCtx, fast)).toBeNull();
      await runner.commitTransaction();
      const [slowProof, fastProof] = await sealedProofs([slow, fast]);
      expect(fastProof.leafIndex).toBe(slowProof.leafIndex + 1);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('Given a sealer whose transaction is still open, When another seal runs, Then it is busy and seals nothing', async () => {
    const id = await append('sealed once the first sealer has finished');
    const runner = environment.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // The first sealer's lock lasts until its transaction ends, whether it sealed or found nothing to seal.
      expect((await sealer.execute(withTransaction(logCtx, runner.manager))).outcome).not.toBe('busy');
      const before = await log.latestCheckpoint(logCtx);
      expect(await seal()).toEqual({ outcome: 'busy' });
      expect(await log.latestCheckpoint(logCtx)).toEqual(before);
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const [proof] = await sealedProofs([id]);
    expect(proof.leafIndex).toBeGreaterThanOrEqual(0);
  });

  it('Given a transaction still running in another database of the cluster, Then it does not hold sealing back', async () => {
    // An older transaction id than the leaf's, below the snapshot's xmin all along: it can never append here.
    const elsewhere = await maintenanceClient();
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query(`CREATE TEMPORARY TABLE "sealer_test_elsewhere" ("x" integer)`);
      const id = await append('while another database has a transaction open');
      const [proof] = await sealedProofs([id]);
      expect(proof.leafIndex).toBeGreaterThanOrEqual(0);
    } finally {
      await elsewhere.query('ROLLBACK');
      await elsewhere.end();
    }
  });

  it('Given two leaves of a month, When both are given the same leaf index, Then the second is refused', async () => {
    const runner = environment.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const tx = withTransaction(logCtx, runner.manager);
      const [first, second] = await log.appendMany(tx, [
        { kind: 'test.leaf', body: Buffer.from('first of a twice-given index') },
        { kind: 'test.leaf', body: Buffer.from('second of a twice-given index') },
      ]);
      await runner.query(`UPDATE "transparency_log_leaves" SET "leaf_index" = 900000 WHERE "id" = $1`, [first]);
      await expect(
        runner.query(`UPDATE "transparency_log_leaves" SET "leaf_index" = 900000 WHERE "id" = $1`, [second]),
      ).rejects.toMatchObject({
        driverError: { code: '23505', constraint: expect.stringMatching(/leaf_index/) },
      });
    } finally {
      // Rolled back: neither leaf stays.
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it("Given leaves to seal, Then the seal's idle limit grows by a millisecond a leaf read, and is 5 s when it reads none", async () => {
    while ((await seal()).outcome !== 'nothing-to-seal');
    const store = new TransparencyLogStore(environment.dataSource);
    const idleLimitAfterStart = (): Promise<{ leaves: number; limit: string }> =>
      environment.dataSource.transaction(async (manager) => {
        // Only the reading half: the leaves stay unsealed.
        const start = await store.startSeal(withTransaction(logCtx, manager), 100);
        const [{ limit }]: { limit: string }[] = await manager.query(
          `SELECT current_setting('idle_in_transaction_session_timeout') AS "limit"`,
        );
        if (!start.locked) throw new Error('The seal did not get the lock');
        return { leaves: start.leaves.length, limit };
      });
    expect(await idleLimitAfterStart()).toEqual({ leaves: 0, limit: '5s' });
    const ids = [await append('idle limit 1'), await append('idle limit 2'), await append('idle limit 3')];
    expect(await idleLimitAfterStart()).toEqual({ leaves: 3, limit: '5003ms' });
    await sealedProofs(ids);
  });

  it("Given pages filled by appends, When some of their leaves are sealed, Then each sealed version stays on its leaf's page", async () => {
    while ((await seal()).outcome !== 'nothing-to-seal');
    // Consent-event-sized leaves, more than a page holds.
    const ids = await environment.dataSource.transaction((manager) =>
      log.appendMany(
        withTransaction(logCtx, manager),
        Array.from({ length: 80 }, (_unused, index) => ({ kind: 'test.page', body: Buffer.from(`page leaf ${index}`.padEnd(150, '.')) })),
      ),
    );
    const pagesOf = async (): Promise<Map<string, string>> => {
      const rows: { id: string; page: string }[] = await environment.dataSource.query(
        `SELECT "id", split_part("ctid"::text, ',', 1) AS "page" FROM "transparency_log_leaves" WHERE "id" = ANY($1::uuid[])`,
        [ids],
      );
      return new Map(rows.map((row) => [row.id, row.page]));
    };
    const before = await pagesOf();
    expect(new Set(before.values()).size).toBeGreaterThan(1);

    // About what the ledger scenario's back-to-back sealer takes per seal, with no page pruned in between.
    const sealed = await environment.dataSource.transaction((manager) =>
      sealer.execute(withTransaction(logCtx, manager), { maxLeaves: 10 }),
    );
    expect(sealed).toMatchObject({ outcome: 'sealed', sealed: 10 });

    const after = await pagesOf();
    expect(ids.filter((id) => after.get(id) !== before.get(id))).toEqual([]);
    while ((await seal()).outcome !== 'nothing-to-seal');
  });

  it('Given an unsealed leaf, When the sealer gives it its index, Then the update writes its row and two index entries, and locks no row first', async () => {
    await owner
      .transaction(async (manager) => {
        // In a month of its own (an empty partition, ahead of now): no other leaf's page is pruned meanwhile.
        const inserted: { id: string }[] = await manager.query(
          `INSERT INTO "transparency_log_leaves" ("id", "kind", "body", "appended_xid", "appended_at")
           SELECT gen_random_uuid(), 'test.wal', '\\x01', pg_current_xact_id()::text::bigint, now() + interval '2 months'
             FROM generate_series(1, 2) RETURNING "id"`,
        );
        // The first gives the partition's leaf-index index its root page.
        await manager.query(`UPDATE "transparency_log_leaves" SET "leaf_index" = 987654320 WHERE "id" = $1`, [inserted[0].id]);
        const [{ 'QUERY PLAN': plan }]: { 'QUERY PLAN': { Plan: Record<string, unknown> }[] }[] = await manager.query(
          `EXPLAIN (ANALYZE, WAL, FORMAT JSON) UPDATE "transparency_log_leaves" SET "leaf_index" = 987654321 WHERE "id" = $1`,
          [inserted[1].id],
        );
        // The new version on the same page, the primary key's entry and the leaf index's: no heap lock record before them.
        expect(plan[0].Plan['WAL Records']).toBe(3);
        // Changed nothing: the transaction rolls back.
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  });

  it("Given leaves of this month to seal, When the seal saves, Then its update reads only this month's partition", async () => {
    while ((await seal()).outcome !== 'nothing-to-seal');
    await append('sealed in its month only');
    const store = new TransparencyLogStore(environment.dataSource);
    const runner = environment.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const tx = withTransaction(logCtx, runner.manager);
      const start = await store.startSeal(tx, 10);
      if (!start.locked) throw new Error('The seal did not get the lock');
      expect(start.leaves).toHaveLength(1);
      // Index scans of each leaves partition in this transaction so far (the start read every partition's queue).
      const scans = async (): Promise<Map<string, number>> => {
        const rows: { name: string; scans: string }[] = await runner.query(
          `SELECT "relname" AS "name", "idx_scan" AS "scans" FROM pg_stat_xact_user_tables WHERE "relname" LIKE 'transparency_log_leaves_%'`,
        );
        return new Map(rows.map((row) => [row.name, Number(row.scans)]));
      };
      const before = await scans();
      const treeSize = (start.latest?.treeSize ?? 0) + 1;
      await store.saveSeal(tx, {
        nodes: [{ level: 0, index: treeSize - 1, hash: randomBytes(32) }],
        firstLeafIndex: treeSize - 1,
        leaves: start.leaves,
        checkpoint: { treeSize, rootHash: randomBytes(32), signedAt: new Date(), checkpoint: 'not signed: rolled back' },
      });
      const after = await scans();
      const month = `transparency_log_leaves_p${new Date().toISOString().slice(0, 7).replace('-', '_')}`;
      const read = [...after].filter(([name, count]) => count > (before.get(name) ?? 0)).map(([name]) => name);
      expect(read).toEqual([month]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('Given many concurrent transactions appending while two sealers run, Then every leaf is sealed exactly once', async () => {
    let appending = true;
    // Two sealers of their own, as in two workers: each one's remembered tree edge goes stale when the other seals.
    const secondSealer = new SealTransparencyLogUseCase(
      keyRing,
      new Transactions(environment.dataSource),
      new TransparencyLogStore(environment.dataSource),
    );
    const sealLoop = async (useCase: SealTransparencyLogUseCase): Promise<void> => {
      while (appending) await environment.dataSource.transaction((manager) => useCase.execute(withTransaction(logCtx, manager)));
    };
    const sealers = [sealLoop(sealer), sealLoop(secondSealer)];
    const ids = (
      await Promise.all(
        Array.from({ length: 16 }, (_unused, writer) =>
          environment.dataSource.transaction(async (manager) => {
            const written: string[] = [];
            for (let leaf = 0; leaf < 5; leaf += 1) {
              written.push(
                await log.append(withTransaction(logCtx, manager), {
                  kind: 'test.concurrent',
                  body: Buffer.from(`writer ${writer} leaf ${leaf}`),
                }),
              );
              await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
            }
            return written;
          }),
        ),
      )
    ).flat();
    appending = false;
    await Promise.all(sealers);
    await sealedProofs(ids);

    const rows: { leaf_index: string; body: Buffer }[] = await environment.dataSource.query(
      `SELECT "leaf_index", "body" FROM "transparency_log_leaves" ORDER BY "leaf_index"`,
    );
    expect(rows.map((row) => Number(row.leaf_index))).toEqual(rows.map((_row, index) => index));
    const latest = (await log.latestCheckpoint(logCtx))!;
    expect(latest.treeSize).toBe(rows.length);
    const checkpoint = await verifyCheckpoint(latest.checkpoint, keyRing.publicJwks());
    expect(Buffer.from(checkpoint.rootHash, 'base64url').equals(merkleTreeHash(rows.map((row) => row.body)))).toBe(true);
  });
});

/** Ends a transaction that only measured. */
class RolledBack extends Error {}
