import { createHmac, generateKeyPairSync } from 'node:crypto';
import { CompactSign, FlattenedSign, importJWK, SignJWT, type JWK } from 'jose';
import { CryptoError, type CryptoErrorCode } from '../../crypto.errors';
import { generateKeyPairJwk, type GeneratedKeyPairJwk } from './jwk';
import { parseJsonPayload, verifyJwsWithKeys, verifyJwtWithKeys } from './jws';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Builds a compact JWS by hand, as an attacker would: any header, any signature. */
function handMadeJws(header: object, payload: object, sign: (input: string) => string = () => ''): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${sign(input)}`;
}

async function signWith(key: GeneratedKeyPairJwk, header: Record<string, unknown>, payload: object = { hello: 'world' }): Promise<string> {
  return new CompactSign(Buffer.from(JSON.stringify(payload)))
    .setProtectedHeader({ alg: key.privateJwk.alg as string, kid: key.kid, ...header })
    .sign(await importJWK(key.privateJwk));
}

async function expectCryptoError(promise: Promise<unknown>, code: CryptoErrorCode): Promise<CryptoError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(CryptoError);
  expect((error as CryptoError).code).toBe(code);
  return error as CryptoError;
}

describe('verifyJwsWithKeys (an organisation signs, the bank verifies against registered keys)', () => {
  let ed25519: GeneratedKeyPairJwk;
  let es256: GeneratedKeyPairJwk;
  let ps256: GeneratedKeyPairJwk;
  let registered: JWK[];

  beforeAll(async () => {
    [ed25519, es256, ps256] = await Promise.all([generateKeyPairJwk('EdDSA'), generateKeyPairJwk('ES256'), generateKeyPairJwk('PS256')]);
    registered = [ed25519.publicJwk, es256.publicJwk, ps256.publicJwk];
  });

  it.each(['EdDSA', 'ES256', 'PS256'] as const)('verifies a %s JWS signed by a registered key and names the kid', async (alg) => {
    const key = { EdDSA: ed25519, ES256: es256, PS256: ps256 }[alg];
    const jws = await signWith(key, { typ: 'attestation+jws' }, { notice: 'n-1' });

    const verified = await verifyJwsWithKeys(jws, registered, { typ: 'attestation+jws' });

    expect(verified.kid).toBe(key.kid);
    expect(verified.protectedHeader.alg).toBe(alg);
    expect(parseJsonPayload(verified.payload)).toEqual({ notice: 'n-1' });
  });

  it('accepts the fully-specified "Ed25519" algorithm name for an Ed25519 key (RFC 9864)', async () => {
    const jws = await signWith(ed25519, { alg: 'Ed25519' });
    await expect(verifyJwsWithKeys(jws, registered)).resolves.toMatchObject({ kid: ed25519.kid });
  });

  it('rejects alg "none" (an unsigned token)', async () => {
    const jws = handMadeJws({ alg: 'none', kid: ed25519.kid }, { hello: 'world' });
    await expectCryptoError(verifyJwsWithKeys(jws, registered), 'JOSE_ALGORITHM_NOT_ALLOWED');
  });

  it('rejects HS256 signed with the public key as the HMAC secret (algorithm confusion)', async () => {
    const secrets = [JSON.stringify(ed25519.publicJwk), Buffer.from(ed25519.publicJwk.x as string, 'base64url')];
    for (const secret of secrets) {
      const jws = handMadeJws({ alg: 'HS256', kid: ed25519.kid }, { hello: 'world' }, (input) =>
        createHmac('sha256', secret).update(input).digest('base64url'),
      );
      await expectCryptoError(verifyJwsWithKeys(jws, registered), 'JOSE_ALGORITHM_NOT_ALLOWED');
    }
  });

  it('rejects HS256 even when a symmetric key with that kid is in the key list', async () => {
    const secret = Buffer.alloc(32, 7);
    const jws = handMadeJws({ alg: 'HS256', kid: 'shared' }, { hello: 'world' }, (input) =>
      createHmac('sha256', secret).update(input).digest('base64url'),
    );
    await expectCryptoError(
      verifyJwsWithKeys(jws, [{ kty: 'oct', k: secret.toString('base64url'), kid: 'shared' }]),
      'JOSE_ALGORITHM_NOT_ALLOWED',
    );
  });

  it('rejects a kid that is not among the registered keys, even if correctly signed', async () => {
    const stranger = await generateKeyPairJwk('EdDSA');
    const jws = await signWith(stranger, {});
    await expectCryptoError(verifyJwsWithKeys(jws, registered), 'JOSE_KEY_NOT_FOUND');
  });

  it('rejects a JWS without a kid', async () => {
    const jws = await new CompactSign(Buffer.from('{}')).setProtectedHeader({ alg: 'EdDSA' }).sign(await importJWK(ed25519.privateJwk));
    await expectCryptoError(verifyJwsWithKeys(jws, registered), 'JOSE_KEY_NOT_FOUND');
  });

  it('rejects an embedded "jwk" header even when it matches the signature', async () => {
    const attacker = await generateKeyPairJwk('EdDSA');
    // The attacker signs with its own key, embeds it, and claims a registered kid.
    const jws = await new CompactSign(Buffer.from('{}'))
      .setProtectedHeader({ alg: 'EdDSA', kid: ed25519.kid, jwk: attacker.publicJwk })
      .sign(await importJWK(attacker.privateJwk));
    await expectCryptoError(verifyJwsWithKeys(jws, registered), 'JOSE_HEADER_NOT_ALLOWED');
  });

  it.each(['jku', 'x5u'])('rejects a "%s" header pointing at a key', async (header) => {
    const jws = await signWith(ed25519, { [header]: 'https://attacker.example/keys' });
    await expectCryptoError(verifyJwsWithKeys(jws, registered), 'JOSE_HEADER_NOT_ALLOWED');
  });

  it('rejects an unencoded payload (b64: false under crit, RFC 7797) even when correctly signed', async () => {
    const payload = '{"hello":"world"}';
    const signed = await new FlattenedSign(Buffer.from(payload))
      .setProtectedHeader({ alg: 'EdDSA', kid: ed25519.kid, b64: false, crit: ['b64'] })
      .sign(await importJWK(ed25519.privateJwk));
    const jws = `${signed.protected}.${payload}.${signed.signature}`;
    await expectCryptoError(verifyJwsWithKeys(jws, registered), 'JOSE_HEADER_NOT_ALLOWED');
  });

  it('rejects any "crit" header, and "b64" without one', async () => {
    const critical = await new CompactSign(Buffer.from('{}'))
      .setProtectedHeader({ alg: 'EdDSA', kid: ed25519.kid, crit: ['x-ext'], 'x-ext': 'v' })
      .sign(await importJWK(ed25519.privateJwk), { crit: { 'x-ext': true } });
    await expectCryptoError(verifyJwsWithKeys(critical, registered), 'JOSE_HEADER_NOT_ALLOWED');
    await expectCryptoError(verifyJwsWithKeys(await signWith(ed25519, { b64: true }), registered), 'JOSE_HEADER_NOT_ALLOWED');
  });

  it('rejects an algorithm that does not fit the key named by kid', async () => {
    // ES256 header, but the kid names the Ed25519 key.
    const jws = handMadeJws({ alg: 'ES256', kid: ed25519.kid }, {}, () => base64url(Buffer.alloc(64)));
    await expectCryptoError(verifyJwsWithKeys(jws, registered), 'JOSE_ALGORITHM_NOT_ALLOWED');
  });

  it("rejects an allowed algorithm outside the caller's subset", async () => {
    const jws = await signWith(ps256, {});
    await expectCryptoError(verifyJwsWithKeys(jws, registered, { algorithms: ['EdDSA', 'ES256'] }), 'JOSE_ALGORITHM_NOT_ALLOWED');
  });

  it('rejects RS256 (not pinned) from an RSA key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'rsa-1' };
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
    const jws = await new CompactSign(Buffer.from('{}'))
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .sign(await importJWK(jwk, 'RS256'));
    await expectCryptoError(verifyJwsWithKeys(jws, [publicJwk]), 'JOSE_ALGORITHM_NOT_ALLOWED');
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await signWith(ed25519, {}, { amount: 1 })).split('.');
    const tampered = `${header}.${base64url(JSON.stringify({ amount: 1000 }))}.${signature}`;
    await expectCryptoError(verifyJwsWithKeys(tampered, registered), 'JOSE_INVALID_SIGNATURE');
  });

  it('rejects an unexpected typ', async () => {
    const jws = await signWith(ed25519, { typ: 'receipt+jws' });
    await expectCryptoError(verifyJwsWithKeys(jws, registered, { typ: 'attestation+jws' }), 'JOSE_TYPE_MISMATCH');
  });

  it('rejects garbage as malformed', async () => {
    await expectCryptoError(verifyJwsWithKeys('not-a-jws', registered), 'JOSE_MALFORMED');
    await expectCryptoError(verifyJwsWithKeys('a.b.c', registered), 'JOSE_MALFORMED');
  });
});

describe('verifyJwtWithKeys (private_key_jwt client assertions)', () => {
  let client: GeneratedKeyPairJwk;

  beforeAll(async () => {
    client = await generateKeyPairJwk('ES256');
  });

  const assertion = async (claims: Record<string, unknown>, expiresIn: string | null = '1m') => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: client.kid })
      .setIssuedAt()
      .setIssuer('org-1')
      .setSubject('org-1')
      .setAudience('https://bank.example/token');
    if (expiresIn !== null) jwt.setExpirationTime(expiresIn);
    return jwt.sign(await importJWK(client.privateJwk));
  };

  it('verifies signature, audience and issuer', async () => {
    const verified = await verifyJwtWithKeys(await assertion({ jti: 'a-1' }), [client.publicJwk], {
      audience: 'https://bank.example/token',
      issuer: 'org-1',
    });
    expect(verified.payload).toMatchObject({ jti: 'a-1', sub: 'org-1' });
    expect(verified.kid).toBe(client.kid);
  });

  it('rejects another audience', async () => {
    await expectCryptoError(
      verifyJwtWithKeys(await assertion({}), [client.publicJwk], { audience: 'https://elsewhere.example' }),
      'JOSE_CLAIM_INVALID',
    );
  });

  it('rejects an expired assertion', async () => {
    await expectCryptoError(
      verifyJwtWithKeys(await assertion({}, '-10s'), [client.publicJwk], { audience: 'https://bank.example/token' }),
      'JOSE_TOKEN_EXPIRED',
    );
  });

  it('rejects an assertion without exp', async () => {
    await expectCryptoError(
      verifyJwtWithKeys(await assertion({}, null), [client.publicJwk], { audience: 'https://bank.example/token' }),
      'JOSE_CLAIM_INVALID',
    );
  });
});
