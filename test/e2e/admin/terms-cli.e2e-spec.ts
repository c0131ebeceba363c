import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';

const adminMain = join(__dirname, '..', '..', '..', 'dist', 'apps', 'admin', 'src', 'main.js');

/** Runs the built CLI as an operator would, against this suite's own database; parses what it prints. */
function admin(args: string[], env: Record<string, string>): Promise<{ code: number | null; json: any; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [adminMain, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const output = (code === 0 ? stdout : stderr).trim();
      let json: unknown;
      try {
        json = output === '' ? undefined : JSON.parse(output);
      } catch {
        json = undefined;
      }
      resolve({ code, json, stderr });
    });
  });
}

jest.setTimeout(60_000);

// Its own database: a published version would otherwise ask every other suite's individuals to accept it.
describe('operator CLI: terms:publish, terms:list, terms:record-acceptance', () => {
  const files = mkdtempSync(join(tmpdir(), 'infobank-test-terms-cli-'));
  let environment: IsolatedEnvironment;
  let env: Record<string, string>;
  const write = (name: string, content: string): string => {
    const path = join(files, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    env = { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix };
  });
  afterAll(async () => {
    await environment?.dispose();
    rmSync(files, { recursive: true, force: true });
  });

  it('publishes a version from ja and en files, once: the same texts again change nothing, other texts are refused', async () => {
    const ja = write('terms.ja.txt', '利用規約\n第1条 …\n');
    const en = write('terms.en.txt', 'Terms of use\nArt. 1 …\n');
    const args = ['terms:publish', '--audience', 'individual', '--version', '2026-12', '--ja', ja, '--en', en];
    const first = await admin(args, env);
    expect(first).toMatchObject({ code: 0, json: { audience: 'individual', version: '2026-12', published: true } });
    expect((await admin(args, env)).json).toEqual({ ...first.json, published: false });
    const changed = await admin([...args.slice(0, 8), write('terms2.en.txt', 'Other terms')], env);
    expect(changed.code).toBe(1);
    expect(changed.json.error.code).toBe('TERMS_VERSION_EXISTS');
    const [stored] = await environment.dataSource.query(`SELECT text_ja, published_by FROM terms_versions WHERE version = '2026-12'`);
    expect(stored.text_ja).toBe('利用規約\n第1条 …\n');
    expect(typeof stored.published_by).toBe('string');

    const listed = await admin(['terms:list', '--json'], env);
    expect(listed.json).toEqual([expect.objectContaining({ audience: 'individual', version: '2026-12', characters: { ja: 11, en: 22 } })]);
  });

  it('refuses a recipient contract without the no-onward-transfer clause, naming the option; a missing file is a usage error', async () => {
    const ja = write('contract.ja.txt', '提供先はデータを安全に管理する。');
    const en = write('contract.en.txt', 'The recipient keeps the data safe.');
    const refused = await admin(['terms:publish', '--audience', 'recipient', '--version', 'rc-1', '--ja', ja, '--en', en], env);
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('VALIDATION_FAILED');
    expect(refused.json.error.errors.map((problem: { option: string }) => problem.option).sort()).toEqual(['--en', '--ja']);
    const missing = await admin(
      ['terms:publish', '--audience', 'recipient', '--version', 'rc-1', '--ja', join(files, 'none.txt'), '--en', en],
      env,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--ja');
    expect(await environment.dataSource.query(`SELECT 1 FROM terms_versions WHERE audience = 'recipient'`)).toEqual([]);
  });

  it('records a paper acceptance of the current recipient contract for an existing recipient only', async () => {
    const ja = write('rc.ja.txt', '第1条 提供先は受け取ったデータを再提供してはならない。');
    const en = write('rc.en.txt', 'Art. 1 No onward transfer of the data received.');
    expect((await admin(['terms:publish', '--audience', 'recipient', '--version', 'rc-2', '--ja', ja, '--en', en], env)).code).toBe(0);
    const organisationId = randomUUID();
    await environment.dataSource.query(
      `INSERT INTO organisations (id, corporate_number, name_ja, country, roles, terms_version, status) VALUES ($1, '1234567890123', '紙契約株式会社', 'JP', '{recipient}', 'v1', 'active')`,
      [organisationId],
    );
    const record = (extra: string[]) =>
      admin(['terms:record-acceptance', '--organisation', organisationId, '--audience', 'recipient', ...extra], env);
    const stale = await record(['--version', 'rc-1']);
    expect(stale.json.error).toMatchObject({ code: 'TERMS_VERSION_NOT_CURRENT' });
    const future = await record(['--version', 'rc-2', '--signed-at', '2999-01-01T00:00:00Z']);
    expect(future.json.error.errors).toEqual([expect.objectContaining({ option: '--signed-at' })]);
    const recorded = await record(['--version', 'rc-2']);
    expect(recorded).toMatchObject({ code: 0, json: { organisationId, audience: 'recipient', version: 'rc-2' } });
    const unknown = await admin(
      ['terms:record-acceptance', '--organisation', randomUUID(), '--audience', 'recipient', '--version', 'rc-2'],
      env,
    );
    expect(unknown.json.error.errors).toEqual([expect.objectContaining({ option: '--organisation' })]);
    const rows = await environment.dataSource.query(
      `SELECT method, recorded_by IS NOT NULL AS by_operator FROM terms_acceptances WHERE party_id = $1`,
      [organisationId],
    );
    expect(rows).toEqual([{ method: 'paper', by_operator: true }]);
  });
});
