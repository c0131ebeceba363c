import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { CryptoError } from '../../crypto.errors';
import type { KekGenerationPolicy } from '../../kek-generations/domain/kek-generation';
import { GENERATION_KEK_ID_PREFIX } from '../../kek-generations/domain/kek-generation-id';
import { createFileOnce, readOptionalFile, replaceFileAtomically } from './key-files';
import {
  generateBankSigningKey,
  parseSigningKeys,
  serializeSigningKeys,
  type BankSigningKeys,
} from '../../jose/infrastructure/signing-keys';

/** Where the bank's keys live; the two secrets may come from settings (env) instead of files. */
export interface KeyMaterialSettings {
  keysDirectory: string;
  /** Defaults to `<keysDirectory>/signing-keys.json`; relative paths are taken from keysDirectory. */
  signingKeysFile?: string;
  /** `kid:base64url(32 bytes)[,kid:...]`, first is current; overrides `<keysDirectory>/kek`. */
  keyEncryptionKeys?: string;
  /** base64url of at least 32 random bytes; overrides `<keysDirectory>/pseudonym-secret`. */
  pseudonymSecret?: string;
  /** Make missing files (development, demo); production provisions keys and sets this false. */
  generateIfMissing: boolean;
  /** Directory of the KEK generation files; defaults to `<keysDirectory>/kek-generations`. */
  kekGenerationsDirectory?: string;
  /** Rotation period and backup retention of KEK generations; default 30 and 35 days. */
  kekGenerationPolicy?: KekGenerationPolicy;
}

/** The key-encryption keys that wrap individuals' data keys: the current one wraps, all unwrap. */
export interface KeyEncryptionKeys {
  currentKekId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Everything secret the bank holds, loaded once per process. Prints as redacted. */
export class KeyMaterial {
  constructor(
    readonly signingKeys: BankSigningKeys,
    readonly keyEncryptionKeys: KeyEncryptionKeys,
    readonly pseudonymSecret: Buffer,
  ) {}

  toJSON(): string {
    return '[KeyMaterial redacted]';
  }

  [inspect.custom](): string {
    return `KeyMaterial { currentKid: ${this.signingKeys.currentKid}, currentKekId: ${this.keyEncryptionKeys.currentKekId}, secrets redacted }`;
  }
}

const MINIMUM_PSEUDONYM_SECRET_BYTES = 32;
const KEK_BYTES = 32;

/** Reads the bank's key material, generating missing files when allowed (safe with concurrent starts). */
export async function loadKeyMaterial(settings: KeyMaterialSettings): Promise<KeyMaterial> {
  const paths = keyMaterialPaths(settings);
  const signingKeys = await readOrCreate(
    paths.signingKeys,
    settings,
    async () => serializeSigningKeys(await firstSigningKeys()),
    (text) => parseSigningKeys(text, `file ${paths.signingKeys}`),
  );
  const keyEncryptionKeys =
    settings.keyEncryptionKeys !== undefined
      ? parseKeyEncryptionKeys(settings.keyEncryptionKeys, 'setting "keyEncryptionKeys"')
      : await readOrCreate(
          paths.keyEncryptionKeys,
          settings,
          async () => `${generateKeyEncryptionKeyEntry()}\n`,
          (text) => parseKeyEncryptionKeys(text, `file ${paths.keyEncryptionKeys}`),
        );
  const pseudonymSecret =
    settings.pseudonymSecret !== undefined
      ? parsePseudonymSecret(settings.pseudonymSecret, 'setting "pseudonymSecret"')
      : await readOrCreate(
          paths.pseudonymSecret,
          settings,
          async () => `${randomBytes(32).toString('base64url')}\n`,
          (text) => parsePseudonymSecret(text, `file ${paths.pseudonymSecret}`),
        );
  return new KeyMaterial(signingKeys, keyEncryptionKeys, pseudonymSecret);
}

/**
 * Adds a new Ed25519 key to the signing keys file and makes it current. Old keys stay so that
 * receipts and checkpoints they signed keep verifying; running processes pick the key up on restart.
 */
export async function rotateSigningKey(settings: KeyMaterialSettings): Promise<{ kid: string }> {
  const path = keyMaterialPaths(settings).signingKeys;
  const existing = await readOrCreate(
    path,
    settings,
    async () => serializeSigningKeys(await firstSigningKeys()),
    (text) => parseSigningKeys(text, `file ${path}`),
  );
  const added = await generateBankSigningKey();
  await replaceFileAtomically(path, serializeSigningKeys({ currentKid: added.kid, keys: [...existing.keys, added] }));
  return { kid: added.kid };
}

/** Parses `kid:base64url(32 bytes)[,kid:...]`; `source` names the file or setting in errors. */
export function parseKeyEncryptionKeys(value: string, source: string): KeyEncryptionKeys {
  const entries = value
    .trim()
    .split(',')
    .map((entry) => entry.trim());
  const keys = new Map<string, Buffer>();
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const kekId = separator > 0 ? entry.slice(0, separator) : '';
    const encoded = entry.slice(separator + 1);
    if (!/^[A-Za-z0-9._-]+$/.test(kekId)) {
      throw new CryptoError('KEY_MATERIAL_INVALID', `Key-encryption key ${index + 1} in ${source} has no valid "kid:" prefix.`);
    }
    if (kekId.startsWith(GENERATION_KEK_ID_PREFIX)) {
      throw new CryptoError(
        'KEY_MATERIAL_INVALID',
        `Key-encryption key id "${kekId}" in ${source} uses the prefix reserved for KEK generations.`,
      );
    }
    const key = decodeBase64Url(encoded);
    if (key?.length !== KEK_BYTES) {
      throw new CryptoError('KEY_MATERIAL_INVALID', `Key-encryption key "${kekId}" in ${source} is not base64url of ${KEK_BYTES} bytes.`);
    }
    if (keys.has(kekId)) throw new CryptoError('KEY_MATERIAL_INVALID', `Key-encryption key id "${kekId}" appears twice in ${source}.`);
    keys.set(kekId, key);
  });
  return { currentKekId: [...keys.keys()][0], keys };
}

