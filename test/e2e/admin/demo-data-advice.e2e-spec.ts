import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '../../support/admin-cli';
import { isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';

jest.setTimeout(240_000);

// Its own database: seeds the demo, then meets it again with other demo keys (as after deleting .data/).
describe('operator CLI: demo data made with other keys (the ORGANISATION_EXISTS advice)', () => {
  const files = mkdtempSync(join(tmpdir(), 'infobank-test-demo-advice-'));
  let environment: IsolatedEnvironment;
  let env: Record<string, string>;

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    env = { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix };
  });
  afterAll(async () => {
    await environment?.dispose();
    rmSync(files, { recursive: true, force: true });
  });

  it('seed:demo reports its progress; seeding again with other demo keys, and npm start, say to run dev:reset and change nothing', async () => {
    const first = await runAdmin(['seed:demo'], { ...env, DEMO_DATA_DIR: join(files, 'first') });
    expect(first.code).toBe(0);
    // Without a terminal, progress is plain lines on stderr; stdout holds only the JSON result.
    expect(first.stderr).toMatch(/^seeding demo data: 0\/7 organisations \(0%\)$/m);
    expect(first.stderr).toMatch(/^seeding demo data: done 7\/7$/m);
    const [before] = await environment.dataSource.query('SELECT count(*)::int AS n FROM organisations');

    const otherKeys = { ...env, DEMO_DATA_DIR: join(files, 'other') };
    const again = await runAdmin(['seed:demo'], otherKeys);
    expect(again.code).toBe(1);
    expect(again.json.error.code).toBe('DEMO_DATA_FROM_OTHER_KEYS');
    expect(again.json.error.message).toContain('npm run admin -- dev:reset');

    const start = await runAdmin(['platform:start'], otherKeys);
    expect(start.code).toBe(1);
    expect(start.stderr).toContain('Cannot load the demo data');
    expect(start.stderr).toMatch(/^ {2}npm run admin -- dev:reset$/m);
    expect(start.stdout).not.toContain('Infobank is running');
    const [after] = await environment.dataSource.query('SELECT count(*)::int AS n FROM organisations');
    expect(after.n).toBe(before.n);
  });
});
