import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileOnce, replaceFileAtomically } from './key-files';

describe('key files', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'infobank-key-files-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("lets exactly one of several concurrent creators win, and keeps the winner's content", async () => {
    const path = join(root, 'nested', 'kek');
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, index) => createFileOnce(path, `content-${index}\n`)));

    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(`content-${outcomes.indexOf(true)}\n`);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'nested'))).mode & 0o777).toBe(0o700);
    expect(await readdir(join(root, 'nested'))).toEqual(['kek']);
  });

  it('never overwrites an existing file', async () => {
    const path = join(root, 'pseudonym-secret');
    expect(await createFileOnce(path, 'first')).toBe(true);
    expect(await createFileOnce(path, 'second')).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('first');
  });

  it('replaces a file atomically, owner-only, leaving no temporary file', async () => {
    const path = join(root, 'signing-keys.json');
    await createFileOnce(path, 'old');
    await replaceFileAtomically(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(root)).toEqual(['signing-keys.json']);
  });
});
