import type { DestroyedKekGeneration, KekStatus, RewrapRun, RotatedKek } from '@infobank/crypto';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig } from '@infobank/platform';
import { withAdminContext } from '../admin-context';
import { CliUsageError } from '../cli-arguments';
import { progressOn } from '../output/progress';
import { detailsTable, listTable } from '../output/table';
import { listingCommand, type AdminCommand } from './admin-command';

/** `keys:ensure`: generates development key material where it is missing (never in production). */
export async function ensureKeysCommand(config: AppConfig): Promise<{ directory: string; currentSigningKid: string }> {
  const { keyMaterialSettingsFrom, loadKeyMaterial } = await import('@infobank/crypto');
  const material = await loadKeyMaterial(keyMaterialSettingsFrom(config));
  return { directory: config.keys.directory, currentSigningKid: material.signingKeys.currentKid };
}

/**
 * `keys:rotate`: adds a new bank signing key and makes it current; old keys keep verifying. Running
 * processes pick the new key up when they restart.
 */
export async function rotateKeysCommand(config: AppConfig): Promise<{ currentSigningKid: string; note: string }> {
  const { keyMaterialSettingsFrom, rotateSigningKey } = await import('@infobank/crypto');
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
  const { loadKeyMaterial } = await import('@infobank/crypto');
  const material = await loadKeyMaterial({ keysDirectory: directory, generateIfMissing: true });
  return { directory, currentSigningKid: material.signingKeys.currentKid, files: readdirSync(directory).sort() };
}

/** `keys:kek-status`: every KEK generation, its file, the live data keys under it, and the re-wrap's progress. */
export async function kekStatusCommand(config: AppConfig): Promise<KekStatus> {
  const { KekStatusUseCase } = await import('@infobank/crypto');
  return withAdminContext(config, (app, ctx) => app.get(KekStatusUseCase).execute(ctx));
}

/**
 * `keys:kek-rotate`: makes a new KEK generation now (whatever the schedule) and re-wraps every live data
 * key under it, printing progress to stderr. Interrupted, it resumes where it stopped when run with
 * `--resume` or at the worker's next scheduled run.
 */
export async function kekRotateCommand(config: AppConfig, resume: boolean): Promise<{ rotated: RotatedKek | null; rewrap: RewrapRun }> {
  const { RewrapDataKeysUseCase, RotateKekUseCase } = await import('@infobank/crypto');
  return withAdminContext(config, async (app, ctx) => {
    const rotated = resume ? null : await app.get(RotateKekUseCase).execute(ctx);
    const progress = progressOn('re-wrapping data keys');
    const rewrap = await app.get(RewrapDataKeysUseCase).execute(ctx, {
      onProgress: (step) =>
        progress.update(step.rewrappedKeys, step.rewrappedKeys + step.remainingKeys, `into generation ${step.generation}`),
    });
    progress.finish();
    return { rotated, rewrap };
  });
}

/** `keys:kek-destroy --generation N`: destroys a drained generation once the backup retention window has passed. */
export async function kekDestroyCommand(config: AppConfig, generation: string): Promise<DestroyedKekGeneration> {
  if (!/^[1-9]\d{0,8}$/.test(generation)) throw new CliUsageError(`--generation must be a generation number (got "${generation}")`);
  const { DestroyKekGenerationUseCase } = await import('@infobank/crypto');
  return withAdminContext(config, (app, ctx) => app.get(DestroyKekGenerationUseCase).execute(ctx, { generation: Number(generation) }));
}

export const KEY_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'keys:ensure',
    usage: 'generate development key material where missing (never in production)',
    options: [],
    run: (config) => ensureKeysCommand(config),
  },
  {
    name: 'keys:generate',
    usage: 'write fresh key material (signing keys, KEK, pseudonym secret) into a new or empty directory, for production secrets',
    options: [{ name: 'out', valueName: 'DIR', required: true, description: 'a new or empty directory' }],
    examples: ['keys:generate --out /secure/infobank-keys'],
    run: (_config, options) => generateKeysCommand(options.required('out')),
  },
  {
    name: 'keys:rotate',
    usage: 'add a new bank signing key and make it current; old keys keep verifying',
    options: [],
    run: (config) => rotateKeysCommand(config),
  },
  listingCommand({
    name: 'keys:kek-status',
    usage: 'key-encryption key generations: state, key file, live data keys under each, when each may be destroyed, re-wrap progress',
    options: [],
    run: (config) => kekStatusCommand(config),
    render: renderKekStatus,
  }),
  {
    name: 'keys:kek-rotate',
    usage: 'make a new KEK generation now and re-wrap every live data key under it (progress on stderr)',
    options: [{ name: 'resume', type: 'boolean', description: 'only finish an interrupted re-wrap' }],
    examples: ['keys:kek-rotate', 'keys:kek-rotate --resume'],
    run: (config, options) => kekRotateCommand(config, options.flag('resume')),
  },
  {
    name: 'keys:kek-destroy',
    usage: 'erase a KEK generation no live data key uses, once BACKUP_RETENTION_DAYS have passed since its drain',
    options: [{ name: 'generation', valueName: 'N', required: true, description: 'the generation number' }],
    fields: { '/generation': 'generation' },
    examples: ['keys:kek-destroy --generation 1'],
    run: (config, options) => kekDestroyCommand(config, options.required('generation')),
  },
];

function renderKekStatus(status: KekStatus): string {
  const summary = detailsTable([
    ['directory', status.directory],
    ['rotation', `every ${status.rotationDays} days; next ${status.nextRotationAt?.toISOString() ?? "at the worker's next run"}`],
    ['backups kept', `${status.backupRetentionDays} days`],
    ['legacy data keys', status.legacyDataKeys],
    ['re-wrap', `${status.rewrap.percent}% (${status.rewrap.rewrappedKeys} moved, ${status.rewrap.remainingKeys} remain)`],
  ]);
  const generations = listTable(
    status.generations,
    [
      ['generation', (generation) => generation.generation],
      ['state', (generation) => generation.state],
      ['key file', (generation) => generation.keyFile],
      ['live data keys', (generation) => generation.liveDataKeys],
      ['created', (generation) => generation.createdAt],
      ['destroyable from', (generation) => generation.destroyableFrom],
    ],
    'No generations yet (the worker or keys:kek-rotate makes the first).',
  );
  return `${summary}\n\n${generations}`;
}
