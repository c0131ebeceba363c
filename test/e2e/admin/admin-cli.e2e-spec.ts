import { validCorporateNumber } from '@infobank/catalog';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from '../../../apps/intake/src/intake.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import {
  generateOrganisationKey,
  keyPairFromPrivateJwk,
  OrganisationClient,
  startOrganisationApi,
  type OrganisationKeyPair,
} from '../../support/organisation-client';
import { isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';
import { expectRefused } from '../../support/refusals';
import { callJson } from '../portal/session-client';

interface CliResult {
  code: number | null;
  json: any;
  stderr: string;
}

const adminMain = join(__dirname, '..', '..', '..', 'dist', 'apps', 'admin', 'src', 'main.js');
const exampleScript = join(__dirname, '..', '..', 'examples', 'organisation-token.mjs');

/** Runs a Node.js script and collects what it prints. */
function runNode(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `npm run admin -- …` as an operator would (the built CLI), against this run's database. */
async function admin(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const { code, stdout, stderr } = await runNode([adminMain, ...args], env);
  const output = code === 0 ? stdout : stderr;
  let json: unknown;
  try {
    json = output.trim() === '' ? undefined : JSON.parse(output);
  } catch {
    json = undefined;
  }
  return { code, json, stderr };
}

function freshCorporateNumber(): string {
  return validCorporateNumber(String(randomInt(100_000, 1_000_000)) + String(randomInt(100_000, 1_000_000)));
}

// Each test spawns the CLI (a Node process that builds the platform); on a loaded 2-core machine that takes seconds.
jest.setTimeout(60_000);

describe('operator CLI (npm run admin)', () => {
  const files = mkdtempSync(join(tmpdir(), 'infobank-test-cli-'));
  let gateway: RunningApp;
  const write = (name: string, content: unknown): string => {
    const path = join(files, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const createArgs = (corporateNumber: string, signingFile: string, extra: string[] = []) => [
    'org:create',
    '--corporate-number',
    corporateNumber,
    '--name-ja',
    'コマンド株式会社',
    '--name-en',
    'Command K.K.',
    '--country',
    'JP',
    '--roles',
    'recipient',
    '--signing-jwks',
    signingFile,
    '--terms-version',
    '2026-04',
    ...extra,
  ];

  beforeAll(async () => {
    gateway = await startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS);
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('org:create prints the id, and the same details again print the same id', async () => {
    const key = await generateOrganisationKey('EdDSA');
    const jwks = write('create-jwks.json', { keys: [key.publicJwk] });
    const corporateNumber = freshCorporateNumber();
    const first = await admin(createArgs(corporateNumber, jwks));
    expect(first.code).toBe(0);
    expect(first.json).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const again = await admin(createArgs(corporateNumber, jwks));
    expect(again).toMatchObject({ code: 0, json: { id: first.json.id } });
    const different = await admin(createArgs(corporateNumber, jwks, ['--webhook-url', 'https://hooks.example.jp/infobank']));
    expect(different.code).toBe(1);
    expect(different.json.error.code).toBe('ORGANISATION_EXISTS');
  });

  it('org:create refuses bad details naming each option, and registers nothing', async () => {
    const key = await generateOrganisationKey('ES256');
    const privateKeyFile = write('private-jwks.json', { keys: [{ ...key.publicJwk, d: 'AAAA' }] });
    const corporateNumber = freshCorporateNumber();
    const wrongDigit = `${(Number(corporateNumber[0]) % 9) + 1}${corporateNumber.slice(1)}`;
    const bad = await admin(createArgs(wrongDigit, privateKeyFile));
    expect(bad.code).toBe(1);
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    const options = bad.json.error.errors.map((problem: { option: string }) => problem.option);
    expect(options).toEqual(expect.arrayContaining(['--corporate-number', '--signing-jwks']));
    expect(bad.stderr).not.toContain('AAAA');
    const registered = await gateway.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM organisations WHERE corporate_number = $1', [wrongDigit]);
    expect(registered[0].n).toBe(0);
  });

  it('a missing required option or an unknown one is a usage error (exit 2) that names it', async () => {
    const missing = await admin(['org:create', '--name-ja', '名前だけ株式会社']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--corporate-number');
    const unknown = await admin(['org:suspend', '--org', randomUUID(), '--force']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--force');
    const unreadable = await admin(createArgs(freshCorporateNumber(), join(files, 'no-such-file.json')));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('--signing-jwks');
  });

  it('suspend, activate, add-key and remove-key take effect on the token endpoint at once', async () => {
    const first = await generateOrganisationKey('ES256');
    const second = await generateOrganisationKey('EdDSA');
    const dpop = await generateOrganisationKey('EdDSA');
    const created = await admin(createArgs(freshCorporateNumber(), write('rotation-jwks.json', { keys: [first.publicJwk] })));
    expect(created.code).toBe(0);
    const org = created.json.id as string;
    const client = (key: OrganisationKeyPair) => new OrganisationClient(gateway.url, org, key, dpop);
    expect((await client(first).requestToken()).status).toBe(200);

    expect((await admin(['org:suspend', '--org', org])).json).toEqual({ id: org, status: 'suspended' });
    expect((await client(first).requestToken()).status).toBeGreaterThanOrEqual(400);
    expect((await admin(['org:activate', '--org', org])).json).toEqual({ id: org, status: 'active' });
    expect((await client(first).requestToken()).status).toBe(200);

    const added = await admin(['org:add-key', '--org', org, '--jwk', write('second.jwk.json', second.publicJwk)]);
    expect(added.json).toEqual({ kid: second.kid, added: true });
    expect((await admin(['org:remove-key', '--org', org, '--kid', first.kid])).code).toBe(0);
    expectRefused(await client(first).requestToken(), 401, 'INVALID_CLIENT');
    expect((await client(second).requestToken()).status).toBe(200);
    const last = await admin(['org:remove-key', '--org', org, '--kid', second.kid]);
    expect(last.json.error.code).toBe('LAST_SIGNING_KEY');
  });

  it('board:add-member reads the password from a file; the member can sign in at the ethics board', async () => {
    const board = await startTestApp(EthicsBoardModule, {}, ETHICS_BOARD_ERROR_STATUS);
    try {
      const email = `member.${randomUUID()}@example.jp`;
      const passwordFile = write('member-password.txt', 'a long board passphrase\n');
      const args = [
        'board:add-member',
        '--email',
        email,
        '--password-file',
        passwordFile,
        '--name',
        '木村 公子',
        '--expertise',
        'consumer',
        '--external',
      ];
      const added = await admin(args);
      expect(added.code).toBe(0);
      expect((await admin(args)).json).toEqual(added.json);
      const login = await callJson(board.url, 'POST', '/v1/auth/login', { body: { email, password: 'a long board passphrase' } });
      expect(login.status).toBe(200);
      const badExpertise = await admin([...args.slice(0, 8), 'astrology']);
      expect(badExpertise.json.error.errors).toEqual([expect.objectContaining({ option: '--expertise', path: '/expertise' })]);
    } finally {
      await board.close();
    }
  });

  describe('seed:demo', () => {
    let environment: IsolatedEnvironment;
    let env: Record<string, string>;
    const demoDirectory = join(files, 'demo');

    beforeAll(async () => {
      environment = await isolatedEnvironment();
      env = {
        DATABASE_NAME: environment.config.database.name,
        REDIS_PREFIX: environment.config.redis.prefix,
        DEMO_DATA_DIR: demoDirectory,
      };
    });
    afterAll(async () => {
      await environment?.dispose();
    });

    it('seeds organisations with keys, six board members (one per field, at least three external) and individuals; twice changes nothing', async () => {
      const first = await admin(['seed:demo'], env);
      expect(first.code).toBe(0);
      const second = await admin(['seed:demo'], env);
      expect(second.json).toEqual(first.json);

      const members = first.json.boardMembers as { expertise: string; external: boolean }[];
      expect(members.map((member) => member.expertise).sort()).toEqual([
        'consumer',
        'data_ethics',
        'engineer',
        'legal',
        'media',
        'security',
      ]);
      expect(members.filter((member) => member.external).length).toBeGreaterThanOrEqual(3);
      const roles = (first.json.organisations as { roles: string[] }[]).flatMap((organisation) => organisation.roles);
      expect(roles).toEqual(expect.arrayContaining(['provider', 'recipient']));
      expect(first.json.individuals.length).toBeGreaterThanOrEqual(3);
      // Every demo recipient has an offer the demo board approved (decided cases, signed decisions).
      const recipientIds = (first.json.organisations as { id: string; roles: string[] }[])
        .filter((organisation) => organisation.roles.includes('recipient'))
        .map((organisation) => organisation.id);
      const approved = await environment.dataSource.query(
        `SELECT DISTINCT o.recipient_id FROM offers o JOIN review_cases c ON c.offer_id = o.id AND c.status = 'decided' AND c.decision_jws IS NOT NULL WHERE o.status = 'approved'`,
      );
      expect(approved.map((row: { recipient_id: string }) => row.recipient_id).sort()).toEqual([...recipientIds].sort());
      expect(first.json.offers.every((offer: { status: string }) => offer.status === 'approved')).toBe(true);

      const counts = await environment.dataSource.query(
        `SELECT (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM board_members)::int AS members`,
      );
      expect(counts[0]).toEqual({ organisations: first.json.organisations.length, members: 6 });
      expect(statSync(first.json.credentialsFile).mode & 0o077).toBe(0);

      // The first version of each audience's terms is published once, and every demo individual and organisation accepted it.
      const terms = await environment.dataSource.query(
        `SELECT v.audience, count(DISTINCT v.id)::int AS versions, count(a.id)::int AS acceptances
           FROM terms_versions v LEFT JOIN terms_acceptances a ON a.terms_version_id = v.id GROUP BY v.audience ORDER BY v.audience`,
      );
      const organisationsWith = (role: string) =>
        (first.json.organisations as { roles: string[] }[]).filter((organisation) => organisation.roles.includes(role)).length;
      expect(terms).toEqual([
        { audience: 'individual', versions: 1, acceptances: first.json.individuals.length },
        { audience: 'provider', versions: 1, acceptances: organisationsWith('provider') },
        { audience: 'recipient', versions: 1, acceptances: organisationsWith('recipient') },
      ]);

      // Every demo individual is linked to demo providers, which deposited realistic records of the
      // catalog's categories through intake's use case: stored once, encrypted, however often seeded.
      const held = await environment.dataSource.query(
        `SELECT o.corporate_number, r.category, count(DISTINCT r.individual_id)::int AS individuals, count(*)::int AS records,
                max(r.version)::int AS version, bool_and(length(r.ciphertext) > r.plaintext_bytes) AS encrypted
           FROM vault_records r JOIN organisations o ON o.id = r.provider_id
          GROUP BY o.corporate_number, r.category ORDER BY r.category`,
      );
      expect(held.map((row: { category: string }) => row.category)).toEqual([
        'finance.transactions',
        'mobility.trips',
        'purchase.receipts',
      ]);
      for (const row of held) expect(row).toMatchObject({ records: expect.any(Number), version: 1, encrypted: true });
      expect(held.reduce((sum: number, row: { records: number }) => sum + row.records, 0)).toBe(
        first.json.deposits.reduce((sum: number, deposit: { records: number }) => sum + deposit.records, 0),
      );
      const linked = await environment.dataSource.query(
        `SELECT count(DISTINCT individual_id)::int AS individuals, count(*)::int AS links, count(*) FILTER (WHERE status = 'active')::int AS active
           FROM provider_links`,
      );
      expect(linked).toEqual([{ individuals: first.json.individuals.length, links: 7, active: 7 }]);
      const batches = await environment.dataSource.query(`SELECT count(*)::int AS n FROM deposit_batches`);
      expect(batches).toEqual([{ n: first.json.deposits.length }]);

      // A demo recipient's transfer reached the first demo individual's provision history, once however often seeded,
      // and its leaf is sealed (the proof is ready at once).
      expect(first.json.transfer).toMatchObject({ status: 'delivered', delivered: 1 });
      const provisions = await environment.dataSource.query(
        `SELECT p.individual_id, l.leaf_index IS NOT NULL AS sealed FROM provision_records p JOIN transparency_log_leaves l ON l.id = p.leaf_id`,
      );
      expect(provisions).toEqual([{ individual_id: first.json.individuals[0].id, sealed: true }]);
    }, 90_000);

    it('a demo provider authenticates at intake with its key file, with the README example as written', async () => {
      const credentialsFile = join(demoDirectory, 'credentials.json');
      const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8'));
      const provider = credentials.organisations.find((organisation: { roles: string[] }) => organisation.roles.includes('provider'));
      expect(statSync(provider.signingKeyFile).mode & 0o077).toBe(0);
      const intake = await startOrganisationApi(IntakeModule, 'intake', INTAKE_HTTP_OPTIONS, env);
      try {
        // credentials.json names the default intake URL; point it at this test's intake.
        const local = {
          ...credentials,
          organisations: credentials.organisations.map((o: any) => ({ ...o, apis: { intake: intake.url } })),
        };
        const localFile = write('credentials-local.json', local);
        const example = await runNode([exampleScript, localFile, provider.slug, 'intake']);
        expect(example.code).toBe(0);
        expect(JSON.parse(example.stdout)).toMatchObject({ tokenType: 'DPoP', expiresIn: 600, organisation: { id: provider.id } });

        const signingKey = await keyPairFromPrivateJwk(JSON.parse(readFileSync(provider.signingKeyFile, 'utf8')));
        const gatewayClient = new OrganisationClient(gateway.url, provider.id, signingKey, await generateOrganisationKey('EdDSA'));
        expect((await gatewayClient.requestToken()).status).toBeGreaterThanOrEqual(400);
      } finally {
        await intake.close();
      }
    });
  });
});
