import type { FieldProblem } from '@infobank/platform';
import { importJWK, type JWK } from 'jose';

/** Algorithms an organisation's signing key may declare (RFC 7518 names, pinned). */
export const ORGANISATION_SIGNING_ALGORITHMS = ['EdDSA', 'ES256', 'PS256'] as const;

/** Smallest RSA modulus accepted for PS256 keys, in bits. */
export const MINIMUM_RSA_MODULUS_BITS = 2048;

// Private (RFC 7518 §6.2.2, §6.3.2, RFC 8037) and symmetric members: none may ever reach the bank.
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const kidPattern = /^[\x21-\x7e]{1,128}$/;

/**
 * Problems with a JWK an organisation registers to sign client assertions, DPoP-free JWS and
 * attestations: it must be public, carry a `kid`, and declare EdDSA (OKP Ed25519), ES256 (EC P-256)
 * or PS256 (RSA of at least 2048 bits) matching its type, and be importable. Empty when acceptable.
 * `path` prefixes each problem's JSON pointer (e.g. `/signingKeys/0`).
 */
export async function validatePublicSigningJwk(jwk: unknown, path = ''): Promise<FieldProblem[]> {
  if (!isJsonObject(jwk)) return [{ path, message: 'must be a JWK object' }];
  const problems = commonProblems(jwk, path, { kidRequired: true, use: 'sig', keyOperations: ['verify'] });
  const alg = jwk.alg;
  if (typeof alg !== 'string' || !(ORGANISATION_SIGNING_ALGORITHMS as readonly string[]).includes(alg)) {
    problems.push({ path: `${path}/alg`, message: `must be one of ${ORGANISATION_SIGNING_ALGORITHMS.join(', ')}` });
    return problems;
  }
  const fits =
    alg === 'EdDSA'
      ? jwk.kty === 'OKP' && jwk.crv === 'Ed25519'
      : alg === 'ES256'
        ? jwk.kty === 'EC' && jwk.crv === 'P-256'
        : jwk.kty === 'RSA';
  if (!fits) {
    const expected = alg === 'EdDSA' ? 'kty OKP with crv Ed25519' : alg === 'ES256' ? 'kty EC with crv P-256' : 'kty RSA';
    problems.push({ path: `${path}/kty`, message: `must be ${expected} for alg ${alg}` });
    return problems;
  }
  if (alg === 'PS256') {
    const bits = rsaModulusBits(jwk.n);
    if (bits === undefined) problems.push({ path: `${path}/n`, message: 'must be the base64url RSA modulus' });
    else if (bits < MINIMUM_RSA_MODULUS_BITS)
      problems.push({ path: `${path}/n`, message: `must be at least ${MINIMUM_RSA_MODULUS_BITS} bits` });
  }
  if (problems.length === 0) problems.push(...(await importProblems(jwk, alg, path)));
  return problems;
}

/**
 * Problems with a JWK an organisation registers to receive packages (JWE ECDH-ES+A256KW): it must be
 * public, OKP X25519 or EC P-256, declare no other algorithm or use, and be importable.
 */
export async function validatePublicEncryptionJwk(jwk: unknown, path = ''): Promise<FieldProblem[]> {
  if (!isJsonObject(jwk)) return [{ path, message: 'must be a JWK object' }];
  const problems = commonProblems(jwk, path, {
    kidRequired: false,
    use: 'enc',
    keyOperations: ['deriveKey', 'deriveBits', 'wrapKey', 'encrypt'],
  });
  const fits = (jwk.kty === 'OKP' && jwk.crv === 'X25519') || (jwk.kty === 'EC' && jwk.crv === 'P-256');
  if (!fits) problems.push({ path: `${path}/kty`, message: 'must be kty OKP with crv X25519, or kty EC with crv P-256' });
  if (jwk.alg !== undefined && jwk.alg !== 'ECDH-ES+A256KW')
    problems.push({ path: `${path}/alg`, message: 'must be ECDH-ES+A256KW when present' });
  if (problems.length === 0) problems.push(...(await importProblems(jwk, 'ECDH-ES+A256KW', path)));
  return problems;
}

function commonProblems(
  jwk: Record<string, unknown>,
  path: string,
  rules: { kidRequired: boolean; use: 'sig' | 'enc'; keyOperations: string[] },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const member of PRIVATE_MEMBERS) {
    if (jwk[member] !== undefined) {
      problems.push({
        path: `${path}/${member}`,
        message: 'must not be present: register the public key only, never private or secret key material',
      });
    }
  }
  if (typeof jwk.kty !== 'string') problems.push({ path: `${path}/kty`, message: 'must be a string' });
  if (jwk.kid !== undefined || rules.kidRequired) {
    if (typeof jwk.kid !== 'string' || !kidPattern.test(jwk.kid)) {
      problems.push({ path: `${path}/kid`, message: 'must be 1 to 128 printable ASCII characters without spaces' });
    }
  }
  if (jwk.use !== undefined && jwk.use !== rules.use)
    problems.push({ path: `${path}/use`, message: `must be "${rules.use}" when present` });
  if (jwk.key_ops !== undefined) {
    const operations = jwk.key_ops;
    if (!Array.isArray(operations) || !operations.every((operation) => rules.keyOperations.includes(operation as string))) {
      problems.push({ path: `${path}/key_ops`, message: `may list only ${rules.keyOperations.join(', ')}` });
    }
  }
  // A URL in a key would invite the bank to fetch certificates from wherever an attacker likes (SSRF).
  if (jwk.x5u !== undefined) problems.push({ path: `${path}/x5u`, message: 'must not be present' });
  return problems;
}

async function importProblems(jwk: Record<string, unknown>, alg: string, path: string): Promise<FieldProblem[]> {
  try {
    // Only the key's own parameters: `use`/`key_ops` were checked above and must not skew the import.
    const { kty, crv, x, y, n, e } = jwk;
    await importJWK(Object.fromEntries(Object.entries({ kty, crv, x, y, n, e }).filter(([, value]) => value !== undefined)) as JWK, alg);
    return [];
  } catch {
    return [{ path, message: `is not a usable ${alg} public key` }];
  }
}

function rsaModulusBits(n: unknown): number | undefined {
  if (typeof n !== 'string' || !/^[A-Za-z0-9_-]+$/.test(n)) return undefined;
  const bytes = Buffer.from(n, 'base64url');
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start += 1;
  if (start === bytes.length) return undefined;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(bytes[start]));
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
