// The keys an organisation holds. Its signing key is registered with the bank (the public half); its
// DPoP key never is: it is made by the client and bound into each access token it gets.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** Signing algorithms the bank accepts from organisations (client assertions, deposits, attestations, DPoP). */
export type SigningAlgorithm = 'EdDSA' | 'ES256' | 'PS256';

const SIGNING_ALGORITHMS: readonly string[] = ['EdDSA', 'ES256', 'PS256'];

/** A signing key pair: the private half stays with the organisation. */
export interface SigningKey {
  alg: SigningAlgorithm;
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public JWK with kid, alg and use, as registered with the bank. */
  publicJwk: JWK;
}

/** Makes a signing key pair whose kid is its RFC 7638 thumbprint. */
export async function generateSigningKey(alg: SigningAlgorithm = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'PS256' ? { modulusLength: 2048 } : {}) });
  const bare = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(bare);
  return { alg, kid, privateKey, publicKey, publicJwk: { ...bare, kid, alg, use: 'sig' } };
}

/**
 * The signing key in a private JWK (as `seed:demo` writes them, or as you keep yours). The JWK must
 * name its `alg` (one the bank accepts) and `kid` (the one registered).
 */
export async function signingKeyFromPrivateJwk(privateJwk: JWK): Promise<SigningKey> {
  if (typeof privateJwk.alg !== 'string' || !SIGNING_ALGORITHMS.includes(privateJwk.alg)) {
    throw new TypeError(`The private JWK must name one of the algorithms ${SIGNING_ALGORITHMS.join(', ')} in "alg"`);
  }
  if (typeof privateJwk.kid !== 'string' || privateJwk.kid === '') throw new TypeError('The private JWK must carry the registered "kid"');
  const alg = privateJwk.alg as SigningAlgorithm;
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  return {
    alg,
    kid: privateJwk.kid,
    privateKey: (await importJWK(privateJwk, alg)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, alg)) as CryptoKey,
    publicJwk,
  };
}

/** Key management algorithms the bank encrypts packages with (to an X25519 or P-256 key). */
export const PACKAGE_KEY_MANAGEMENT_ALGORITHM = 'ECDH-ES+A256KW';

/** An encryption key pair for receiving packages: register `publicJwk`, keep `privateJwk`. */
export interface EncryptionKey {
  publicJwk: JWK;
  privateJwk: JWK;
}

/** Makes an X25519 key pair to register as your encryption key (recipients). */
export async function generateEncryptionKey(): Promise<EncryptionKey> {
  const { publicKey, privateKey } = await generateKeyPair(PACKAGE_KEY_MANAGEMENT_ALGORITHM, { crv: 'X25519', extractable: true });
  return {
    publicJwk: { ...(await exportJWK(publicKey)), use: 'enc', alg: PACKAGE_KEY_MANAGEMENT_ALGORITHM },
    privateJwk: { ...(await exportJWK(privateKey)), use: 'enc', alg: PACKAGE_KEY_MANAGEMENT_ALGORITHM },
  };
}
