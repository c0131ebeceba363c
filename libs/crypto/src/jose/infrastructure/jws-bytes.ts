import { isUtf8, transcode } from 'node:buffer';
import { compactVerify, importJWK, type CryptoKey, type JWK, type ProtectedHeaderParameters } from 'jose';
import { CryptoError } from '../../crypto.errors';
import { toCryptoError } from './jose-error-mapping';
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

/**
 * Verifies a compact JWS of several megabytes (a provider's deposit batch) as it arrived, bytes or text,
 * once: jose checks the signature with the algorithm pinned to the one registered key chosen here by
 * `kid` (key-carrying and extension headers refuse the token, as in `verifyJwsWithKeys`), and the
 * payload bytes it returns are the ones parsed, with no text copy of the body in between. The
 * three parts are checked to be strict base64url before jose sees them.
 */
export async function verifyJwsBytesWithKeys(
  jws: string | Uint8Array,
  keys: readonly JWK[],
  options: JwsVerificationOptions = {},
): Promise<VerifiedJwsBytes> {
  const protectedHeader = decodeHeader(compactHeader(jws));
  const { kid, algorithm, jwk } = selectRegisteredKey(protectedHeader, keys, options);
  let key: CryptoKey;
  try {
    const { alg: _registeredAlg, ...withoutAlg } = jwk;
    key = (await importJWK(withoutAlg, algorithm)) as CryptoKey;
  } catch (error) {
    throw toCryptoError(error, 'Importing the registered key');
  }
  try {
    const { payload } = await compactVerify(jws, key, { algorithms: [algorithm] });
    return { payload: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), protectedHeader, kid };
  } catch (error) {
    throw toCryptoError(error, 'JWS verification');
  }
}

/** The JSON object of verified payload bytes: strict UTF-8 (a leading BOM is skipped, as TextDecoder does). */
export function parseJsonPayloadBytes(payload: Buffer): Record<string, unknown> {
  const text = payload.subarray(startsWithBom(payload) ? 3 : 0);
  if (!isUtf8(text)) throw new CryptoError('JOSE_MALFORMED', 'The JWS payload is not UTF-8.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8Text(text));
  } catch (error) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS payload is not JSON.', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CryptoError('JOSE_MALFORMED', 'The JWS payload is not a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** The protected header part of a compact JWS, once its three parts are found to be strict base64url. */
function compactHeader(jws: string | Uint8Array): string {
  const bytes = typeof jws === 'string' ? null : Buffer.from(jws.buffer, jws.byteOffset, jws.byteLength);
  const text = typeof jws === 'string' ? jws : null;
  const indexOfDot = (from: number) => (bytes === null ? (text as string).indexOf('.', from) : bytes.indexOf(DOT, from));
  const slice = (start: number, end?: number) =>
    bytes === null ? (text as string).slice(start, end) : bytes.toString('latin1', start, end);
  const first = indexOfDot(0);
  const second = first < 0 ? -1 : indexOfDot(first + 1);
  if (first < 0 || second < 0 || indexOfDot(second + 1) >= 0) throw new CryptoError('JOSE_MALFORMED', 'Not a compact JWS.');
  // Base64url only: no padding, no whitespace, no other alphabet; this also makes every part ASCII.
  for (const part of [slice(0, first), slice(first + 1, second), slice(second + 1)]) {
    if (!BASE64URL.test(part) || part.length % 4 === 1) throw new CryptoError('JOSE_MALFORMED', 'A JWS part is not base64url.');
  }
  return slice(0, first);
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

/**
 * The text of valid UTF-8. Node 20 decodes UTF-8 into a string with V8's own decoder, about 30 ms for a
 * deposit batch's 4 MB of mostly Japanese JSON; ICU's transcoder (`buffer.transcode`, present in every
 * Node.js build with Intl) makes the same UTF-16 in a fraction of that, which then becomes a string by copy.
 * The bytes were checked to be UTF-8 first, so both give the same text.
 */
function utf8Text(bytes: Buffer): string {
  if (typeof transcode !== 'function') return bytes.toString('utf8');
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

function startsWithBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
