import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { BankKeyRing } from './bank-key-ring';
import { CryptoError } from '../../crypto.errors';
import { verifyJwsWithKeys } from '../../jose/infrastructure/jws';
import { loadKeyMaterial, rotateSigningKey, type KeyMaterialSettings } from './key-material';

describe('BankKeyRing', () => {
  let keysDirectory: string;
  let settings: KeyMaterialSettings;

  beforeEach(async () => {
    keysDirectory = await mkdtemp(join(tmpdir(), 'infobank-key-ring-'));
    settings = { keysDirectory, generateIfMissing: true };
  });

  afterEach(async () => {
    await rm(keysDirectory, { recursive: true, force: true });
  });

  const ring = async () => BankKeyRing.fromKeyMaterial(await loadKeyMaterial(settings));

  it('signs a JWS (EdDSA, kid, typ) that it verifies, and that anyone can verify with the published JWKS', async () => {
    const keyRing = await ring();
    const jws = await keyRing.signJws({ consentId: 'c-1', iat: 1700000000 }, { typ: 'consent-receipt+jws' });

    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'EdDSA', kid: keyRing.currentKid, typ: 'consent-receipt+jws' });
    const verified = await keyRing.verifyBankJws(jws, { typ: 'consent-receipt+jws' });
    expect(verified.payload).toEqual({ consentId: 'c-1', iat: 1700000000 });
    await expect(verifyJwsWithKeys(jws, keyRing.publicJwks().keys)).resolves.toMatchObject({ kid: keyRing.currentKid });
  });

  it('issues JWTs with iat/exp and checks audience and issuer on verification', async () => {
    const keyRing = await ring();
    const jwt = await keyRing.signJwt(
      { scope: 'transfers' },
      { typ: 'at+jwt', expiresIn: 600, audience: 'gateway', issuer: 'https://bank.example', subject: 'org-1' },
    );

    const { payload, protectedHeader } = await keyRing.verifyBankJwt(jwt, {
      audience: 'gateway',
      issuer: 'https://bank.example',
      typ: 'at+jwt',
    });
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({ scope: 'transfers', aud: 'gateway', sub: 'org-1' });
    expect((payload.exp as number) - (payload.iat as number)).toBe(600);
    await expect(keyRing.verifyBankJwt(jwt, { audience: 'portal', issuer: 'https://bank.example' })).rejects.toMatchObject({
      code: 'JOSE_CLAIM_INVALID',
    });
    await expect(
      keyRing.verifyBankJwt(jwt, { audience: 'gateway', issuer: 'https://bank.example', currentDate: new Date(Date.now() + 601_000) }),
    ).rejects.toMatchObject({
      code: 'JOSE_TOKEN_EXPIRED',
    });
  });

  it('publishes public members only', async () => {
    const { keys } = (await ring()).publicJwks();
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
  });

  it('after rotation signs with the new kid while tokens signed with the old key still verify', async () => {
    const before = await ring();
    const oldJws = await before.signJws({ checkpoint: 1 }, { typ: 'checkpoint+jws' });
    const oldJwt = await before.signJwt({}, { expiresIn: '5m', audience: 'portal', issuer: 'bank' });

    const { kid: newKid } = await rotateSigningKey(settings);
    const after = await ring();

    expect(newKid).not.toBe(before.currentKid);
    expect(after.currentKid).toBe(newKid);
    const newJws = await after.signJws({ checkpoint: 2 }, { typ: 'checkpoint+jws' });
    expect(decodeProtectedHeader(newJws).kid).toBe(newKid);
    await expect(after.verifyBankJws(oldJws)).resolves.toMatchObject({ kid: before.currentKid, payload: { checkpoint: 1 } });
    await expect(after.verifyBankJwt(oldJwt, { audience: 'portal', issuer: 'bank' })).resolves.toMatchObject({ kid: before.currentKid });

    const published = after.publicJwks().keys;
    expect(published.map((key) => key.kid)).toEqual([newKid, before.currentKid]);
    expect(published.every((key) => !('d' in key))).toBe(true);
    expect(JSON.stringify(after.publicJwks())).not.toContain('"d"');

    const file = JSON.parse(await readFile(join(keysDirectory, 'signing-keys.json'), 'utf8')) as { current: string; keys: unknown[] };
    expect(file.current).toBe(newKid);
    expect(file.keys).toHaveLength(2);
  });

  it('rejects a JWS from a key it does not hold (unknown kid)', async () => {
    const ours = await ring();
    const strangersDirectory = await mkdtemp(join(tmpdir(), 'infobank-stranger-'));
    try {
      const stranger = await BankKeyRing.fromKeyMaterial(
        await loadKeyMaterial({ keysDirectory: strangersDirectory, generateIfMissing: true }),
      );
      const jws = await stranger.signJws({}, { typ: 'checkpoint+jws' });
      const error = await ours.verifyBankJws(jws).catch((rejection: unknown) => rejection);
      expect(error).toBeInstanceOf(CryptoError);
      expect((error as CryptoError).code).toBe('JOSE_KEY_NOT_FOUND');
    } finally {
      await rm(strangersDirectory, { recursive: true, force: true });
    }
  });
});
