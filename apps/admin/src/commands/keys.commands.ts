import { keyMaterialSettingsFrom, loadKeyMaterial, rotateSigningKey } from '@infobank/crypto';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig } from '@infobank/platform';

/** `keys:ensure`: generates development key material where it is missing (never in production). */
export async function ensureKeysCommand(config: AppConfig): Promise<{ directory: string; currentSigningKid: string }> {
  const material = await loadKeyMaterial(keyMaterialSettingsFrom(config));
  return { directory: config.keys.directory, currentSigningKid: material.signingKeys.currentKid };
}

/**
 * `keys:rotate`: adds a new bank signing key and makes it current; old keys keep verifying. Running
 * processes pick the new key up when they restart.
 */
export async function rotateKeysCommand(config: AppConfig): Promise<{ currentSigningKid: string; note: string }> {
  const { kid } = await rotateSigningKey(keyMaterialSettingsFrom(config));
  return { currentSigningKid: kid, note: 'Restart the apps and the worker to sign with the new key; the old keys stay published.' };
}

/**
 * `keys:generate --out DIR`: writes fresh key material (signing-keys.json, kek, pseudonym-secret) into a
 * new or empty directory, for a production deployment's secret store. Never overwrites existing keys.
 */
export async function generateKeysCommand(
  out: string | undefined,
): Promise<{ directory: string; currentSigningKid: string; files: string[] }> {
  if (!out) throw new Error('keys:generate needs --out DIR (a new or empty directory)');
  const directory = resolve(out);
  if (existsSync(directory) && readdirSync(directory).length > 0)
    throw new Error(`${directory} is not empty; refusing to overwrite key material`);
  const material = await loadKeyMaterial({ keysDirectory: directory, generateIfMissing: true });
  return { directory, currentSigningKid: material.signingKeys.currentKid, files: readdirSync(directory).sort() };
}
