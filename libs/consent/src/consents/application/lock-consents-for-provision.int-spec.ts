import { createRequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { eventually, openTestDataSource } from '../../../../../test/support/platform';
import { ConsentStore } from '../infrastructure/consent.store';
import { LockConsentsForProvisionUseCase, MAX_LOCKED_CONSENTS } from './lock-consents-for-provision.use-case';

describe('LockConsentsForProvisionUseCase (invariant 2, docs/architecture.md §4.2: provision re-checks consent under a lock)', () => {
  let dataSource: DataSource;
  let useCase: LockConsentsForProvisionUseCase;
  const transfers = createRequestContext({ type: 'system', name: 'transfers' });
  const runners: QueryRunner[] = [];

  async function activeConsent(): Promise<string> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO "consents" ("id", "individual_id", "offer_id", "recipient_id", "status", "mode", "source", "items", "offer_snapshot", "version", "granted_at", "updated_at")
       VALUES ($1, $2, $3, $4, 'active', 'auto', 'individual', ARRAY['a.b#/c'], '{}'::jsonb, 1, now(), now())`,
      [id, randomUUID(), randomUUID(), randomUUID()],
    );
    return id;
  }

  /** A connection of its own with an open transaction (the provision's, or the revocation's). */
  async function openTransaction(): Promise<QueryRunner> {
    const runner = dataSource.createQueryRunner();
    runners.push(runner);
    await runner.connect();
    await runner.startTransaction();
    return runner;
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    useCase = new LockConsentsForProvisionUseCase(new ConsentStore(dataSource));
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('makes a revocation that comes after the lock wait until the provision commits', async () => {
    const consentId = await activeConsent();
    const provision = await openTransaction();
    const locked = await useCase.execute({ ...transfers, transaction: provision.manager }, { consentIds: [consentId] });
    expect(locked.get(consentId)).toMatchObject({ consentId, status: 'active', version: 1 });

    const revocation = await openTransaction();
    const [{ pid }]: { pid: number }[] = await revocation.query(`SELECT pg_backend_pid() AS "pid"`);
    let updated = false;
    const update = revocation.query(`UPDATE "consents" SET "version" = "version" + 1 WHERE "id" = $1`, [consentId]).then(() => {
      updated = true;
    });

    await eventually('the revocation to wait on the provision’s lock', async () => {
      const [activity]: { wait_event_type: string | null }[] = await dataSource.query(
        `SELECT "wait_event_type" FROM pg_stat_activity WHERE "pid" = $1`,
        [pid],
      );
      return activity?.wait_event_type === 'Lock';
    });
    const [blocked]: { blocked: boolean }[] = await dataSource.query(`SELECT $1 = ANY(pg_blocking_pids($2)) AS "blocked"`, [
      (await provision.query(`SELECT pg_backend_pid() AS "pid"`))[0].pid,
      pid,
    ]);
    expect(blocked.blocked).toBe(true);
    expect(updated).toBe(false);

    await provision.commitTransaction();
    await update;
    expect(updated).toBe(true);
    await revocation.commitTransaction();
    const [row]: { version: number }[] = await dataSource.query(`SELECT "version" FROM "consents" WHERE "id" = $1`, [consentId]);
    expect(row.version).toBe(2);
  });

  it('sees a revocation that committed before the lock', async () => {
    const consentId = await activeConsent();
    await dataSource.query(
      `UPDATE "consents" SET "status" = 'revoked', "ended_at" = now(), "revocation_reason" = 'no more', "version" = 2 WHERE "id" = $1`,
      [consentId],
    );
    const provision = await openTransaction();
    const locked = await useCase.execute({ ...transfers, transaction: provision.manager }, { consentIds: [consentId] });
    expect(locked.get(consentId)).toMatchObject({ status: 'revoked', reason: 'no more', version: 2 });
  });

  it('returns each known consent once, keyed by id; unknown ids are absent', async () => {
    const [first, second] = [await activeConsent(), await activeConsent()];
    const unknown = randomUUID();
    const provision = await openTransaction();
    const locked = await useCase.execute(
      { ...transfers, transaction: provision.manager },
      { consentIds: [second, unknown, first, second] },
    );
    expect([...locked.keys()].sort()).toEqual([first, second].sort());
    expect(locked.get(first)?.consentId).toBe(first);
  });

  it('refuses without the caller’s transaction, more than 1,000 ids, a non-uuid, or a caller other than the bank', async () => {
    const consentId = await activeConsent();
    await expect(useCase.execute(transfers, { consentIds: [consentId] })).rejects.toThrow(/needs the caller’s transaction/);
    const provision = await openTransaction();
    const inProvision = { ...transfers, transaction: provision.manager };
    const tooMany = Array.from({ length: MAX_LOCKED_CONSENTS + 1 }, () => randomUUID());
    await expect(useCase.execute(inProvision, { consentIds: tooMany })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(useCase.execute(inProvision, { consentIds: [consentId, 'nope'] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const individual = { ...createRequestContext({ type: 'individual', id: randomUUID() }), transaction: provision.manager };
    await expect(useCase.execute(individual, { consentIds: [consentId] })).rejects.toThrow(/bank's own processes only/);
    const operator = { ...createRequestContext({ type: 'operator', name: 'ops' }), transaction: provision.manager };
    expect((await useCase.execute(operator, { consentIds: [consentId] })).size).toBe(1);
  });
});
