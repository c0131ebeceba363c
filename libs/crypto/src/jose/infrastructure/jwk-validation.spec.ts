import { generateKeyPairSync } from 'node:crypto';
import { generateKeyPairJwk, type GeneratedKeyPairJwk } from './jwk';
import { validatePublicEncryptionJwk, validatePublicSigningJwk } from './jwk-validation';

const paths = (problems: { path: string }[]) => problems.map((problem) => problem.path);

describe('validatePublicSigningJwk', () => {
  let eddsa: GeneratedKeyPairJwk;
  let es256: GeneratedKeyPairJwk;
  let ps256: GeneratedKeyPairJwk;
  let x25519: GeneratedKeyPairJwk;

  beforeAll(async () => {
    [eddsa, es256, ps256, x25519] = await Promise.all([
      generateKeyPairJwk('EdDSA'),
      generateKeyPairJwk('ES256'),
      generateKeyPairJwk('PS256'),
      generateKeyPairJwk('ECDH-ES+A256KW'),
    ]);
  });

  it('Given public EdDSA, ES256 and PS256 keys with kid and alg, when validated, then they are accepted', async () => {
    for (const key of [eddsa, es256, ps256]) expect(await validatePublicSigningJwk(key.publicJwk)).toEqual([]);
  });

  it('Given a private key, when validated, then every private member is named', async () => {
    expect(paths(await validatePublicSigningJwk(eddsa.privateJwk, '/jwk'))).toEqual(['/jwk/d']);
    expect(paths(await validatePublicSigningJwk(ps256.privateJwk))).toEqual(['/d', '/p', '/q', '/dp', '/dq', '/qi']);
  });

  it('Given a symmetric (oct) key, when validated, then it is refused', async () => {
    const problems = paths(await validatePublicSigningJwk({ kty: 'oct', k: 'c2VjcmV0', kid: 'hmac', alg: 'HS256' }));
    expect(problems).toEqual(expect.arrayContaining(['/k', '/alg']));
  });

  it('Given no kid, when validated, then kid is named', async () => {
    const { kid: _kid, ...withoutKid } = eddsa.publicJwk;
    expect(paths(await validatePublicSigningJwk(withoutKid))).toEqual(['/kid']);
  });

  it.each(['none', 'HS256', 'RS256', 'ES384', undefined])('Given alg %p, when validated, then alg is named', async (alg) => {
    expect(paths(await validatePublicSigningJwk({ ...es256.publicJwk, alg }))).toEqual(['/alg']);
  });

  it('Given an alg that does not fit the key type or curve, when validated, then kty is named', async () => {
    expect(paths(await validatePublicSigningJwk({ ...es256.publicJwk, alg: 'EdDSA' }))).toEqual(['/kty']);
    expect(paths(await validatePublicSigningJwk({ ...eddsa.publicJwk, alg: 'PS256' }))).toEqual(['/kty']);
    expect(paths(await validatePublicSigningJwk({ ...x25519.publicJwk, alg: 'EdDSA', use: undefined }))).toEqual(['/kty']);
  });

  it('Given an RSA key under 2048 bits, when validated, then its modulus is named', async () => {
    // jose refuses to make such keys, so an organisation's older tooling is played by node:crypto.
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const problems = await validatePublicSigningJwk({ ...publicKey.export({ format: 'jwk' }), kid: 'small', alg: 'PS256' });
    expect(problems).toEqual([{ path: '/n', message: 'must be at least 2048 bits' }]);
  });

  it('Given a key whose point is not on the curve, when validated, then it is not importable', async () => {
    const broken = { ...es256.publicJwk, y: es256.publicJwk.x };
    expect(await validatePublicSigningJwk(broken, '/k')).toEqual([{ path: '/k', message: 'is not a usable ES256 public key' }]);
  });

  it('Given use "enc", key_ops "sign" or an x5u URL, when validated, then each is named', async () => {
    const problems = await validatePublicSigningJwk({
      ...eddsa.publicJwk,
      use: 'enc',
      key_ops: ['sign'],
      x5u: 'https://attacker.example/cert',
    });
    expect(paths(problems)).toEqual(['/use', '/key_ops', '/x5u']);
  });

  it.each([null, 'jwk', [], 42])('Given %p, when validated, then it is refused as not a JWK', async (value) => {
    expect(await validatePublicSigningJwk(value, '/jwk')).toEqual([{ path: '/jwk', message: 'must be a JWK object' }]);
  });
});

describe('validatePublicEncryptionJwk', () => {
  it('Given public X25519 and P-256 keys, when validated, then they are accepted, with or without kid and alg', async () => {
    const x25519 = await generateKeyPairJwk('ECDH-ES+A256KW');
    const p256 = await generateKeyPairJwk('ECDH-ES+A256KW', { crv: 'P-256' });
    expect(await validatePublicEncryptionJwk(x25519.publicJwk)).toEqual([]);
    expect(await validatePublicEncryptionJwk(p256.publicJwk)).toEqual([]);
    expect(await validatePublicEncryptionJwk({ kty: 'OKP', crv: 'X25519', x: x25519.publicJwk.x })).toEqual([]);
  });

  it('Given the private half, when validated, then d is named', async () => {
    const { privateJwk } = await generateKeyPairJwk('ECDH-ES+A256KW');
    expect(paths(await validatePublicEncryptionJwk(privateJwk, '/encryptionKey'))).toEqual(['/encryptionKey/d']);
  });

  it('Given a signing key or RSA key, when validated as an encryption key, then it is refused', async () => {
    const eddsa = await generateKeyPairJwk('EdDSA');
    expect(paths(await validatePublicEncryptionJwk(eddsa.publicJwk))).toEqual(['/use', '/kty', '/alg']);
    expect(paths(await validatePublicEncryptionJwk({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }))).toEqual(['/kty']);
  });

  it('Given another key management algorithm, when validated, then alg is named', async () => {
    const { publicJwk } = await generateKeyPairJwk('ECDH-ES+A256KW');
    expect(paths(await validatePublicEncryptionJwk({ ...publicJwk, alg: 'ECDH-ES' }))).toEqual(['/alg']);
  });

  it('Given a malformed X25519 public value, when validated, then it is not importable', async () => {
    expect(await validatePublicEncryptionJwk({ kty: 'OKP', crv: 'X25519', x: 'AAAA' })).toEqual([
      { path: '', message: 'is not a usable ECDH-ES+A256KW public key' },
    ]);
  });
});
