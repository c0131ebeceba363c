import { isUtf8 } from 'node:buffer';
import { constants, createPublicKey, verify, type JsonWebKey as NodeJsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK, ProtectedHeaderParameters } from 'jose';
import { CryptoError } from '../../crypto.errors';
import type { AllowedJwsAlgorithm } from './jose-algorithms';
import { MINIMUM_RSA_MODULUS_BITS } from './jwk-validation';
import { selectRegisteredKey, type JwsVerificationOptions } from './jws';

/** A large JWS verified over the bytes it arrived in, its payload decoded once. */
export interface VerifiedJwsBytes {
  /** The signed payload bytes. */
  payload: Buffer;
  protectedHeader: ProtectedHeaderParameters;
  /** kid of the registered key that verified it. */
  kid: string;
}

const DOT = 0x2e;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const ES256_SIGNATURE_BYTES = 64;
const PS256_SALT_BYTES = 32;

/**
 * Verifies a compact JWS of several megabytes (a provider's deposit batch) over the bytes it arrived
 * in: the signature is checked on the signing input as received, with no text round trip, and the
 * payload is decoded once. The same rules as `verifyJwsWithKeys`: the key is chosen by `kid` among
 * `keys` only, the algorithm is pinned and must fit it, key-carrying and extension headers refuse
 * the token. Only the primitive differs (node:crypto instead of jose, which re-encodes and decodes
 * the whole token as text and costs ten times more on large payloads).
 */
export function verifyJwsBytesWithKeys(
  jws: string | Uint8Array,
  keys: readonly JWK[],
  options: JwsVerificationOptions = {},
): VerifiedJwsBytes {
  const parts = compactParts(jws);
  const protectedHeader = decodeHeader(parts.header);
  const { kid, algorithm, jwk } = selectRegisteredKey(protectedHeader, keys, options);
  const signature = Buffer.from(parts.signature, 'base64url');
  if (!signatureVerifies(algorithm, publicKeyOf(jwk), parts.signingInput, signature)) {
    throw new CryptoError('JOSE_INVALID_SIGNATURE', 'JWS verification: signature verification failed.');
  }
  return { payload: Buffer.from(parts.payload, 'base64url'), protectedHeader, kid };
}

/** The JSON object of verified payload bytes: strict UTF-8 (a leading BOM is skipped, as TextDecoder does). */
export function parseJsonPayloadBytes(payload: Buffer): Record<string, unknown> {
  const text = payload.subarray(startsWithBom(payload) ? 3 : 0);
  if (!isUtf8(text)) throw new CryptoError('JOSE_MALFORMED', 'The JWS payload is not UTF-8.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.toString('utf8'));
  } catch (error) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS payload is not JSON.', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS payload is not a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** The three base64url parts of a compact JWS and its signing input (the bytes before the second dot). */
function compactParts(jws: string | Uint8Array): { header: string; payload: string; signature: string; signingInput: Buffer } {
  const bytes = typeof jws === 'string' ? null : Buffer.from(jws.buffer, jws.byteOffset, jws.byteLength);
  const text = typeof jws === 'string' ? jws : null;
  const indexOfDot = (from: number) => (bytes === null ? (text as string).indexOf('.', from) : bytes.indexOf(DOT, from));
  const slice = (start: number, end?: number) =>
    bytes === null ? (text as string).slice(start, end) : bytes.toString('latin1', start, end);
  const first = indexOfDot(0);
  const second = first < 0 ? -1 : indexOfDot(first + 1);
  if (first < 0 || second < 0 || indexOfDot(second + 1) >= 0) throw new CryptoError('JOSE_MALFORMED', 'Not a compact JWS.');
  const parts = { header: slice(0, first), payload: slice(first + 1, second), signature: slice(second + 1) };
  // Base64url only: no padding, no whitespace, no other alphabet; this also makes every part ASCII.
  for (const part of [parts.header, parts.payload, parts.signature]) {
    if (!BASE64URL.test(part) || part.length % 4 === 1) throw new CryptoError('JOSE_MALFORMED', 'A JWS part is not base64url.');
  }
  const signingInput = bytes === null ? Buffer.from((text as string).slice(0, second), 'latin1') : bytes.subarray(0, second);
  return { ...parts, signingInput };
}

function decodeHeader(part: string): ProtectedHeaderParameters {
  let header: unknown;
  try {
    const bytes = Buffer.from(part, 'base64url');
    if (!isUtf8(bytes)) throw new Error('not UTF-8');
    header = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS protected header cannot be decoded.', { cause: error });
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS protected header is not a JSON object.');
  }
  return header as ProtectedHeaderParameters;
}

function publicKeyOf(jwk: JWK): KeyObject {
  try {
    return createPublicKey({ key: jwk as NodeJsonWebKey, format: 'jwk' });
  } catch (error) {
    throw new CryptoError('JOSE_KEY_INVALID', 'Importing the registered key: key is not a valid JWK for this use.', { cause: error });
  }
}

/** The pinned algorithm's check, refusing a key of another type (as jose does) rather than trying it. */
function signatureVerifies(algorithm: AllowedJwsAlgorithm, key: KeyObject, signingInput: Buffer, signature: Buffer): boolean {
  try {
    switch (algorithm) {
      case 'EdDSA':
      case 'Ed25519':
        return key.asymmetricKeyType === 'ed25519' && verify(null, signingInput, key, signature);
      case 'ES256':
        return (
          key.asymmetricKeyType === 'ec' &&
          key.asymmetricKeyDetails?.namedCurve === 'prime256v1' &&
          signature.length === ES256_SIGNATURE_BYTES &&
          verify('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature)
        );
      case 'PS256':
        return (
          key.asymmetricKeyType === 'rsa' &&
          (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MINIMUM_RSA_MODULUS_BITS &&
          verify('sha256', signingInput, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PS256_SALT_BYTES }, signature)
        );
    }
  } catch {
    // A signature the primitive cannot even parse is as invalid as one that does not verify.
    return false;
  }
}

function startsWithBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