/** A new `kid:base64url` key-encryption key entry, for generated files and operator tools. */
export function generateKeyEncryptionKeyEntry(): string {
  return `kek-${randomBytes(4).toString('hex')}:${randomBytes(KEK_BYTES).toString('base64url')}`;
}

function parsePseudonymSecret(value: string, source: string): Buffer {
  const secret = decodeBase64Url(value.trim());
  if (secret === undefined || secret.length < MINIMUM_PSEUDONYM_SECRET_BYTES) {
    throw new CryptoError(
      'KEY_MATERIAL_INVALID',
      `Pseudonym secret in ${source} is not base64url of at least ${MINIMUM_PSEUDONYM_SECRET_BYTES} bytes.`,
    );
  }
  return secret;
}

function keyMaterialPaths(settings: KeyMaterialSettings) {
  const directory = resolve(settings.keysDirectory);
  return {
    signingKeys: resolve(directory, settings.signingKeysFile ?? 'signing-keys.json'),
    keyEncryptionKeys: join(directory, 'kek'),
    pseudonymSecret: join(directory, 'pseudonym-secret'),
  };
}

async function firstSigningKeys(): Promise<BankSigningKeys> {
  const key = await generateBankSigningKey();
  return { currentKid: key.kid, keys: [key] };
}

/**
 * Reads and parses a key file, creating it first when it is missing and generation is allowed.
 * A process that loses the creation race reads the winner's file, so all processes agree.
 */
async function readOrCreate<T>(
  path: string,
  settings: KeyMaterialSettings,
  generate: () => Promise<string>,
  parse: (text: string) => T,
): Promise<T> {
  const text = await readOptionalFile(path);
  if (text !== undefined) return parse(text);
  if (!settings.generateIfMissing) {
    throw new CryptoError('KEY_MATERIAL_MISSING', `Key material file ${path} does not exist and generateIfMissing is off.`);
  }
  await createFileOnce(path, await generate());
  // Only filesystems without hard links can show a half-written file; give its writer a moment.
  for (let attempt = 0; ; attempt += 1) {
    const created = await readOptionalFile(path);
    if (created === undefined) throw new CryptoError('KEY_MATERIAL_MISSING', `Key material file ${path} vanished after it was created.`);
    try {
      return parse(created);
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((settle) => setTimeout(settle, 50));
    }
  }
}

function decodeBase64Url(value: string): Buffer | undefined {
  return /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url') : undefined;
}
