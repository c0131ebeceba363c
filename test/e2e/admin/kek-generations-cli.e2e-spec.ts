import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EnvelopeEncryption,
  GenerationKeyManagementService,
  KekGenerationFiles,
  KekGenerationStore,
  keyMaterialSettingsFrom,
  loadKeyMaterial,
  TypeOrmDataKeyStore,
} from '@infobank/crypto';
import { createRequestContext } from '@infobank/platform';
import { isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';

interface CliResult {
  code: number | null;
  json: any;
  stderr: string;
}

const adminMain = join(__dirname, '..', '..', '..', 'dist', 'apps', 'admin', 'src', 'main.js');

/** Runs the built CLI (`npm run admin -- …`) as an operator would, against this suite's database and KEK directory. */
function admin(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [adminMain, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const output = code === 0 ? stdout : stderr;
      let json: unknown;
      try {
        json = JSON.parse(output);
      } catch {
        json = undefined;
      }
      resolve({ code, json, stderr });
    });
  });
}

// Each test spawns the CLI (a Node process that builds the platform); on a loaded 2-core machine that takes seconds.
jest.setTimeout(240_000);

describe('operator CLI: keys:kek-status, keys:kek-rotate, keys:kek-destroy', () => {
  const directory = mkdtempSync(join(tmpdir(), 'infobank-test-kek-cli-'));
  let environment: IsolatedEnvironment;
  let env: Record<string, string>;
  let envelope: EnvelopeEncryption;
  const ctx = createRequestContext({ type: 'system', name: 'test' });

  beforeAll(async () => {
    environment = await isolatedEnvironment({ BANK_KEK_DIR: join(directory, 'generations') });
    env = {
      DATABASE_NAME: environment.config.database.name,
      REDIS_PREFIX: environment.config.redis.prefix,
      BANK_KEK_DIR: environment.config.kekGenerations.directory,
    };
    // An app process of the same bank: its own KMS over the same directory and database.
    const legacy = (await loadKeyMaterial(keyMaterialSettingsFrom(environment.config))).keyEncryptionKeys;
    const files = new KekGenerationFiles(environment.config.kekGenerations.directory);
    envelope = new EnvelopeEncryption(
      new GenerationKeyManagementService(files, legacy, () => new KekGenerationStore(environment.dataSource).newestGenerationNumber(), {
        newestTtlMs: 0,
        keyTtlMs: 0,
      }),
      new TypeOrmDataKeyStore(environment.dataSource),
    );
  });
  afterAll(async () => {
    await environment?.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it('rotates, re-wraps every live data key, shows progress, and destroys a generation only after the backup retention window', async () => {
    const first = await admin(['keys:kek-rotate'], env);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ rotated: { generation: 1, retiredGeneration: null }, rewrap: { generation: 1, done: true } });

    // An app wraps new data keys under generation 1 without restarting.
    const subjectId = randomUUID();
    const aad = Buffer.from('record:1');
    const ciphertext = await envelope.encrypt(ctx, subjectId, Buffer.from('kept across rotations'), aad);
    expect(await environment.dataSource.query(`SELECT "kek_id", "kek_generation" FROM "data_keys"`)).toEqual([
      { kek_id: 'kek-gen-1', kek_generation: 1 },
    ]);

    const second = await admin(['keys:kek-rotate'], env);
    expect(second.code).toBe(0);
    expect(second.json).toMatchObject({
      rotated: { generation: 2, retiredGeneration: 1 },
      rewrap: { generation: 2, rewrappedThisRun: 1, rewrappedKeys: 1, remainingKeys: 0, percent: 100, done: true },
    });
    expect(second.stderr).toContain('re-wrapping data keys: 1/1 into generation 2 (100%)');

    const rotated = await admin(['keys:kek-status', '--json'], env);
    expect(rotated.json.generations).toEqual([
      expect.objectContaining({ generation: 1, state: 'retired', keyFile: 'held', liveDataKeys: 0 }),
      expect.objectContaining({ generation: 2, state: 'active', keyFile: 'held', liveDataKeys: 1 }),
    ]);
    expect(rotated.json).toMatchObject({ rotationDays: 30, backupRetentionDays: 35, legacyDataKeys: 0 });
    expect(rotated.json.rewrap).toMatchObject({ generation: 2, rewrappedKeys: 1, remainingKeys: 0, percent: 100 });
    const drainedAt = Date.parse(rotated.json.generations[0].drainedAt);
    expect(Date.parse(rotated.json.generations[0].destroyableFrom) - drainedAt).toBe(35 * 24 * 60 * 60 * 1000);

    // Inside the retention window: refused, naming the option, and the key file stays.
    const early = await admin(['keys:kek-destroy', '--generation', '1'], env);
    expect(early.code).toBe(1);
    expect(early.json.error).toMatchObject({ code: 'INVALID_ARGUMENT', errors: [expect.objectContaining({ option: '--generation' })] });
    expect(early.json.error.message).toContain('may be destroyed from');
    expect(readdirSync(env.BANK_KEK_DIR).sort()).toEqual(['generation-1.kek', 'generation-2.kek']);

    // A bank that keeps no backups (retention 0) may destroy a drained generation at once.
    const destroyed = await admin(['keys:kek-destroy', '--generation', '1'], { ...env, BACKUP_RETENTION_DAYS: '0' });
    expect(destroyed.code).toBe(0);
    expect(destroyed.json).toMatchObject({ generation: 1, keyFileErased: true });
    expect(readdirSync(env.BANK_KEK_DIR)).toEqual(['generation-2.kek']);

    const after = await admin(['keys:kek-status', '--json'], env);
    expect(after.json.generations).toEqual([
      expect.objectContaining({ generation: 1, state: 'destroyed', keyFile: 'erased', liveDataKeys: 0 }),
      expect.objectContaining({ generation: 2, state: 'active', keyFile: 'held', liveDataKeys: 1 }),
    ]);
    // The live data survived: its data key was re-wrapped, not replaced.
    expect((await envelope.decrypt(ctx, subjectId, ciphertext, aad)).toString()).toBe('kept across rotations');
  });
});
