// The README's examples, run as an integrator would run them against `npm start`'s demo: seed:demo's
// organisations and key files, intake and the gateway over HTTP, the worker building transfers.
// examples/provider.mjs and examples/recipient.mjs use the packed SDK's build (libs/sdk/dist);
// examples/python/recipient.py uses jwcrypto (Debian's python3-jwcrypto, installed by .ci/run).
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from '../../../apps/intake/src/intake.module';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import type { RunningApp } from '../../support/http-app';
import { startOrganisationApi } from '../../support/organisation-client';
import { isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../support/platform';

const ROOT = join(__dirname, '..', '..', '..');
const PYTHON = '/usr/bin/python3';

/** Runs a program to its end and collects what it prints. */
function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs an example and parses the JSON it prints; fails with its error output when it does not succeed. */
async function example(command: string, args: string[]): Promise<any> {
  const result = await run(command, args);
  if (result.code !== 0) throw new Error(`${args[0]} exited with ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

jest.setTimeout(120_000);

describe('examples (provider and recipient in Node.js, recipient in Python) against the demo organisations', () => {
  const files = mkdtempSync(join(tmpdir(), 'infobank-test-examples-'));
  let environment: IsolatedEnvironment;
  let intake: RunningApp;
  let gateway: RunningApp;
  let worker: INestApplicationContext;
  let credentialsFile: string;

  beforeAll(async () => {
    // The SDK's own build, as `npm pack` makes it (ES modules and types in libs/sdk/dist).
    const built = await run(process.execPath, [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'libs/sdk/tsconfig.build.json',
    ]);
    if (built.code !== 0) throw new Error(`The SDK does not build: ${built.stdout}${built.stderr}`);

    environment = await isolatedEnvironment();
    const env = { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix };
    const demoDirectory = join(files, 'demo');
    const seeded = await run(process.execPath, [join(ROOT, 'dist', 'apps', 'admin', 'src', 'main.js'), 'seed:demo'], {
      ...env,
      DEMO_DATA_DIR: demoDirectory,
    });
    if (seeded.code !== 0) throw new Error(`seed:demo failed: ${seeded.stderr}`);
    [intake, gateway] = await Promise.all([
      startOrganisationApi(IntakeModule, 'intake', INTAKE_HTTP_OPTIONS, env),
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS, env),
    ]);
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ service: 'worker', config: environment.config, logger: testLogger('worker'), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
    // credentials.json names the default URLs; point them at this test's intake and gateway.
    const credentials = JSON.parse(readFileSync(join(demoDirectory, 'credentials.json'), 'utf8'));
    credentialsFile = join(files, 'credentials-local.json');
    writeFileSync(
      credentialsFile,
      JSON.stringify({
        ...credentials,
        organisations: credentials.organisations.map((organisation: { apis: Record<string, string> }) => ({
          ...organisation,
          apis: {
            ...(organisation.apis.intake ? { intake: intake.url } : {}),
            ...(organisation.apis.gateway ? { gateway: gateway.url } : {}),
          },
        })),
      }),
      { mode: 0o600 },
    );
  }, 240_000);

  afterAll(async () => {
    await worker?.close();
    await Promise.all([intake?.close(), gateway?.close()]);
    await environment?.dispose();
    rmSync(files, { recursive: true, force: true });
  });

  it('examples/provider.mjs deposits a signed receipt for a demo customer, and the same batch sent again is answered the same', async () => {
    const output = await example(process.execPath, ['examples/provider.mjs', credentialsFile]);
    expect(output.deposit.results).toEqual([{ recordId: expect.stringMatching(/^SM-R-EX-/), status: 'accepted' }]);
    expect(output.sentAgain).toEqual({ replayed: true, sameAnswer: true });
    const stored = await environment.dataSource.query('SELECT count(*)::int AS n FROM vault_records WHERE record_id = $1', [
      output.deposit.results[0].recordId,
    ]);
    expect(stored).toEqual([{ n: 1 }]);
  });

  it.each([
    ['examples/recipient.mjs', process.execPath],
    ['examples/python/recipient.py', PYTHON],
  ])(
    '%s requests a transfer under the approved demo offer (once for one Idempotency-Key) and opens what it receives',
    async (script, command) => {
      const output = await example(command, [script, credentialsFile]);
      expect(output.transfer).toMatchObject({ status: expect.stringMatching(/^(ready|delivered)$/), sameTransferWhenSentAgain: true });
      const transfers = await gateway.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM transfers WHERE id = $1', [output.transfer.id]);
      expect(transfers).toEqual([{ n: 1 }]);
      // What was received is what the transfer's ready parts held.
      expect(output.received.subjects).toBe(output.transfer.counts.ready + output.transfer.counts.delivered);
      expect(output.attested).toEqual([]);
    },
  );
});
