import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BenchEnvironment } from './bench-environment';
import { progress, sleep } from './measure';

const WORKER_MAIN = join(__dirname, '..', '..', 'apps', 'worker', 'src', 'main.js');
const START_TIMEOUT_MS = 120_000;
const IDLE_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

/** The built worker (`dist/apps/worker`) running as its own process against the run's database, Redis prefix and keys. */
export interface BenchWorker {
  /** The worker process's id (its CPU time is read from /proc). */
  pid: number;
  /** Waits until the worker has nothing left to do: every outbox row completed and every log leaf sealed. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the worker exactly as `npm start` does (its own process, its own BullMQ workers, outbox relay,
 * sealer and schedules), configured like the benchmark's own context: same database, Redis prefix and
 * key directories. Resolves once its /health answers. `main`: another build of the worker (to compare two on one seeded database); `nodeArguments` (say, `--cpu-prof`) go to node.
 */
export async function startBenchWorker(
  environment: BenchEnvironment,
  main: string = WORKER_MAIN,
  nodeArguments: readonly string[] = [],
): Promise<BenchWorker> {
  if (!existsSync(main)) throw new Error(`The benchmark runs the built worker: ${main} is missing (npm run build)`);
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArguments, main], {
    env: {
      ...process.env,
      DATABASE_HOST: '127.0.0.1',
      REDIS_HOST: '127.0.0.1',
      DATABASE_NAME: environment.name,
      REDIS_PREFIX: environment.name,
      BANK_KEYS_DIR: environment.keysDirectory,
      BANK_KEK_DIR: environment.config.kekGenerations.directory,
      WORKER_PORT: String(port),
      MIGRATE_AT_BOOT: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await untilHealthy(child, port);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  progress(`worker started (pid ${child.pid}, operations port ${port})`);
  return {
    pid: child.pid as number,
    idle: () => untilIdle(environment),
    stop: () => stopChild(child, exited),
  };
}

async function untilHealthy(child: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the worker exited with code ${child.exitCode} while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(POLL_MS);
  }
  throw new Error(`the worker did not answer /health within ${START_TIMEOUT_MS} ms`);
}

async function untilIdle(environment: BenchEnvironment): Promise<void> {
  const deadline = Date.now() + IDLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const [{ outbox, unsealed }] = await environment.dataSource.query(
      `SELECT (SELECT count(*)::int FROM "outbox" WHERE "completed_at" IS NULL AND "available_at" <= now()) AS "outbox",
              (SELECT count(*)::int FROM "transparency_log_leaves" WHERE "leaf_index" IS NULL) AS "unsealed"`,
    );
    if (outbox === 0 && unsealed === 0) return;
    await sleep(POLL_MS * 5);
  }
  throw new Error(`the worker did not finish the seeding's jobs within ${IDLE_TIMEOUT_MS} ms`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** A port nothing listens on, below the ephemeral range (an outgoing connection cannot take it meanwhile). */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port for the worker after 50 tries');
}
