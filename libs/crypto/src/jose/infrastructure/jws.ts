import {
  compactVerify,
  decodeProtectedHeader,
  importJWK,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { CryptoError } from '../../crypto.errors';
import {
  ALLOWED_JWS_ALGORITHMS,
  isAllowedJwsAlgorithm,
  jwsAlgorithmFitsKey,
  sameMediaType,
  type AllowedJwsAlgorithm,
} from './jose-algorithms';
import { toCryptoError } from './jose-error-mapping';
import { toPublicJwk } from './jwk';

/** Header parameters that point at or embed a key: a token must never choose its own key. */
const KEY_CARRYING_HEADERS = ['jwk', 'jku', 'x5u', 'x5c'] as const;

/**
 * Header parameters that change how a JWS is processed: `crit` makes extensions mandatory, and `b64`
 * (RFC 7797, honoured only under `crit`) turns off payload encoding. The bank accepts no extension.
 */
const PROCESSING_HEADERS = ['crit', 'b64'] as const;

/** Options shared by every JWS/JWT verification against registered keys. */
export interface JwsVerificationOptions {
  /** A subset of ALLOWED_JWS_ALGORITHMS; defaults to all of them. */
  algorithms?: readonly AllowedJwsAlgorithm[];
  /** Expected `typ` header (compared as RFC 8725 says); when set the header must carry it. */
  typ?: string;
}

/** A JWS whose signature checked out against the registered key named by `kid`. */
export interface VerifiedJws {
  payload: Uint8Array;
  protectedHeader: ProtectedHeaderParameters;
  kid: string;
}

/** A JWT whose signature and claims checked out against the registered key named by `kid`. */
export interface VerifiedJwt {
  payload: JWTPayload;
  protectedHeader: ProtectedHeaderParameters;
  kid: string;
}

/** Claim checks for `verifyJwtWithKeys`; `exp` is always required. */
export interface JwtVerificationOptions extends JwsVerificationOptions {
  audience: string | string[];
  issuer?: string | string[];
  subject?: string;
  /** Upper bound on `now - iat` (seconds or a jose time span such as "5m"); requires `iat`. */
  maxTokenAge?: number | string;
  clockTolerance?: number | string;
  requiredClaims?: string[];
  currentDate?: Date;
}

/**
 * Verifies a compact JWS against registered public keys (an organisation's JWKS, or the bank's):
 * the key is chosen by `kid` among `keys` only, and the algorithm must be pinned and fit that key.
 */
export async function verifyJwsWithKeys(jws: string, keys: readonly JWK[], options: JwsVerificationOptions = {}): Promise<VerifiedJws> {
  const { kid, algorithm, key } = await selectVerificationKey(jws, keys, options);
  try {
    const { payload, protectedHeader } = await compactVerify(jws, key, { algorithms: [algorithm] });
    return { payload, protectedHeader, kid };
  } catch (error) {
    throw toCryptoError(error, 'JWS verification');
  }
}

/** Verifies a JWT (e.g. a `private_key_jwt` client assertion) against registered public keys. */
export async function verifyJwtWithKeys(jwt: string, keys: readonly JWK[], options: JwtVerificationOptions): Promise<VerifiedJwt> {
  const { kid, algorithm, key } = await selectVerificationKey(jwt, keys, options);
  try {
    const { payload, protectedHeader } = await jwtVerify(jwt, key, {
      algorithms: [algorithm],
      audience: options.audience,
      issuer: options.issuer,
      subject: options.subject,
      maxTokenAge: options.maxTokenAge,
      clockTolerance: options.clockTolerance,
      currentDate: options.currentDate,
      // A token that never expires is a standing credential; we accept none.
      requiredClaims: [...new Set(['exp', ...(options.requiredClaims ?? [])])],
    });
    return { payload, protectedHeader, kid };
  } catch (error) {
    throw toCryptoError(error, 'JWT verification');
  }
}

/** Parses a verified JWS payload that must be a JSON object (receipts, checkpoints, attestations). */
export function parseJsonPayload(payload: Uint8Array): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch (error) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS payload is not JSON.', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS payload is not a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Reads the protected header of a compact JWS without trusting it and returns the registered key
 * it may be verified with. Everything the header could use to steer verification is checked here.
 */
export async function selectVerificationKey(
  token: string,
  keys: readonly JWK[],
  options: JwsVerificationOptions,
): Promise<{ kid: string; algorithm: AllowedJwsAlgorithm; key: CryptoKey }> {
  const { kid, algorithm, jwk } = selectRegisteredKey(decodeCompactJwsHeader(token), keys, options);
  try {
    return { kid, algorithm, key: (await importJWK(jwk, algorithm)) as CryptoKey };
  } catch (error) {
    throw toCryptoError(error, 'Importing the registered key');
  }
}

/**
 * Checks a decoded protected header (pinned `alg`, no key-carrying or extension headers, the expected
 * `typ`, a `kid`) and returns the one registered public key (without its `alg`) it names.
 */
export function selectRegisteredKey(
  header: ProtectedHeaderParameters,
  keys: readonly JWK[],
  options: JwsVerificationOptions,
): { kid: string; algorithm: AllowedJwsAlgorithm; jwk: JWK } {
  const algorithm = checkJwsAlgorithm(header.alg, options.algorithms);
  rejectKeyCarryingHeaders(header, []);
  rejectProcessingHeaders(header);
  if (options.typ !== undefined && !sameMediaType(header.typ, options.typ)) {
    throw new CryptoError('JOSE_TYPE_MISMATCH', `The JWS "typ" header is not "${options.typ}".`);
  }
  const kid = header.kid;
  if (typeof kid !== 'string' || kid.length === 0) {
    throw new CryptoError('JOSE_KEY_NOT_FOUND', 'The JWS header names no "kid".');
  }
  const candidates = keys.filter((candidate) => candidate.kid === kid);
  if (candidates.length !== 1) {
    throw new CryptoError(
      'JOSE_KEY_NOT_FOUND',
      candidates.length === 0 ? 'No registered key has the JWS "kid".' : 'Several registered keys share the JWS "kid".',
    );
  }
  const registered = toPublicJwk(candidates[0]);
  if (registered.use !== undefined && registered.use !== 'sig') {
    throw new CryptoError('JOSE_KEY_INVALID', 'The key named by "kid" is not a signing key.');
  }
  if (!jwsAlgorithmFitsKey(algorithm, registered)) {
    throw new CryptoError('JOSE_ALGORITHM_NOT_ALLOWED', `The JWS "alg" ${algorithm} does not fit the key named by "kid".`);
  }
  const { alg: _registeredAlg, ...withoutAlg } = registered;
  return { kid, algorithm, jwk: withoutAlg };
}

/** Decodes the protected header of a compact JWS (three parts), failing with JOSE_MALFORMED. */
export function decodeCompactJwsHeader(token: string): ProtectedHeaderParameters {
  if (typeof token !== 'string' || token.split('.').length !== 3) {
    throw new CryptoError('JOSE_MALFORMED', 'Not a compact JWS.');
  }
  try {
    return decodeProtectedHeader(token);
  } catch (error) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS protected header cannot be decoded.', { cause: error });
  }
}

