import { randomBytes } from 'node:crypto';
import { link, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenerationKeyManagementService } from './generation-key-management.service';
import { KekGenerationFiles } from '../infrastructure/kek-generation-files';

describe('GenerationKeyManagementService over KEK generation files', () => {
  let directory: string;
  let files: KekGenerationFiles;
  /** What the database calls the newest generation. */
  let newest: number | null;
  const newestSource = async () => newest;
  const legacyKek = randomBytes(32);
  const legacy = { currentKekId: 'kek-legacy', keys: new Map([['kek-legacy', legacyKek]]) };
  const noCache = { newestTtlMs: 0, keyTtlMs: 0 };

  /** A rotation as RotateKekUseCase does it: the file first, then the database names it newest. */
  async function rotateTo(generation: number): Promise<void> {
    await files.createPending(generation);
    await files.activate(generation);
    newest = generation;
  }

  beforeEach(async () => {
    newest = null;
    directory = await mkdtemp(join(tmpdir(), 'infobank-kek-generations-'));
    files = new KekGenerationFiles(join(directory, 'generations'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('wraps with the legacy KEK while no generation exists, then with the newest generation', async () => {
    const kms = new GenerationKeyManagementService(files, legacy, newestSource, noCache);
    const dataKey = randomBytes(32);
    const before = await kms.wrapDataKey(dataKey);
    expect(before.kekId).toBe('kek-legacy');

    await rotateTo(1);
    const after = await kms.wrapDataKey(dataKey);

    expect(after.kekId).toBe('kek-gen-1');
    expect((await kms.unwrapDataKey(before.kekId, before.wrappedKey)).equals(dataKey)).toBe(true);
    expect((await kms.unwrapDataKey(after.kekId, after.wrappedKey)).equals(dataKey)).toBe(true);
  });

  it('lets another process pick up a new generation without restart, and read keys wrapped under it', async () => {
    const worker = new GenerationKeyManagementService(files, legacy, newestSource, noCache);
    const portal = new GenerationKeyManagementService(files, legacy, newestSource, { newestTtlMs: 60_000, keyTtlMs: 60_000 });
    await rotateTo(1);
    expect((await portal.wrapDataKey(randomBytes(32))).kekId).toBe('kek-gen-1');

    await rotateTo(2);
    const dataKey = randomBytes(32);
    const wrapped = await worker.wrapDataKey(dataKey);

    expect(wrapped.kekId).toBe('kek-gen-2');
    // The portal still believes generation 1 is newest, but an unknown generation is read at once.
    expect((await portal.unwrapDataKey(wrapped.kekId, wrapped.wrappedKey)).equals(dataKey)).toBe(true);
  });

  it('refuses a generation whose file was erased: its data keys are gone for good', async () => {
    const kms = new GenerationKeyManagementService(files, legacy, newestSource, noCache);
    await rotateTo(1);
    const wrapped = await kms.wrapDataKey(randomBytes(32));
    await rotateTo(2);

    expect(await files.erase(1)).toBe(true);

    await expect(kms.unwrapDataKey(wrapped.kekId, wrapped.wrappedKey)).rejects.toMatchObject({ code: 'KEK_NOT_FOUND' });
    expect(await readdir(files.directory)).toEqual(['generation-2.kek']);
  });

  it('authenticates the generation: a key wrapped under one generation does not open as another', async () => {
    const kms = new GenerationKeyManagementService(files, legacy, newestSource, noCache);
    await rotateTo(1);
    const wrapped = await kms.wrapUnderGeneration(randomBytes(32), 1);
    await rotateTo(2);
    await expect(kms.unwrapDataKey('kek-gen-2', wrapped.wrappedKey)).rejects.toMatchObject({ code: 'KEY_UNWRAP_FAILED' });
  });

  it('wraps only under the generation the database names, not whatever file the directory holds', async () => {
    const kms = new GenerationKeyManagementService(files, legacy, newestSource, noCache);
    await rotateTo(1);
    // A file of another database sharing the directory, or one a crashed rotation left.
    await files.createPending(2);
    await files.activate(2);
    expect((await kms.wrapDataKey(randomBytes(32))).kekId).toBe('kek-gen-1');
  });

  it('does not wait for a slow database: a stale newest generation still wraps', async () => {
    let slow = false;
    const kms = new GenerationKeyManagementService(
      files,
      legacy,
      () => (slow ? new Promise<number | null>(() => undefined) : newestSource()),
      noCache,
    );
    await rotateTo(1);
    expect((await kms.wrapDataKey(randomBytes(32))).kekId).toBe('kek-gen-1');
    slow = true;
    const started = Date.now();
    expect((await kms.wrapDataKey(randomBytes(32))).kekId).toBe('kek-gen-1');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('KekGenerationFiles', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'infobank-kek-files-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps each generation in its own owner-only file and never makes one twice', async () => {
    const files = new KekGenerationFiles(directory);
    await files.createPending(3);
    await expect(files.createPending(3)).rejects.toMatchObject({ code: 'KEY_MATERIAL_INVALID' });
    await files.activate(3);
    await files.activate(3);
    await expect(files.createPending(3)).rejects.toMatchObject({ code: 'KEY_MATERIAL_INVALID' });

    expect(await files.list()).toEqual({ held: [3], pending: [] });
    expect((await stat(join(directory, 'generation-3.kek'))).mode & 0o777).toBe(0o600);
    expect(await files.read(3)).toHaveLength(32);
  });

  it('overwrites the file before unlinking it', async () => {
    const files = new KekGenerationFiles(directory);
    await files.createPending(1);
    await files.activate(1);
    const path = join(directory, 'generation-1.kek');
    const original = await readFile(path);
    // Keep a second name for the same inode, to look at its bytes after the erasure.
    const alias = join(directory, 'alias');
    await link(path, alias);

    expect(await files.erase(1)).toBe(true);

    const after = await readFile(alias);
    expect(after.equals(original)).toBe(false);
    expect(after.includes(original.subarray(0, 16))).toBe(false);
    expect(await files.read(1)).toBeUndefined();
    expect(await files.erase(1)).toBe(false);
  });
});
