import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '@infobank/migrations';
import { freePort } from '../../support/private-redis';
import { dropDatabase } from '../../support/test-environment';

// These tests run the built processes exactly as `npm start` does (`npm test` builds first).
const dist = join(__dirname, '..', '..', '..', 'dist');
const main = (app: string): string => join(dist, 'apps', app, 'src', 'main.js');

function run(app: string, env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [main(app)], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stderr: result.stderr };
}

describe('process start-up', () => {
  beforeAll(() => {
    if (!existsSync(main('admin'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  });

  it('stops with exit code 1 and names an invalid port', () => {
    const result = run('portal', { PORTAL_PORT: '70000' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORTAL_PORT');
  });

  it('stops in production when a required secret is missing, naming it', () => {
    const result = run('worker', {
      NODE_ENV: 'production',
      BANK_KEK: '',
      BANK_PSEUDONYM_SECRET: 'x'.repeat(43),
      BANK_SIGNING_KEYS_FILE: '/nowhere.json',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BANK_KEK is required when NODE_ENV=production');
  });

  it('stops at once, with the hint to migrate, when the database does not exist (retrying would not create it)', () => {
    const started = Date.now();
    const result = run('portal', { DATABASE_NAME: `${process.env.DATABASE_NAME}_missing` });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('does not exist (Create it first: npm run migrate)');
    // Retrying would take 18 s more (10 attempts, 2 s apart) than a start, which takes 5–9 s on a busy machine.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('npm start (platform:start)', () => {
  // Named after this run's database and prefix, so the run's teardown removes them even after a crash.
  const database = `${process.env.DATABASE_NAME}_start`;
  const keysRoot = mkdtempSync(join(tmpdir(), 'infobank-test-start-'));
  let child: ChildProcess;
  let output = '';
  let ports: number[];
  let workerPort: number;

  beforeAll(async () => {
    ports = [await freePort(), await freePort(), await freePort(), await freePort()];
    workerPort = await freePort();
    const [portal, intake, gateway, ethicsBoard] = ports;
    child = spawn(process.execPath, [main('admin'), 'platform:start'], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        DATABASE_NAME: database,
        REDIS_PREFIX: database,
        BANK_KEYS_DIR: join(keysRoot, 'keys'),
        DEMO_DATA_DIR: join(keysRoot, 'demo'),
        MAIL_TRANSPORT: 'file',
        MAIL_DIR: join(keysRoot, 'mail'),
        PORTAL_PORT: String(portal),
        INTAKE_PORT: String(intake),
        GATEWAY_PORT: String(gateway),
        ETHICS_BOARD_PORT: String(ethicsBoard),
        WORKER_PORT: String(workerPort),
        PORTAL_PUBLIC_URL: `http://127.0.0.1:${portal}`,
        INTAKE_PUBLIC_URL: `http://127.0.0.1:${intake}`,
        GATEWAY_PUBLIC_URL: `http://127.0.0.1:${gateway}`,
        ETHICS_BOARD_PUBLIC_URL: `http://127.0.0.1:${ethicsBoard}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const deadline = Date.now() + 60_000;
    while (!output.includes('Infobank is running') && child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 70_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await dropDatabase(database);
    rmSync(keysRoot, { recursive: true, force: true });
  });

  it('seeds the demo data and says where its sign-in details are', () => {
    const credentials = join(keysRoot, 'demo', 'credentials.json');
    expect(output).toContain(`demo data: 5 organisations, 6 board members, 3 individuals; sign-in details and keys in ${credentials}`);
    expect(existsSync(credentials)).toBe(true);
  });

  it('prints where to open the web app and which demo account to use; the portal serves the app there', async () => {
    const [portal] = ports;
    const deadline = Date.now() + 5_000;
    while (!output.includes('Ctrl-C で停止します') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output).toContain(`Web app 本人向けアプリ: open http://127.0.0.1:${portal}/ in a browser`);
    const credentials = join(keysRoot, 'demo', 'credentials.json');
    expect(output).toMatch(
      new RegExp(
        `Board console 審査会コンソール: open http://127\\.0\\.0\\.1:\\d+/ in a browser \\(board members in ${credentials.replace(/[.]/g, '\\.')}\\)`,
      ),
    );
    expect(output).toMatch(new RegExp(`Demo account デモ用アカウント: \\S+@\\S+ \\(password in ${credentials.replace(/[.]/g, '\\.')}\\)`));
    expect(output).toContain(`Mail メール: written as .eml files to ${join(keysRoot, 'mail')} (MAIL_TRANSPORT=file)`);
    const page = await fetch(`http://127.0.0.1:${portal}/consents`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root"></div>');
  });

  it('creates the database, generates keys, migrates, and brings up five processes that answer /health', async () => {
    expect(output).toContain(`database ${database}: created, ${MIGRATIONS.length} migration(s) applied`);
    expect(existsSync(join(keysRoot, 'keys', 'signing-keys.json'))).toBe(true);
    expect(output).toContain('Infobank is running');
    for (const port of ports) {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect(response.status).toBe(200);
    }
    // The worker starts its queues and schedules after the HTTP apps answer, then its own /health on WORKER_PORT.
    const workerStarted = /worker\s+\S+ INFO\s+worker started/;
    const deadline = Date.now() + 30_000;
    while (!workerStarted.test(output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toMatch(workerStarted);
    let workerHealth: number | undefined;
    while (workerHealth !== 200 && Date.now() < deadline) {
      workerHealth = await fetch(`http://127.0.0.1:${workerPort}/health`).then(
        (response) => response.status,
        () => undefined,
      );
      if (workerHealth !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(workerHealth).toBe(200);
    for (const port of ports) expect(output).toContain(`http://127.0.0.1:${port}`);
  });

  it('stops every process on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const port of ports) await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }, 30_000);
});