/** Checks `alg` against the pinned list (and a caller's subset); `none` and HMAC never pass. */
export function checkJwsAlgorithm(alg: unknown, subset: readonly AllowedJwsAlgorithm[] = ALLOWED_JWS_ALGORITHMS): AllowedJwsAlgorithm {
  if (!isAllowedJwsAlgorithm(alg) || !subset.includes(alg)) {
    throw new CryptoError('JOSE_ALGORITHM_NOT_ALLOWED', `The JWS "alg" ${JSON.stringify(String(alg)).slice(0, 40)} is not allowed.`);
  }
  return alg;
}

/** Rejects `crit` and `b64`: every JWS the bank accepts is plain RFC 7515, with no critical extension. */
export function rejectProcessingHeaders(header: ProtectedHeaderParameters): void {
  for (const name of PROCESSING_HEADERS) {
    if (Object.hasOwn(header, name)) {
      throw new CryptoError('JOSE_HEADER_NOT_ALLOWED', `The "${name}" header is not accepted: no JWS extension is.`);
    }
  }
}

/** Rejects `jwk`/`jku`/`x5u`/`x5c` headers except those the caller explicitly expects. */
export function rejectKeyCarryingHeaders(header: ProtectedHeaderParameters, permitted: readonly string[]): void {
  for (const name of KEY_CARRYING_HEADERS) {
    if (!permitted.includes(name) && Object.hasOwn(header, name)) {
      throw new CryptoError('JOSE_HEADER_NOT_ALLOWED', `The "${name}" header is not accepted: keys come from registration only.`);
    }
  }
}
