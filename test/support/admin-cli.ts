import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What one run of the built operator CLI printed. `json` is stdout parsed (stderr when it failed), if it was JSON. */
export interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json: any;
}

const adminMain = join(__dirname, '..', '..', 'dist', 'apps', 'admin', 'src', 'main.js');

/** The JSON a stream ends with: all of it, or (on stderr, after progress lines) from the last line opening an object. */
function parsed(output: string): unknown {
  const text = output.trim();
  for (const start of [0, text.lastIndexOf('\n{') + 1]) {
    try {
      return JSON.parse(text.slice(start));
    } catch {
      // not JSON from here
    }
  }
  return undefined;
}

/**
 * Runs `npm run admin -- …` as an operator would (the built CLI, no terminal: stdin is /dev/null),
 * with `env` over this run's environment (e.g. an isolated database).
 */
export function runAdmin(args: readonly string[], env: Record<string, string> = {}): Promise<AdminRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [adminMain, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    // 'close', not 'exit': the process can exit before its stdout and stderr pipes are drained, and a resolve on
    // 'exit' then saw empty or cut-off output (a `--help` came back empty with exit code 0).
    child.on('close', (code) => {
      resolve({ code, stdout, stderr, json: code === 0 ? parsed(stdout) : parsed(stderr) });
    });
  });
}

/** Runs the CLI once per item, a few at a time (each run is a Node process loading the platform). */
export async function runAdminEach<T>(
  items: readonly T[],
  args: (item: T) => string[],
  env: Record<string, string> = {},
  concurrency = 3,
): Promise<AdminRun[]> {
  const results: AdminRun[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await runAdmin(args(items[index]), env);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}
