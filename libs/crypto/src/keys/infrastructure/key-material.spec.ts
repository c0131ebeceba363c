import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { CryptoError } from '../../crypto.errors';
import { loadKeyMaterial, type KeyMaterial, type KeyMaterialSettings } from './key-material';

async function loadError(settings: KeyMaterialSettings): Promise<CryptoError> {
  const error = await loadKeyMaterial(settings).catch((rejection: unknown) => rejection);
  expect(error).toBeInstanceOf(CryptoError);
  return error as CryptoError;
}

/** What two processes must agree on: the same signing keys, KEKs and pseudonym secret. */
function fingerprint(material: KeyMaterial) {
  return {
    currentKid: material.signingKeys.currentKid,
    kids: material.signingKeys.keys.map((key) => key.kid),
    currentKekId: material.keyEncryptionKeys.currentKekId,
    keks: [...material.keyEncryptionKeys.keys].map(([id, key]) => `${id}:${key.toString('hex')}`),
    pseudonymSecret: material.pseudonymSecret.toString('hex'),
  };
}

describe('loadKeyMaterial', () => {
  let root: string;
  let keysDirectory: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'infobank-key-material-'));
    keysDirectory = join(root, 'keys');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('generates the missing files once, owner-only, and reads the same material afterwards', async () => {
    const first = await loadKeyMaterial({ keysDirectory, generateIfMissing: true });

    expect((await readdir(keysDirectory)).sort()).toEqual(['kek', 'pseudonym-secret', 'signing-keys.json']);
    expect((await stat(keysDirectory)).mode & 0o777).toBe(0o700);
    for (const file of ['kek', 'pseudonym-secret', 'signing-keys.json']) {
      expect((await stat(join(keysDirectory, file))).mode & 0o777).toBe(0o600);
    }
    const signingFile = JSON.parse(await readFile(join(keysDirectory, 'signing-keys.json'), 'utf8'));
    expect(signingFile.current).toBe(first.signingKeys.currentKid);
    expect(signingFile.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: first.signingKeys.currentKid });
    expect(Date.parse(signingFile.keys[0].createdAt)).not.toBeNaN();
    expect(first.pseudonymSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.keyEncryptionKeys.keys.get(first.keyEncryptionKeys.currentKekId)).toHaveLength(32);

    const second = await loadKeyMaterial({ keysDirectory, generateIfMissing: true });
    expect(fingerprint(second)).toEqual(fingerprint(first));
  });

  it('gives five processes starting at once the same keys', async () => {
    const loads = await Promise.all(Array.from({ length: 5 }, () => loadKeyMaterial({ keysDirectory, generateIfMissing: true })));

    const expected = fingerprint(loads[0]);
    for (const material of loads) expect(fingerprint(material)).toEqual(expected);
    expect(expected.kids).toHaveLength(1);
    expect(fingerprint(await loadKeyMaterial({ keysDirectory, generateIfMissing: false }))).toEqual(expected);
    // No temporary files are left behind by the losers.
    expect((await readdir(keysDirectory)).sort()).toEqual(['kek', 'pseudonym-secret', 'signing-keys.json']);
  });

  it('gives processes starting a moment apart the same keys', async () => {
    // Staggered starts: a late process must read what an early one wrote, never replace it.
    const loads = await Promise.all(
      Array.from({ length: 5 }, async (_, index) => {
        await new Promise((settle) => setTimeout(settle, index));
        return loadKeyMaterial({ keysDirectory, generateIfMissing: true });
      }),
    );
    for (const material of loads) expect(fingerprint(material)).toEqual(fingerprint(loads[0]));
  });

  it('fails with KEY_MATERIAL_MISSING naming the file when generation is off', async () => {
    const error = await loadError({ keysDirectory, generateIfMissing: false });
    expect(error.code).toBe('KEY_MATERIAL_MISSING');
    expect(error.message).toContain(join(keysDirectory, 'signing-keys.json'));
  });

  it('names the missing KEK file but never the secrets it did read', async () => {
    await loadKeyMaterial({ keysDirectory, generateIfMissing: true });
    await rm(join(keysDirectory, 'kek'));
    const pseudonymSecret = randomBytes(32).toString('base64url');
    const signingKeys = await readFile(join(keysDirectory, 'signing-keys.json'), 'utf8');

    const error = await loadError({ keysDirectory, pseudonymSecret, generateIfMissing: false });

    expect(error.code).toBe('KEY_MATERIAL_MISSING');
    expect(error.message).toContain(join(keysDirectory, 'kek'));
    expect(error.message).not.toContain(pseudonymSecret);
    const privateD = (JSON.parse(signingKeys) as { keys: Array<{ d: string }> }).keys[0].d;
    expect(error.message).not.toContain(privateD);
  });

  it('prefers the settings over the files for KEKs and the pseudonym secret', async () => {
    const kek = randomBytes(32);
    const previousKek = randomBytes(32);
    const secret = randomBytes(48);

    const material = await loadKeyMaterial({
      keysDirectory,
      keyEncryptionKeys: `kek-2026:${kek.toString('base64url')}, kek-2025:${previousKek.toString('base64url')}`,
      pseudonymSecret: secret.toString('base64url'),
      generateIfMissing: true,
    });

    expect(material.keyEncryptionKeys.currentKekId).toBe('kek-2026');
    expect(material.keyEncryptionKeys.keys.get('kek-2026')?.equals(kek)).toBe(true);
    expect(material.keyEncryptionKeys.keys.get('kek-2025')?.equals(previousKek)).toBe(true);
    expect(material.pseudonymSecret.equals(secret)).toBe(true);
    expect((await readdir(keysDirectory)).sort()).toEqual(['signing-keys.json']);
  });

  it.each([
    ['a short key', `main:${randomBytes(16).toString('base64url')}`],
    ['no kid', randomBytes(32).toString('base64url')],
    ['a duplicated kid', `a:${randomBytes(32).toString('base64url')},a:${randomBytes(32).toString('base64url')}`],
  ])('rejects a KEK setting with %s, naming the setting and not the value', async (_case, value) => {
    const error = await loadError({ keysDirectory, keyEncryptionKeys: value, generateIfMissing: true });
    expect(error.code).toBe('KEY_MATERIAL_INVALID');
    expect(error.message).toContain('keyEncryptionKeys');
    for (const part of value.split(/[,:]/)) if (part.length > 8) expect(error.message).not.toContain(part);
  });

  it('rejects a pseudonym secret shorter than 32 bytes', async () => {
    const value = randomBytes(16).toString('base64url');
    const error = await loadError({ keysDirectory, pseudonymSecret: value, generateIfMissing: true });
    expect(error.code).toBe('KEY_MATERIAL_INVALID');
    expect(error.message).toContain('pseudonymSecret');
    expect(error.message).not.toContain(value);
  });

  it('rejects a corrupt signing keys file without quoting it', async () => {
    await loadKeyMaterial({ keysDirectory, generateIfMissing: true });
    const path = join(keysDirectory, 'signing-keys.json');
    const content = await readFile(path, 'utf8');
    await writeFile(path, content.replace('"current"', '"current-x"'));
    const truncated = content.slice(0, content.length - 20);

    const missingCurrent = await loadError({ keysDirectory, generateIfMissing: true });
    expect(missingCurrent.code).toBe('KEY_MATERIAL_INVALID');
    expect(missingCurrent.message).toContain(path);

    await writeFile(path, truncated);
    const notJson = await loadError({ keysDirectory, generateIfMissing: true });
    expect(notJson.code).toBe('KEY_MATERIAL_INVALID');
    expect(notJson.message).not.toContain((JSON.parse(content) as { keys: Array<{ d: string }> }).keys[0].d);
    expect(notJson.cause).toBeUndefined();
  });

  it('reads a signing keys file at a path of its own', async () => {
    const signingKeysFile = join(root, 'elsewhere', 'bank-signing.json');
    const material = await loadKeyMaterial({ keysDirectory, signingKeysFile, generateIfMissing: true });
    const file = JSON.parse(await readFile(signingKeysFile, 'utf8')) as { current: string };
    expect(file.current).toBe(material.signingKeys.currentKid);
  });

  it('does not print secrets when logged', async () => {
    const material = await loadKeyMaterial({ keysDirectory, generateIfMissing: true });
    const secret = material.pseudonymSecret.toString('base64url');
    expect(JSON.stringify({ material })).not.toContain(secret);
    expect(inspect(material, { depth: 10 })).not.toContain(material.signingKeys.keys[0].privateJwk.d);
  });
});
