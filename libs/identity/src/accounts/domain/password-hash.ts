import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost (RFC 7914): N = 2^logN, block size r, parallelisation p. */
export interface ScryptParameters {
  logN: number;
  r: number;
  p: number;
}

/**
 * What new passwords are hashed with unless SCRYPT_LOG_N says otherwise: N = 2^17 (128 MiB), r = 8,
 * p = 1, OWASP's minimum for p = 1. Hashes carry their parameters, and ones made with other
 * parameters are re-hashed at the next successful sign-in (see `needsRehash`).
 */
export const CURRENT_SCRYPT_PARAMETERS: Readonly<ScryptParameters> = { logN: 17, r: 8, p: 1 };

const FORMAT_VERSION = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds on what a stored hash may ask for, so that a tampered row cannot make verification eat the server.
const BOUNDS = { logN: [14, 20], r: [8, 16], p: [1, 4] } as const;

/** A stored password hash, decoded. */
export interface ParsedPasswordHash {
  version: number;
  parameters: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

/**
 * Hashes a password for storage as `$scrypt$v=1$ln=15,r=8,p=1$<salt>$<key>` (PHC-like, base64 without
 * padding, 16-byte random salt, 32-byte key). The password is NFKC-normalised first (NIST SP 800-63B),
 * so full-width and half-width input from a Japanese IME sign in alike.
 */
export async function hashPassword(password: string, parameters: ScryptParameters = CURRENT_SCRYPT_PARAMETERS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, parameters);
  const { logN, r, p } = parameters;
  return `$scrypt$v=${FORMAT_VERSION}$ln=${logN},r=${r},p=${p}$${encode(salt)}$${encode(key)}`;
}

/** True only when `password` matches `encoded`; a malformed or tampered hash never verifies. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (parsed === null) return false;
  const key = await deriveKey(password, parsed.salt, parsed.parameters);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when `encoded` was made with other parameters than `parameters` (so it should be re-hashed). */
export function needsRehash(encoded: string, parameters: ScryptParameters = CURRENT_SCRYPT_PARAMETERS): boolean {
  const parsed = parsePasswordHash(encoded);
  if (parsed === null) return true;
  const current = parsed.parameters;
  return parsed.version !== FORMAT_VERSION || current.logN !== parameters.logN || current.r !== parameters.r || current.p !== parameters.p;
}

const pattern = /^\$scrypt\$v=(\d+)\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Decodes a stored hash, or null when it is not one this code wrote (or its parameters are out of bounds). */
export function parsePasswordHash(encoded: string): ParsedPasswordHash | null {
  const match = pattern.exec(encoded);
  if (match === null) return null;
  const [version, logN, r, p] = match.slice(1, 5).map(Number);
  const parameters = { logN, r, p };
  if (version !== FORMAT_VERSION || !withinBounds(parameters)) return null;
  const salt = Buffer.from(match[5], 'base64');
  const key = Buffer.from(match[6], 'base64');
  if (salt.length !== SALT_BYTES || key.length !== KEY_BYTES) return null;
  return { version, parameters, salt, key };
}

function withinBounds(parameters: ScryptParameters): boolean {
  return (Object.keys(BOUNDS) as (keyof ScryptParameters)[]).every(
    (name) => parameters[name] >= BOUNDS[name][0] && parameters[name] <= BOUNDS[name][1],
  );
}

function deriveKey(password: string, salt: Buffer, { logN, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes (128 MiB at N = 2^17, r = 8); Node refuses anything above maxmem (32 MiB by default).
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function encode(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
