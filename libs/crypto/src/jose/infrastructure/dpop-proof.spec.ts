import { importJWK, SignJWT, type JWK } from 'jose';
import { verifyDpopProofSignature } from './dpop-proof';
import { generateKeyPairJwk, jwkThumbprint, type GeneratedKeyPairJwk } from './jwk';

describe('verifyDpopProofSignature', () => {
  let client: GeneratedKeyPairJwk;

  beforeAll(async () => {
    client = await generateKeyPairJwk('ES256');
  });

  const proof = async (header: Record<string, unknown> = {}, options: { signer?: GeneratedKeyPairJwk; iat?: number } = {}) =>
    new SignJWT({ jti: 'p-1', htm: 'POST', htu: 'https://bank.example/token' })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: client.publicJwk as JWK, ...header })
      .setIssuedAt(options.iat)
      .sign(await importJWK((options.signer ?? client).privateJwk));

  it('verifies a proof against its embedded key and returns the key thumbprint', async () => {
    const verified = await verifyDpopProofSignature(await proof(), { maxTokenAge: '60s' });
    expect(verified.jwkThumbprint).toBe(await jwkThumbprint(client.publicJwk));
    expect(verified.payload).toMatchObject({ htm: 'POST', htu: 'https://bank.example/token', jti: 'p-1' });
  });

  it('rejects a proof signed by another key than the one it embeds', async () => {
    const other = await generateKeyPairJwk('ES256');
    await expect(verifyDpopProofSignature(await proof({}, { signer: other }), { maxTokenAge: '60s' })).rejects.toMatchObject({
      code: 'JOSE_INVALID_SIGNATURE',
    });
  });

  it('rejects an embedded private key', async () => {
    await expect(verifyDpopProofSignature(await proof({ jwk: client.privateJwk }), { maxTokenAge: '60s' })).rejects.toMatchObject({
      code: 'JOSE_KEY_INVALID',
    });
  });

  it('rejects a proof without the dpop+jwt typ', async () => {
    await expect(verifyDpopProofSignature(await proof({ typ: 'JWT' }), { maxTokenAge: '60s' })).rejects.toMatchObject({
      code: 'JOSE_TYPE_MISMATCH',
    });
  });

  it('rejects a proof that also points at a key by URL', async () => {
    await expect(
      verifyDpopProofSignature(await proof({ jku: 'https://attacker.example/jwks' }), { maxTokenAge: '60s' }),
    ).rejects.toMatchObject({
      code: 'JOSE_HEADER_NOT_ALLOWED',
    });
  });

  it('rejects a proof with a "crit" header', async () => {
    const critical = await new SignJWT({ jti: 'p-2', htm: 'POST', htu: 'https://bank.example/token' })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: client.publicJwk as JWK, crit: ['x-ext'], 'x-ext': 'v' })
      .setIssuedAt()
      .sign(await importJWK(client.privateJwk), { crit: { 'x-ext': true } });
    await expect(verifyDpopProofSignature(critical, { maxTokenAge: '60s' })).rejects.toMatchObject({ code: 'JOSE_HEADER_NOT_ALLOWED' });
  });

  it('rejects a stale proof', async () => {
    const stale = await proof({}, { iat: Math.floor(Date.now() / 1000) - 600 });
    await expect(verifyDpopProofSignature(stale, { maxTokenAge: '60s' })).rejects.toMatchObject({ code: 'JOSE_TOKEN_EXPIRED' });
  });
});
