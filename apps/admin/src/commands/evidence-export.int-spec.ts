import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BANK_SIGNING_ALGORITHM,
  BankKeyRing,
  keyMaterialSettingsFrom,
  loadKeyMaterial,
  parseJsonPayload,
  verifyJwsWithKeys,
} from '@infobank/crypto';
import {
  EVIDENCE_MANIFEST_TYPE,
  EVIDENCE_REQUIREMENT_IDS,
  sectionHasEvidence,
  type EvidenceBundle,
  type EvidenceManifest,
} from '@infobank/oversight';
import { isolatedEnvironment, type IsolatedEnvironment } from '../../../../test/support/platform';
import { CommandOptions } from '../cli-arguments';
import type { AdminCommand } from './admin-command';
import { ADMIN_COMMANDS } from './index';

// Requirements whose producers come with the complaints desk and disclosure requests (built on other branches).
const NOT_ON_THIS_BRANCH = ['disclosure', 'complaints'];

const repositoryRoot = join(__dirname, '..', '..', '..', '..');

describe('npm run admin -- evidence:export on a seeded system', () => {
  let environment: IsolatedEnvironment;
  const directory = mkdtempSync(join(tmpdir(), 'infobank-evidence-'));
  const out = join(directory, 'bundle');

  const run = (name: string, options: Record<string, string> = {}): Promise<unknown> => {
    const command = ADMIN_COMMANDS.find((candidate) => candidate.name === name) as AdminCommand;
    return command.run(environment.config, new CommandOptions(command.name, new Map(Object.entries(options)), command.options));
  };
  const read = (name: string) => readFileSync(join(out, name), 'utf8');

  beforeAll(async () => {
    environment = await isolatedEnvironment({ DEMO_DATA_DIR: join(directory, 'demo') });
    // Demo organisations, board, offers approved by the board, deposits and a delivered transfer.
    await run('seed:demo');
    await run('incidents:open', {
      kind: 'bank_breach',
      from: '2026-01-01T00:00:00+09:00',
      to: '2036-01-01T00:00:00+09:00',
      description: '証跡テストのための事案',
    });
    await run('log:verify-all');
  }, 180_000);

  afterAll(async () => {
    await environment?.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes every requirement this branch has, each with non-empty evidence and existing test files, and a manifest the JWKS verifies', async () => {
    const printed = (await run('evidence:export', { out })) as { sections: string[]; omitted: string[] };
    const expected = EVIDENCE_REQUIREMENT_IDS.filter((id) => !NOT_ON_THIS_BRANCH.includes(id));
    expect(printed.sections).toEqual(expected);
    expect(printed.omitted.sort()).toEqual([...NOT_ON_THIS_BRANCH].sort());

    const bundle = JSON.parse(read('evidence.json')) as EvidenceBundle;
    expect(bundle.sections.map((section) => section.id)).toEqual(expected);
    for (const section of bundle.sections) {
      expect({ id: section.id, hasEvidence: sectionHasEvidence(section) }).toEqual({ id: section.id, hasEvidence: true });
      expect(section.requirement.ja.length).toBeGreaterThan(0);
      expect(section.control.en.length).toBeGreaterThan(0);
      for (const test of section.evidence.tests)
        expect({ test, exists: existsSync(join(repositoryRoot, test)) }).toEqual({ test, exists: true });
    }
    const byId = new Map(bundle.sections.map((section) => [section.id, section.evidence]));
    expect(byId.get('controllability.history')?.counts.provisions).toBeGreaterThan(0);
    expect(byId.get('incident-handling')?.counts['incidentsByKind.bank_breach']).toBe(1);
    expect(byId.get('provision-records')?.logVerification).toMatchObject({ status: 'passed' });
    expect(byId.get('board.composition')?.counts['membersByExternal.external']).toBeGreaterThanOrEqual(3);

    const html = read('evidence.html');
    for (const section of bundle.sections) expect(html).toContain(`id="${section.id}"`);
    expect(html).not.toMatch(/<script/i);

    const manifest = JSON.parse(read('manifest.json')) as EvidenceManifest;
    const keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial(keyMaterialSettingsFrom(environment.config)));
    // Checked against the published JWKS only (the public keys), with the bank's algorithm and the manifest's typ pinned.
    const verified = await verifyJwsWithKeys(read('manifest.jws').trim(), keyRing.publicJwks().keys, {
      algorithms: [BANK_SIGNING_ALGORITHM],
      typ: EVIDENCE_MANIFEST_TYPE,
    });
    expect(parseJsonPayload(verified.payload)).toEqual(manifest);
    expect(manifest.bundleId).toBe(bundle.bundleId);
    for (const file of manifest.files) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, file.name)))
          .digest('hex'),
      ).toBe(file.sha256);
    }
    expect(manifest.files.map((file) => file.name)).toEqual(['evidence.json', 'evidence.html']);
  });

  it('limits activity to a month when asked, and refuses a period that is not one', async () => {
    const monthOut = join(directory, 'month');
    await run('evidence:export', { out: monthOut, period: '2020-01' });
    const bundle = JSON.parse(readFileSync(join(monthOut, 'evidence.json'), 'utf8')) as EvidenceBundle;
    expect(bundle.period).toMatchObject({ period: '2020-01' });
    expect(bundle.sections.find((section) => section.id === 'controllability.history')?.evidence.counts.provisions).toBe(0);
    await expect(run('evidence:export', { out: monthOut, period: 'last month' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
