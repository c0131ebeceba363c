import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { CryptoError } from '../../crypto.errors';
import { BANK_SIGNING_ALGORITHM } from './jose-algorithms';
import { jwkThumbprint, toPublicJwk } from './jwk';

/** One of the bank's Ed25519 signing keys as kept in the signing keys file. */
export interface BankSigningKey {
  kid: string;
  /** Private JWK with kid, alg EdDSA and use sig. */
  privateJwk: JWK;
  /** ISO-8601 time the key was made. */
  createdAt: string;
}

/** The bank's signing keys: the current one signs, all of them verify. */
export interface BankSigningKeys {
  currentKid: string;
  keys: readonly BankSigningKey[];
}

/** Makes a new Ed25519 signing key whose kid is its RFC 7638 thumbprint. */
export async function generateBankSigningKey(now: Date = new Date()): Promise<BankSigningKey> {
  const { privateKey } = await generateKeyPair(BANK_SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const exported = await exportJWK(privateKey);
  const kid = await jwkThumbprint(toPublicJwk(exported));
  return { kid, privateJwk: { ...exported, kid, alg: BANK_SIGNING_ALGORITHM, use: 'sig' }, createdAt: now.toISOString() };
}

/** The signing keys file's JSON: `{ current, keys: [private JWK + createdAt] }`. */
export function serializeSigningKeys(signingKeys: BankSigningKeys): string {
  const keys = signingKeys.keys.map((key) => ({ ...key.privateJwk, kid: key.kid, createdAt: key.createdAt }));
  return `${JSON.stringify({ current: signingKeys.currentKid, keys }, null, 2)}\n`;
}

/** Parses and checks the signing keys file; `source` names the file in errors, never the content. */
export function parseSigningKeys(text: string, source: string): BankSigningKeys {
  const invalid = (why: string, cause?: unknown) =>
    new CryptoError('KEY_MATERIAL_INVALID', `Signing keys in ${source} are invalid: ${why}.`, cause === undefined ? undefined : { cause });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    // No cause: the parser's message may quote the file, which holds private keys.
    throw invalid('not JSON');
  }
  if (typeof document !== 'object' || document === null) throw invalid('not a JSON object');
  const { current, keys } = document as { current?: unknown; keys?: unknown };
  if (typeof current !== 'string' || current.length === 0) throw invalid('"current" is not a key id');
  if (!Array.isArray(keys) || keys.length === 0) throw invalid('"keys" is not a non-empty array');
  const parsed = keys.map((entry: unknown, index) => parseSigningKey(entry, (why) => invalid(`keys[${index}] ${why}`)));
  const kids = new Set(parsed.map((key) => key.kid));
  if (kids.size !== parsed.length) throw invalid('two keys share a kid');
  if (!kids.has(current)) throw invalid('"current" names no key in "keys"');
  return { currentKid: current, keys: parsed };
}

function parseSigningKey(entry: unknown, invalid: (why: string) => CryptoError): BankSigningKey {
  if (typeof entry !== 'object' || entry === null) throw invalid('is not an object');
  const { createdAt, ...jwk } = entry as JWK & { createdAt?: unknown };
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw invalid('is not an Ed25519 (OKP) key');
  if (!isBase64Url(jwk.x) || !isBase64Url(jwk.d)) throw invalid('lacks "x" or "d"');
  if (typeof jwk.kid !== 'string' || jwk.kid.length === 0) throw invalid('has no "kid"');
  if (jwk.alg !== undefined && jwk.alg !== BANK_SIGNING_ALGORITHM) throw invalid(`has an "alg" other than ${BANK_SIGNING_ALGORITHM}`);
  if (jwk.use !== undefined && jwk.use !== 'sig') throw invalid('is not a signing key ("use")');
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw invalid('has no ISO "createdAt"');
  return { kid: jwk.kid, privateJwk: { ...jwk, alg: BANK_SIGNING_ALGORITHM, use: 'sig' }, createdAt };
}

function isBase64Url(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]+$/.test(value);
}
