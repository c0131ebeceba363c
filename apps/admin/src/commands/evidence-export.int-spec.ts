import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const complaintId = randomUUID();
  const disclosureId = randomUUID();

  /**
   * A complaint a demo individual filed 31 days ago that a desk member escalated without answering (both its timers
   * are overdue under the default SLA), and a disclosure request still not built 20 days after it was made (overdue
   * against DISCLOSURE_DUE_DAYS). Written as rows: filing and requesting are the portal's, not the CLI's.
   */
  async function seedComplaintAndDisclosure(individualId: string, staffId: string): Promise<void> {
    const db = environment.dataSource;
    await db.query(
      `INSERT INTO "complaints" ("id", "individual_id", "category", "status", "escalated_at", "filed_at", "updated_at", "version")
       VALUES ($1, $2, 'recipient', 'in_progress', now() - interval '30 days', now() - interval '31 days', now() - interval '30 days', 2)`,
      [complaintId, individualId],
    );
    await db.query(
      `INSERT INTO "complaint_events" ("id", "complaint_id", "sequence", "type", "actor_type", "actor_id", "occurred_at")
       VALUES ($1, $3, 0, 'filed', 'individual', $4, now() - interval '31 days'), ($2, $3, 1, 'escalated', 'staff', $5, now() - interval '30 days')`,
      [randomUUID(), randomUUID(), complaintId, individualId, staffId],
    );
    await db.query(
      `INSERT INTO "disclosure_requests" ("id", "individual_id", "sections", "format", "status", "requested_at", "due_at")
       VALUES ($1, $2, '{profile,complaints}', 'json', 'requested', now() - interval '20 days', now() - interval '6 days')`,
      [disclosureId, individualId],
    );
  }

  beforeAll(async () => {
    environment = await isolatedEnvironment({ DEMO_DATA_DIR: join(directory, 'demo') });
    // Demo organisations, board, offers approved by the board, deposits and a delivered transfer.
    const seeded = (await run('seed:demo')) as { individuals: { id: string }[] };
    const passwordFile = join(directory, 'staff-password');
    writeFileSync(passwordFile, 'evidence desk passphrase', { mode: 0o600 });
    const staff = (await run('staff:add', {
      email: 'desk.evidence@bank.example.jp',
      'password-file': passwordFile,
      name: '窓口 担当',
    })) as {
      id: string;
    };
    await seedComplaintAndDisclosure(seeded.individuals[0].id, staff.id);
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

  it('writes every requirement, each with non-empty evidence and existing test files, and a manifest the JWKS verifies', async () => {
    const printed = (await run('evidence:export', { out })) as { sections: string[]; omitted: string[] };
    const expected = [...EVIDENCE_REQUIREMENT_IDS];
    expect(printed.sections).toEqual(expected);
    expect(printed.omitted).toEqual([]);

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
    expect(byId.get('complaints')).toMatchObject({
      counts: {
        'complaintsByStatus.in_progress': 1,
        'complaintEventsByType.escalated': 1,
        complaintsEscalated: 1,
        deskStaff: 1,
        'sla.firstReplyOverdue': 1,
        'sla.resolutionOverdue': 1,
      },
      sampleIds: [complaintId, complaintId],
      configuration: { COMPLAINT_FIRST_REPLY_HOURS: environment.config.complaints.firstReplyHours },
    });
    expect(byId.get('disclosure')).toMatchObject({
      counts: { 'disclosuresByStatus.requested': 1, 'disclosureTimeliness.openOverdue': 1, 'disclosureTimeliness.readyInTime': 0 },
      sampleIds: [disclosureId],
      configuration: { DISCLOSURE_DUE_DAYS: 14 },
    });

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
    expect(bundle.sections.find((section) => section.id === 'complaints')?.evidence.counts['sla.firstReplyOverdue']).toBe(0);
    expect(bundle.sections.find((section) => section.id === 'disclosure')?.evidence.sampleIds).toEqual([]);
    await expect(run('evidence:export', { out: monthOut, period: 'last month' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
