/**
 * The only JOSE algorithms Infobank accepts (RFC 7518 / RFC 9864), pinned on every verify and
 * decrypt so that a token can never choose a weaker or confused algorithm for itself.
 *
 * `Ed25519` is RFC 9864's fully-specified name for what `EdDSA` means with an Ed25519 key; jose 6
 * supports both. The bank signs with `EdDSA` (what most verifiers understand today) and accepts
 * either from organisations.
 */
export const ALLOWED_JWS_ALGORITHMS = ['EdDSA', 'Ed25519', 'ES256', 'PS256'] as const;

/** A JWS algorithm Infobank accepts. */
export type AllowedJwsAlgorithm = (typeof ALLOWED_JWS_ALGORITHMS)[number];

/** The algorithm the bank signs its own JWS and JWTs with (Ed25519 keys). */
export const BANK_SIGNING_ALGORITHM = 'EdDSA' satisfies AllowedJwsAlgorithm;

/** Key agreement for packages: ephemeral-static ECDH (X25519 or P-256) wrapping a 256-bit key. */
export const ALLOWED_JWE_KEY_MANAGEMENT = ['ECDH-ES+A256KW'] as const;

/** Content encryption for packages. */
export const ALLOWED_JWE_CONTENT_ENCRYPTION = ['A256GCM'] as const;

/** True when `alg` is one of the pinned JWS algorithms. */
export function isAllowedJwsAlgorithm(alg: unknown): alg is AllowedJwsAlgorithm {
  return typeof alg === 'string' && (ALLOWED_JWS_ALGORITHMS as readonly string[]).includes(alg);
}

/**
 * Whether a key of this type may produce signatures with `alg`. Checked before jose sees the
 * token so that, say, an RSA key can never be asked to verify an `ES256` signature.
 */
export function jwsAlgorithmFitsKey(alg: AllowedJwsAlgorithm, key: { kty?: string; crv?: string; alg?: string }): boolean {
  const fitsType =
    alg === 'EdDSA' || alg === 'Ed25519'
      ? key.kty === 'OKP' && key.crv === 'Ed25519'
      : alg === 'ES256'
        ? key.kty === 'EC' && key.crv === 'P-256'
        : key.kty === 'RSA';
  if (!fitsType) return false;
  if (key.alg === undefined) return true;
  // A registered key may pin its algorithm; the two Ed25519 names denote the same operation.
  return key.alg === alg || (isEd25519Name(key.alg) && isEd25519Name(alg));
}

function isEd25519Name(alg: string): boolean {
  return alg === 'EdDSA' || alg === 'Ed25519';
}

/**
 * Compares `typ` header values as RFC 8725 §3.11 and jose do: case-insensitively, with an
 * omitted `application/` prefix implied.
 */
export function sameMediaType(actual: unknown, expected: string): boolean {
  if (typeof actual !== 'string') return false;
  const normalise = (value: string) => {
    const lower = value.toLowerCase();
    return lower.includes('/') ? lower : `application/${lower}`;
  };
  return normalise(actual) === normalise(expected);
}
