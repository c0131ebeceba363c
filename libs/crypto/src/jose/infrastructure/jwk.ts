import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { CryptoError } from '../../crypto.errors';

/** A public JSON Web Key as published in a JWKS: never carries private members. */
export type PublicJwk = Pick<JWK, 'kty' | 'crv' | 'x' | 'y' | 'n' | 'e' | 'kid' | 'alg' | 'use'>;

/** Algorithms `generateKeyPairJwk` can make keys for: the signing ones and the package-encryption one. */
export type GeneratedKeyAlgorithm = 'EdDSA' | 'ES256' | 'PS256' | 'ECDH-ES+A256KW';

/** A fresh key pair as JWKs, both carrying kid (the RFC 7638 thumbprint), alg and use. */
export interface GeneratedKeyPairJwk {
  kid: string;
  privateJwk: JWK;
  publicJwk: PublicJwk;
}

/**
 * The public half of a JWK (RFC 7517/7518 public members plus kid/alg/use). Symmetric keys are
 * refused: a shared secret has no public half and must never stand in for a registered key.
 */
export function toPublicJwk(jwk: JWK): PublicJwk {
  const common = pickDefined({ kid: jwk.kid, alg: jwk.alg, use: jwk.use });
  switch (jwk.kty) {
    case 'OKP':
      return { kty: 'OKP', ...pickDefined({ crv: jwk.crv, x: jwk.x }), ...common };
    case 'EC':
      return { kty: 'EC', ...pickDefined({ crv: jwk.crv, x: jwk.x, y: jwk.y }), ...common };
    case 'RSA':
      return { kty: 'RSA', ...pickDefined({ n: jwk.n, e: jwk.e }), ...common };
    default:
      throw new CryptoError('JOSE_KEY_INVALID', `Key type "${String(jwk.kty)}" is not an accepted asymmetric key type.`);
  }
}

/** The RFC 7638 JWK thumbprint (SHA-256, base64url): our key ids and DPoP `jkt` values. */
export async function jwkThumbprint(jwk: JWK): Promise<string> {
  try {
    return await calculateJwkThumbprint(jwk, 'sha256');
  } catch (error) {
    throw new CryptoError('JOSE_KEY_INVALID', 'Cannot compute the thumbprint of this JWK.', { cause: error });
  }
}

/**
 * Makes a key pair for tests, demo seeding and operator tools: EdDSA (Ed25519), ES256, PS256 for
 * signing; ECDH-ES+A256KW on X25519 (default) or P-256 for receiving packages.
 */
export async function generateKeyPairJwk(
  alg: GeneratedKeyAlgorithm,
  options: { crv?: 'X25519' | 'P-256' } = {},
): Promise<GeneratedKeyPairJwk> {
  const generationOptions =
    alg === 'EdDSA'
      ? { crv: 'Ed25519' }
      : alg === 'ECDH-ES+A256KW'
        ? { crv: options.crv ?? 'X25519' }
        : alg === 'PS256'
          ? { modulusLength: 3072 }
          : {};
  const { privateKey, publicKey } = await generateKeyPair(alg, { ...generationOptions, extractable: true });
  const publicParts = toPublicJwk(await exportJWK(publicKey));
  const kid = await jwkThumbprint(publicParts);
  const use = alg === 'ECDH-ES+A256KW' ? 'enc' : 'sig';
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg, use },
    publicJwk: { ...publicParts, kid, alg, use },
  };
}

function pickDefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
