import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { KekGenerationWorld } from '../../../../../test/support/kek-generation-world';
import { testConfig, openTestDataSource } from '../../../../../test/support/platform';
import { createDatabase, dropDatabase, services } from '../../../../../test/support/test-environment';
import { openEnvelope } from '../../envelopes/infrastructure/envelope-format';
import { unwrapWithKek } from '../../keys/application/key-management.service';

const run = promisify(execFile);
const DAY = 24 * 60 * 60 * 1000;
/** A libpq connection URI for pg_dump and pg_restore: the machine's PostgreSQL as the tests' superuser. */
const connectionUri = (database: string): string => {
  const credentials = services.password
    ? `${encodeURIComponent(services.user)}:${encodeURIComponent(services.password)}`
    : encodeURIComponent(services.user);
  return `postgresql://${credentials}@${services.host}:${services.port}/${encodeURIComponent(database)}`;
};

/** One deposited record as a backup holds it: the ciphertext, its AAD, and whose it is. */
interface BackedUpRecord {
  subject_id: string;
  aad: Buffer;
  ciphertext: Buffer;
}

// pg_dump, pg_restore and several databases on a loaded 2-core machine.
jest.setTimeout(120_000);

describe('crypto-shredding holds against backups (pg_dump → close → rotate → re-wrap → destroy)', () => {
  let world: KekGenerationWorld;
  let restored: DataSource | undefined;
  const restoredName = `${testConfig().database.name}_restored_${randomUUID().slice(0, 8)}`;
  const t0 = new Date('2030-01-01T00:00:00Z');
  const at = (days: number) => new Date(t0.getTime() + days * DAY);

  beforeAll(async () => {
    world = await KekGenerationWorld.start({ rotationDays: 30, backupRetentionDays: 35 });
    // Stand-in for the vault's tables: ciphertexts that a backup carries along with data_keys.
    // Created by the owner role (the runtime role may not create tables); the app role gets its default grants.
    const owner = await openTestDataSource(world.environment.config, 'migration');
    try {
      await owner.query(`CREATE TABLE "backup_probe" ("subject_id" uuid NOT NULL, "aad" bytea NOT NULL, "ciphertext" bytea NOT NULL)`);
    } finally {
      await owner.destroy();
    }
  });

  afterAll(async () => {
    await restored?.destroy();
    await dropDatabase(restoredName);
    await world?.dispose();
  });

  async function deposit(subjectId: string, text: string): Promise<void> {
    const aad = Buffer.from(`record:${subjectId}`);
    const ciphertext = await world.envelope().encrypt(world.at(), subjectId, Buffer.from(text), aad);
    await world.dataSource.query(`INSERT INTO "backup_probe" VALUES ($1, $2, $3)`, [subjectId, aad, ciphertext]);
  }

  it('leaves a closed account unreadable in a dump taken before closure, with every key the bank still holds', async () => {
    const closed = randomUUID();
    const bystander = randomUUID();
    expect(await world.rotate().execute(world.at(t0))).toEqual({ generation: 1, retiredGeneration: null });
    await deposit(closed, '{"diagnosis":"closed account"}');
    await deposit(bystander, '{"diagnosis":"still a customer"}');

    // 1. The nightly backup, taken while the account is open.
    const dumpFile = join(world.directory, 'before-closure.dump');
    await run('pg_dump', ['--format=custom', `--file=${dumpFile}`, `--dbname=${connectionUri(world.environment.config.database.name)}`]);

    // 2. The account is closed: its data key is deleted (what CloseMyAccountUseCase does first).
    expect(await world.envelope().shred(world.at(), closed)).toBe(true);

    // 3. Rotation and re-wrap a month later: every live data key moves to generation 2.
    expect(await world.rotate().execute(world.at(at(30)))).toEqual({ generation: 2, retiredGeneration: 1 });
    const rewrap = await world.rewrap().execute(world.at(at(30)));
    expect(rewrap).toMatchObject({ generation: 2, done: true, rewrappedThisRun: 1, remainingKeys: 0, percent: 100 });

    // The backup, restored into a fresh database.
    await createDatabase(restoredName);
    await run('pg_restore', ['--no-owner', `--dbname=${connectionUri(restoredName)}`, dumpFile]);
    restored = await openTestDataSource(testConfig({ DATABASE_NAME: restoredName }));
    const [backedUpKey] = await restored.query(`SELECT "kek_id", "wrapped_key" FROM "data_keys" WHERE "subject_id" = $1`, [closed]);
    const [record]: BackedUpRecord[] = await restored.query(`SELECT * FROM "backup_probe" WHERE "subject_id" = $1`, [closed]);
    expect(backedUpKey.kek_id).toBe('kek-gen-1');

    // Control: until generation 1 is destroyed, the backup still opens (so what follows can fail only for want of a key).
    const dataKey = await world.keyManagement.unwrapDataKey(backedUpKey.kek_id, backedUpKey.wrapped_key);
    expect(openEnvelope(dataKey, record.ciphertext, record.aad).toString()).toBe('{"diagnosis":"closed account"}');

    // 4. Destruction waits for the backup retention window, counted from the drain.
    await expect(world.destroy().execute(world.at(at(30 + 34)), { generation: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await world.files.read(1)).toBeDefined();
    expect(await world.destroy().execute(world.at(at(30 + 35)), { generation: 1 })).toEqual({
      generation: 1,
      destroyedAt: at(65),
      keyFileErased: true,
    });

    // 5. The backup decrypts with no key the bank still holds.
    await expect(world.keyManagement.unwrapDataKey(backedUpKey.kek_id, backedUpKey.wrapped_key)).rejects.toMatchObject({
      code: 'KEK_NOT_FOUND',
    });
    const held = await world.heldKeyEncryptionKeys();
    expect(held.length).toBeGreaterThanOrEqual(2); // generation 2 and the legacy KEK at least
    for (const kek of held) {
      expect(() => unwrapWithKek(backedUpKey.kek_id, kek, backedUpKey.wrapped_key)).toThrow();
    }
    // Nor does any live data key open the closed account's record.
    for (const live of await world.dataSource.query(`SELECT "subject_id", "kek_id", "wrapped_key" FROM "data_keys"`)) {
      const liveKey = await world.keyManagement.unwrapDataKey(live.kek_id, live.wrapped_key);
      expect(() => openEnvelope(liveKey, record.ciphertext, record.aad)).toThrow();
    }
    expect(await world.files.list()).toEqual({ held: [2], pending: [] });

    // The bystander's live data is untouched: their key was re-wrapped, not replaced.
    const [live]: BackedUpRecord[] = await world.dataSource.query(`SELECT * FROM "backup_probe" WHERE "subject_id" = $1`, [bystander]);
    expect((await world.envelope().decrypt(world.at(), bystander, live.ciphertext, live.aad)).toString()).toBe(
      '{"diagnosis":"still a customer"}',
    );

    const status = await world.status().execute(world.at());
    expect(
      status.generations.map(({ generation, state, keyFile, liveDataKeys }) => ({ generation, state, keyFile, liveDataKeys })),
    ).toEqual([
      { generation: 1, state: 'destroyed', keyFile: 'erased', liveDataKeys: 0 },
      { generation: 2, state: 'active', keyFile: 'held', liveDataKeys: 1 },
    ]);
  });

  it('refuses, in the database, a data key stored under a destroyed generation', async () => {
    const [{ generation }] = await world.dataSource.query(`SELECT "generation" FROM "kek_generations" WHERE "state" = 'destroyed'`);
    await expect(
      world.dataSource.query(
        `INSERT INTO "data_keys" ("subject_id", "kek_id", "kek_generation", "wrapped_key") VALUES ($1, $2, $3, '\\x00')`,
        [randomUUID(), `kek-gen-${generation}`, generation],
      ),
    ).rejects.toThrow(/destroyed/);
  });
});
