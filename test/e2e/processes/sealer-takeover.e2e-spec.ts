// The transparency log's sealer across worker processes: two built workers (as `npm start` runs them)
// share one database and one Redis; the worker that is sealing is killed with SIGKILL in the middle of a
// seal, and the other one must seal new leaves within a few seconds. One sealer at a time is the
// advisory lock's job; the other one taking over is the `ledger.seal` schedule's (every second, and its
// next run is queued as a run starts, and a worker killed between taking a run and queueing the next one has the
// schedule re-added by the others' schedule check, see JobSchedules). When a takeover fails, the workers' logs are
// printed with the failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import { createRequestContext, withTransaction } from '@infobank/platform';
import { TransparencyLog, TransparencyLogStore, verifyCheckpoint, verifyInclusionProofAgainstJwks } from '@infobank/transparency-log';
import type { DataSource } from 'typeorm';
import { eventually, isolatedEnvironment, openTestDataSource, type IsolatedEnvironment } from '../../support/platform';
import { freePort } from '../../support/private-redis';

const dist = join(__dirname, '..', '..', '..', 'dist');
const workerMain = join(dist, 'apps', 'worker', 'src', 'main.js');
const logCtx = createRequestContext({ type: 'system', name: 'sealer-takeover-test' });
/** How long the surviving worker may take to seal after the kill (the schedule runs every second). */
const TAKEOVER_LIMIT_MS = 5_000;
/** The same for a sealer that froze with its connection open: the seal's idle limit (5 s) plus a schedule run or two. */
const FROZEN_TAKEOVER_LIMIT_MS = 9_000;

interface WorkerProcess {
  name: string;
  child: ChildProcess;
  output: string[];
}

describe('the transparency log sealer across two worker processes', () => {
  let environment: IsolatedEnvironment;
  let superuser: DataSource;
  let log: TransparencyLog;
  let keyRing: BankKeyRing;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(workerMain)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    environment = await isolatedEnvironment();
    superuser = await openTestDataSource(environment.config, 'admin');
    log = new TransparencyLog(new TransparencyLogStore(environment.dataSource));
    // Both workers sign with the run's keys; made here so that they do not race to generate them.
    keyRing = await BankKeyRing.fromKeyMaterial(
      await loadKeyMaterial({ keysDirectory: environment.config.keys.directory, generateIfMissing: true }),
    );
    for (const name of ['worker-a', 'worker-b']) workers.push(await startWorker(name, environment));
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await superuser?.destroy();
    await environment?.dispose();
  });

  const append = (body: string): Promise<string> =>
    environment.dataSource.transaction((manager) =>
      log.append(withTransaction(logCtx, manager), { kind: 'test.leaf', body: Buffer.from(body) }),
    );
  const sealed = (id: string, timeoutMs: number) => eventually(`leaf ${id} sealed`, () => log.inclusionProof(logCtx, id), timeoutMs);

  /**
   * Appends a leaf while a lock on the checkpoints table holds the next seal mid-way (after it took the
   * advisory lock, before its write), sends `signal` to the worker running that seal, then lets the seal go on.
   * Returns that worker, the leaf and when it was stopped.
   */
  const stopTheSealerMidSeal = async (
    signal: 'SIGKILL' | 'SIGSTOP',
  ): Promise<{ stopped: WorkerProcess; leafId: string; stoppedAt: number }> => {
    const blocker = superuser.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query(`LOCK TABLE "transparency_log_checkpoints" IN SHARE MODE`);
      const leafId = await append(`sealed after a ${signal}`);
      const holder = await eventually('a worker blocked mid-seal holding the sealer lock', () => sealerHoldingTheLock(superuser), 20_000);
      const stopped = workerOwning(workers, holder.clientPort);
      stopped.child.kill(signal);
      const stoppedAt = Date.now();
      await blocker.rollbackTransaction();
      return { stopped, leafId, stoppedAt };
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  };

  it(
    'Given two workers, When the one holding the sealer lock is killed mid-seal, Then the other seals new leaves within a few seconds',
    () =>
      withWorkerLogsOnFailure(workers, async () => {
        await sealed(await append('before the kill'), 20_000);

        const { stopped: killed, leafId, stoppedAt } = await stopTheSealerMidSeal('SIGKILL');

        const proof = await sealed(leafId, TAKEOVER_LIMIT_MS);
        expect(Date.now() - stoppedAt).toBeLessThan(TAKEOVER_LIMIT_MS);
        expect(proof.leafIndex).toBeGreaterThan(0);
        await eventually('the killed worker gone', async () => killed.child.signalCode === 'SIGKILL', 5_000);

        // Its half-done seal left nothing behind: indexes are contiguous, the latest checkpoint covers them all, and
        // every leaf's inclusion proof verifies against it.
        const leaves: { id: string; leaf_index: string }[] = await environment.dataSource.query(
          `SELECT "id", "leaf_index" FROM "transparency_log_leaves" WHERE "leaf_index" IS NOT NULL ORDER BY "leaf_index"`,
        );
        expect(leaves.map((leaf) => Number(leaf.leaf_index))).toEqual(leaves.map((_leaf, index) => index));
        const latest = (await log.latestCheckpoint(logCtx))!;
        expect((await verifyCheckpoint(latest.checkpoint, keyRing.publicJwks())).treeSize).toBe(leaves.length);
        for (const leaf of leaves) {
          const proof = (await log.inclusionProof(logCtx, leaf.id))!;
          expect((await verifyInclusionProofAgainstJwks(proof, keyRing.publicJwks())).treeSize).toBe(leaves.length);
        }
      }),
    90_000,
  );

  it(
    'Given a worker frozen mid-seal (SIGSTOP) with the sealer lock, Then PostgreSQL ends its idle session and another worker seals',
    () =>
      withWorkerLogsOnFailure(workers, async () => {
        workers.push(await startWorker('worker-c', environment));
        await sealed(await append('before the freeze'), 20_000);

        // Its connection stays open, so only the seal's idle limit (5 s) frees the lock.
        const { stopped: frozen, leafId, stoppedAt } = await stopTheSealerMidSeal('SIGSTOP');
        try {
          await sealed(leafId, FROZEN_TAKEOVER_LIMIT_MS);
          expect(Date.now() - stoppedAt).toBeLessThan(FROZEN_TAKEOVER_LIMIT_MS);
        } finally {
          frozen.child.kill('SIGKILL');
        }
      }),
    120_000,
  );
});

