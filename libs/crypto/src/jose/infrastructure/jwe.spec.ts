import { randomBytes } from 'node:crypto';
import { CompactEncrypt, decodeProtectedHeader, generateKeyPair, importJWK } from 'jose';
import { CryptoError, type CryptoErrorCode } from '../../crypto.errors';
import { decryptJwe, encryptJweForRecipient } from './jwe';
import { generateKeyPairJwk, type GeneratedKeyPairJwk } from './jwk';

async function expectCryptoError(promise: Promise<unknown>, code: CryptoErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(CryptoError);
  expect((error as CryptoError).code).toBe(code);
}

describe('JWE packages to recipients (ECDH-ES+A256KW / A256GCM only)', () => {
  let x25519: GeneratedKeyPairJwk;
  let p256: GeneratedKeyPairJwk;

  beforeAll(async () => {
    [x25519, p256] = await Promise.all([generateKeyPairJwk('ECDH-ES+A256KW'), generateKeyPairJwk('ECDH-ES+A256KW', { crv: 'P-256' })]);
  });

  it.each([
    ['X25519', () => x25519],
    ['P-256', () => p256],
  ])('round-trips to a %s recipient, who decrypts with its private key', async (_curve, recipient) => {
    const jwe = await encryptJweForRecipient('{"records":[1,2,3]}', recipient().publicJwk, { contentType: 'JWT', typ: 'package+jwe' });

    const header = decodeProtectedHeader(jwe);
    expect(header).toMatchObject({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', kid: recipient().kid, cty: 'JWT', typ: 'package+jwe' });
    const { plaintext, protectedHeader } = await decryptJwe(jwe, recipient().privateJwk, { typ: 'package+jwe' });
    expect(new TextDecoder().decode(plaintext)).toBe('{"records":[1,2,3]}');
    expect(protectedHeader.kid).toBe(recipient().kid);
  });

  it('encrypts bytes, and another recipient cannot decrypt', async () => {
    const bytes = randomBytes(1000);
    const jwe = await encryptJweForRecipient(bytes, x25519.publicJwk);
    expect(Buffer.from((await decryptJwe(jwe, x25519.privateJwk)).plaintext).equals(bytes)).toBe(true);
    const other = await generateKeyPairJwk('ECDH-ES+A256KW');
    await expectCryptoError(decryptJwe(jwe, other.privateJwk), 'JOSE_DECRYPTION_FAILED');
  });

  it('refuses to encrypt to a signing key', async () => {
    const signing = await generateKeyPairJwk('EdDSA');
    await expectCryptoError(encryptJweForRecipient('x', signing.publicJwk), 'JOSE_KEY_INVALID');
  });

  it('rejects a JWE with an unlisted content encryption (A128GCM)', async () => {
    const jwe = await new CompactEncrypt(Buffer.from('secret'))
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A128GCM' })
      .encrypt(await importJWK(x25519.publicJwk, 'ECDH-ES+A256KW'));
    await expectCryptoError(decryptJwe(jwe, x25519.privateJwk), 'JOSE_ALGORITHM_NOT_ALLOWED');
  });

  it('rejects a JWE with direct key agreement (ECDH-ES without key wrap)', async () => {
    const jwe = await new CompactEncrypt(Buffer.from('secret'))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM' })
      .encrypt(await importJWK(x25519.publicJwk, 'ECDH-ES'));
    await expectCryptoError(decryptJwe(jwe, x25519.privateJwk), 'JOSE_ALGORITHM_NOT_ALLOWED');
  });

  it('rejects a JWE with alg "dir" (a shared symmetric key)', async () => {
    const jwe = await new CompactEncrypt(Buffer.from('secret')).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(randomBytes(32));
    await expectCryptoError(decryptJwe(jwe, x25519.privateJwk), 'JOSE_ALGORITHM_NOT_ALLOWED');
  });

  it('rejects a JWE with alg RSA-OAEP', async () => {
    const rsa = await generateKeyPair('RSA-OAEP-256');
    const jwe = await new CompactEncrypt(Buffer.from('secret'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(rsa.publicKey);
    await expectCryptoError(decryptJwe(jwe, x25519.privateJwk), 'JOSE_ALGORITHM_NOT_ALLOWED');
  });

  it('rejects a tampered ciphertext', async () => {
    const parts = (await encryptJweForRecipient('hello recipient', x25519.publicJwk)).split('.');
    const ciphertext = Buffer.from(parts[3], 'base64url');
    ciphertext[0] ^= 0xff;
    parts[3] = ciphertext.toString('base64url');
    await expectCryptoError(decryptJwe(parts.join('.'), x25519.privateJwk), 'JOSE_DECRYPTION_FAILED');
  });

  it('rejects a JWE whose typ is not the expected one', async () => {
    const jwe = await encryptJweForRecipient('x', x25519.publicJwk, { typ: 'other+jwe' });
    await expectCryptoError(decryptJwe(jwe, x25519.privateJwk, { typ: 'package+jwe' }), 'JOSE_TYPE_MISMATCH');
  });
});
