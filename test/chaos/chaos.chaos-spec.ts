import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FAULT_KINDS } from './faults';

// The one-minute chaos run (`npm run chaos -- --short`): one fault of each kind against the built
// processes, on a PostgreSQL and a Redis of its own, then every invariant. `npm test` builds first.
const runner = join(__dirname, '..', '..', 'dist', 'test', 'chaos', 'run.js');

interface Report {
  ok: boolean;
  faults: { total: number; byKind: Record<string, number> };
  workload: Record<string, number>;
  checks: Record<string, { ok: boolean; violations: string[] }>;
  violations: string[];
}

/** The run in progress, interrupted (Ctrl-C: it stops everything it started) if the test gives up on it. */
let child: ChildProcess | null = null;

function runChaos(args: string[]): Promise<{ code: number | null; report: Report | null; stderr: string }> {
  return new Promise((resolve) => {
    const started = spawn(process.execPath, [runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let stdout = '';
    let stderr = '';
    started.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    started.once('exit', (code) => {
      child = null;
      try {
        resolve({ code, report: JSON.parse(stdout) as Report, stderr });
      } catch {
        resolve({ code, report: null, stderr });
      }
    });
  });
}

describe('npm run chaos -- --short', () => {
  afterAll(async () => {
    const running = child;
    if (running === null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => running.kill('SIGKILL'), 60_000);
      running.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      running.kill('SIGINT');
    });
  }, 90_000);

  it('holds every invariant through one fault of each kind, and exits 0 with a clean report', async () => {
    if (!existsSync(runner)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    const { code, report, stderr } = await runChaos(['--short']);
    if (report === null) throw new Error(`no report; the run said:\n${stderr.slice(-4_000)}`);
    expect(report.violations).toEqual([]);
    for (const [name, check] of Object.entries(report.checks)) expect({ name, ok: check.ok }).toEqual({ name, ok: true });
    expect(Object.keys(report.faults.byKind).sort()).toEqual([...FAULT_KINDS].sort());
    expect(report.workload.transfersAccepted).toBeGreaterThan(0);
    expect(report.workload.partsDownloaded).toBeGreaterThan(0);
    expect(report.workload.revocations).toBeGreaterThan(0);
    expect(report.ok).toBe(true);
    expect(code).toBe(0);
  }, 600_000);
});