/** Runs a test's body; when it fails, the failure carries the last lines each worker logged (who sealed, who was busy). */
async function withWorkerLogsOnFailure(workers: readonly WorkerProcess[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const logs = workers.map(
      (worker) =>
        `--- ${worker.name} (${worker.child.signalCode ?? 'running'}):\n${worker.output.join('').split('\n').slice(-80).join('\n')}`,
    );
    if (error instanceof Error) error.message += `\n\nWorker logs:\n${logs.join('\n')}`;
    throw error;
  }
}

/** Starts a built worker on the environment's database and Redis prefix; resolves once its /health answers 200. */
async function startWorker(name: string, environment: IsolatedEnvironment): Promise<WorkerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [workerMain], {
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      DATABASE_NAME: environment.config.database.name,
      REDIS_PREFIX: environment.config.redis.prefix,
      WORKER_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker: WorkerProcess = { name, child, output: [] };
  child.stdout?.on('data', (chunk: Buffer) => worker.output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => worker.output.push(chunk.toString('utf8')));
  await eventually(
    `${name} answering /health`,
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${worker.output.join('').slice(-2_000)}`);
      return (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status === 200;
    },
    60_000,
  );
  return worker;
}

/**
 * The database session of the sealer that holds the advisory lock and waits, mid-seal, for the blocker's
 * table lock: its client port tells which worker process it belongs to. Asked outside the blocker's
 * transaction, which would keep seeing the sessions as they were when it first looked.
 */
async function sealerHoldingTheLock(observer: DataSource): Promise<{ pid: number; clientPort: number } | null> {
  const rows: { pid: number; client_port: number }[] = await observer.query(
    `SELECT a."pid", a."client_port" FROM pg_stat_activity a
      WHERE a."datname" = current_database() AND a."pid" <> pg_backend_pid() AND a."wait_event_type" = 'Lock'
        AND a."query" LIKE '%INSERT INTO "transparency_log_checkpoints"%'
        AND EXISTS (SELECT 1 FROM pg_locks l WHERE l."pid" = a."pid" AND l."locktype" = 'advisory' AND l."granted")`,
  );
  return rows.length === 1 ? { pid: rows[0].pid, clientPort: rows[0].client_port } : null;
}

/** The worker whose process has the TCP socket with this local port (Linux: its fds against /proc/net/tcp*). */
function workerOwning(workers: readonly WorkerProcess[], localPort: number): WorkerProcess {
  const socketInodes = new Set<string>();
  const sockets = ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((table) => readFileSync(table, 'utf8').split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns.length > 9 && Number.parseInt(columns[1].split(':')[1], 16) === localPort);
  for (const columns of sockets) socketInodes.add(columns[9]);
  const owner = workers.find((worker) =>
    openFiles(worker.child.pid).some((fd) => {
      const target = safeReadlink(`/proc/${worker.child.pid}/fd/${fd}`);
      return socketInodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? '');
    }),
  );
  if (owner === undefined) throw new Error(`No worker process owns the database connection from port ${localPort}`);
  return owner;
}

/** The open file descriptors of a process ([] for one that is gone). */
function openFiles(pid: number | undefined): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
