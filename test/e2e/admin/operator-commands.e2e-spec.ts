import { validCorporateNumber } from '@infobank/catalog';
import { MIGRATIONS } from '@infobank/migrations';
import { bullConnectionOptions, bullPrefix } from '@infobank/platform';
import { Queue, Worker } from 'bullmq';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrganisationKey } from '../../support/organisation-client';
import { runAdmin } from '../../support/admin-cli';
import { eventually, isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';
import { generateKeyPairJwk, toPublicJwk } from '@infobank/crypto';

jest.setTimeout(120_000);

// Its own database and Redis prefix: the listings and the outbox must show only this suite's rows and jobs.
describe('operator CLI: listings, status and confirmations (org, board, outbox, jobs, db)', () => {
  const files = mkdtempSync(join(tmpdir(), 'infobank-test-operator-cli-'));
  let environment: IsolatedEnvironment;
  let env: Record<string, string>;
  const write = (name: string, content: unknown): string => {
    const path = join(files, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const admin = (...args: string[]) => runAdmin(args, env);

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    env = { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix };
  });
  afterAll(async () => {
    await environment?.dispose();
    rmSync(files, { recursive: true, force: true });
  });

  it('org:list and org:show print tables for people and JSON with --json; set-webhook and set-encryption-key change what they show', async () => {
    const signing = await generateOrganisationKey('EdDSA');
    const corporateNumber = validCorporateNumber(String(randomInt(100_000, 1_000_000)) + String(randomInt(100_000, 1_000_000)));
    const created = await admin(
      ...['org:create', '--corporate-number', corporateNumber, '--name-ja', '一覧株式会社', '--country', 'JP', '--roles', 'recipient'],
      ...['--signing-jwks', write('signing.json', { keys: [signing.publicJwk] }), '--terms-version', '2026-04'],
    );
    expect(created.code).toBe(0);
    const id = created.json.id as string;

    const listed = await admin('org:list', '--json');
    expect(listed.code).toBe(0);
    expect(listed.json).toEqual([
      expect.objectContaining({
        id,
        corporateNumber,
        name: { ja: '一覧株式会社' },
        roles: ['recipient'],
        status: 'active',
        hasWebhook: false,
      }),
    ]);
    const table = await admin('org:list');
    expect(table.stdout).toMatch(/^id\s+法人番号\s+name\s+roles\s+status/m);
    expect(table.stdout).toContain(corporateNumber);
    expect(() => JSON.parse(table.stdout)).toThrow();

    const webhook = await admin('org:set-webhook', '--org', id, '--url', 'https://hooks.example.jp/infobank');
    expect(webhook.json).toEqual({ id, webhookUrl: 'https://hooks.example.jp/infobank', changed: true });
    expect((await admin('org:set-webhook', '--org', id, '--url', 'https://hooks.example.jp/infobank')).json.changed).toBe(false);
    const badUrl = await admin('org:set-webhook', '--org', id, '--url', 'ftp://hooks.example.jp/');
    expect(badUrl.code).toBe(1);
    expect(badUrl.json.error.errors).toEqual([expect.objectContaining({ option: '--url', path: '/webhookUrl' })]);
    expect((await admin('org:set-webhook', '--org', id)).code).toBe(2);

    const encryption = await generateKeyPairJwk('ECDH-ES+A256KW');
    const publicKey = toPublicJwk(encryption.privateJwk);
    const setKey = await admin('org:set-encryption-key', '--org', id, '--jwk', write('encryption.json', publicKey));
    expect(setKey.json).toEqual({ id, kid: publicKey.kid, changed: true });

    const shown = await admin('org:show', '--org', id, '--json');
    expect(shown.json).toMatchObject({
      id,
      webhookUrl: 'https://hooks.example.jp/infobank',
      signingKeys: [expect.objectContaining({ kid: signing.kid })],
      encryptionKey: expect.objectContaining({ kid: publicKey.kid }),
    });
    // Keys are shown by kid and algorithm only, never as key material.
    expect(shown.stdout).not.toContain(String(signing.publicJwk.x));
    expect((await admin('org:show', '--org', id)).stdout).toMatch(/^webhook\s+https:\/\/hooks\.example\.jp\/infobank$/m);
    expect((await admin('org:set-webhook', '--org', id, '--clear')).json).toEqual({ id, webhookUrl: null, changed: true });
    const unknown = await admin('org:show', '--org', randomUUID());
    expect(unknown.code).toBe(1);
    expect(unknown.json.error.code).toBe('ORGANISATION_NOT_FOUND');
  });

  it('board:list shows members and board:remove-member disables one (listed as removed); an unknown id is BOARD_MEMBER_NOT_FOUND', async () => {
    const password = write('board-password.txt', 'a long board passphrase\n');
    const added = await admin(
      ...['board:add-member', '--email', `roster.${randomUUID()}@example.jp`, '--password-file', password],
      ...['--name', '佐藤 一覧', '--expertise', 'legal'],
    );
    expect(added.code).toBe(0);
    const member = added.json.id as string;
    expect((await admin('board:list', '--json')).json).toEqual([
      expect.objectContaining({ id: member, name: '佐藤 一覧', expertise: 'legal', external: false, removed: false }),
    ]);
    expect((await admin('board:remove-member', '--member', member)).json).toEqual({ id: member, removed: true });
    expect((await admin('board:remove-member', '--member', member)).json).toEqual({ id: member, removed: false });
    expect((await admin('board:list', '--json')).json).toEqual([expect.objectContaining({ id: member, removed: true })]);
    expect((await admin('board:list')).stdout).toMatch(/佐藤 一覧\s+legal\s+no\s+\S+\s+removed/);
    const [account] = await environment.dataSource.query('SELECT disabled_at FROM accounts WHERE id = $1', [member]);
    expect(account.disabled_at).not.toBeNull();
    expect((await admin('board:remove-member', '--member', randomUUID())).json.error.code).toBe('BOARD_MEMBER_NOT_FOUND');
  });

  it('outbox:status shows the backlog and failed jobs with their errors; jobs:retry-failed puts them back to run', async () => {
    const rowId = randomUUID();
    await environment.dataSource.query(
      `INSERT INTO outbox (id, queue, job_name, payload, available_at) VALUES ($1, 'webhooks', 'test.backlog', '{}'::jsonb, now() + interval '1 hour')`,
      [rowId],
    );
    const connection = bullConnectionOptions(environment.config);
    const prefix = bullPrefix(environment.config.redis.prefix);
    const queue = new Queue('webhooks', { connection, prefix });
    const worker = new Worker(
      'webhooks',
      async () => {
        throw new Error('the receiver answered 503\n    at a stack line that is not shown');
      },
      { connection, prefix },
    );
    try {
      const job = await queue.add('test.failing', {}, { attempts: 1, removeOnFail: false });
      await eventually('the job failed', async () => (await queue.getJob(job.id as string))?.isFailed());
      await worker.close();

      const status = await admin('outbox:status', '--json');
      expect(status.code).toBe(0);
      expect(status.json.pending).toBe(1);
      expect(status.json.backlog).toEqual([
        { queue: 'webhooks', jobName: 'test.backlog', pending: 1, unfinished: 0, oldestAt: expect.any(String) },
      ]);
      expect(status.json.queues).toContainEqual({ queue: 'webhooks', waiting: 0, active: 0, delayed: 0, failed: 1 });
      expect(status.json.failedJobs).toEqual([
        {
          queue: 'webhooks',
          id: job.id,
          name: 'test.failing',
          attempts: 1,
          failedAt: expect.any(String),
          error: 'the receiver answered 503',
        },
      ]);
      const table = await admin('outbox:status');
      expect(table.stdout).toMatch(/^outbox pending\s+1 not yet handed to Redis/m);
      expect(table.stdout).toMatch(/webhooks\s+test\.failing\s+\S+\s+1\s+\S+\s+the receiver answered 503/);

      const retried = await admin('jobs:retry-failed', '--queue', 'webhooks', '--json');
      expect(retried.json.retried).toEqual([expect.objectContaining({ id: job.id, name: 'test.failing' })]);
      expect(await (await queue.getJob(job.id as string))?.getState()).toBe('waiting');
      const after = await admin('outbox:status', '--json');
      expect(after.json.failedJobs).toEqual([]);
      expect(after.json.queues).toContainEqual({ queue: 'webhooks', waiting: 1, active: 0, delayed: 0, failed: 0 });
      expect((await admin('jobs:retry-failed', '--queue', 'nowhere')).json.error.errors).toEqual([
        expect.objectContaining({ option: '--queue' }),
      ]);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('db:status lists applied and pending migrations and the roles; db:revert without --yes and without a terminal refuses and reverts nothing', async () => {
    const status = await admin('db:status', '--json');
    expect(status.code).toBe(0);
    expect(status.json).toMatchObject({ database: environment.config.database.name, exists: true, pending: [] });
    expect(status.json.applied).toHaveLength(MIGRATIONS.length);
    expect(status.json.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'owner', exists: true }),
        expect.objectContaining({ purpose: 'runtime', exists: true, superuser: false, holdsRuntimePrivileges: true }),
      ]),
    );
    expect((await admin('db:status')).stdout).toMatch(/^pending migrations\s+none$/m);

    const refused = await admin('db:revert');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes');
    expect(refused.stderr).toContain('Nothing was changed');
    expect((await admin('db:status', '--json')).json.applied).toHaveLength(MIGRATIONS.length);
    const reset = await admin('dev:reset');
    expect(reset.code).toBe(2);
    const [database] = await environment.dataSource.query('SELECT current_database() AS name');
    expect(database.name).toBe(environment.config.database.name);
  });
});
