import { keyMaterialSettingsFrom, loadKeyMaterial, rotateSigningKey } from '@infobank/crypto';
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
