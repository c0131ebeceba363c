// `npm run chaos`: the fault-tolerance run. It starts a PostgreSQL cluster and a Redis of its own on
// spare ports (behind fault proxies), the four HTTP apps and several workers as separate processes from
// dist, drives a realistic workload while a fault schedule kills, flushes, restarts and breaks the network,
// then checks the invariants against the database and the APIs. One JSON report on stdout, progress on
// stderr, exit code 1 on any violation. Everything it started is stopped on exit, Ctrl-C included.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { Traffic } from './clients';
import { FaultProxy } from './fault-proxy';
import { runFaultSchedule, untilAllHealthy, type FaultWindow } from './faults';
import {
  commitOrder,
  COMMIT_CLOCK_SQL,
  errorsOnlyInFaults,
  noDuplicates,
  noLostWork,
  processesRecovered,
  recipientsNoticed,
  replaysRefused,
  sealingNeverStalled,
  transparencyLog,
  type Check,
} from './invariants';
import { freePort, PostgresCluster, RedisServer, sleep } from './services';
import { ManagedProcess } from './supervisor';
import { parseOptions, SABOTAGE_SQL } from './options';
import { admin, seed, stopAdminCommands } from './seed';
import { Workload, type BoardMember } from './workload';
import { MailDrop } from './mail-drop';
import { runLifecycle } from './run-lifecycle';
import { forgetInheritedSecrets, sharedAppEnvironment } from './app-environment';

const { progress, cleanUps, cleanUp } = runLifecycle('chaos');

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = mkdtempSync(join(tmpdir(), 'infobank-chaos-'));
  cleanUps.push({ what: `remove ${root}`, undo: () => rmSync(root, { recursive: true, force: true }) });
  cleanUps.push({ what: 'stop the operator commands', undo: stopAdminCommands });
  const logs = options.logs ?? join(root, 'logs');
  mkdirSync(logs, { recursive: true });
  progress(`options ${JSON.stringify(options)}; working in ${root}`);

  const [postgresPort, postgresProxyPort, redisPort, redisProxyPort, portal, intake, gateway, board] = await Promise.all(
    Array.from({ length: 8 }, () => freePort()),
  );
  // The cluster's own directory: as root it belongs to the postgres user, who cannot enter `root`.
  const clusterDirectory = mkdtempSync(join(tmpdir(), 'infobank-chaos-postgres-'));
  cleanUps.push({ what: `remove ${clusterDirectory}`, undo: () => rmSync(clusterDirectory, { recursive: true, force: true }) });
  const postgres = await PostgresCluster.create(clusterDirectory, postgresPort);
  cleanUps.push({ what: 'stop PostgreSQL', undo: () => postgres.stop() });
  const redis = new RedisServer(redisPort);
  cleanUps.push({ what: 'stop Redis', undo: () => redis.kill() });
  await redis.start();
  const postgresProxy = await FaultProxy.start('postgres', postgresProxyPort, postgresPort);
  const redisProxy = await FaultProxy.start('redis', redisProxyPort, redisPort);
  cleanUps.push({ what: 'close the proxies', undo: async () => void (await Promise.all([postgresProxy.close(), redisProxy.close()])) });
  progress(`PostgreSQL on ${postgresPort} (proxy ${postgresProxyPort}), Redis on ${redisPort} (proxy ${redisProxyPort})`);

  const database = 'infobank_chaos';
  const urls = {
    portal: `http://127.0.0.1:${portal}`,
    intake: `http://127.0.0.1:${intake}`,
    gateway: `http://127.0.0.1:${gateway}`,
    board: `http://127.0.0.1:${board}`,
  };
  const env: Record<string, string> = {
    ...sharedAppEnvironment(root, database),
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(postgresProxyPort),
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: String(redisProxyPort),
    REDIS_PREFIX: 'chaos',
    PORTAL_PORT: String(portal),
    INTAKE_PORT: String(intake),
    GATEWAY_PORT: String(gateway),
    ETHICS_BOARD_PORT: String(board),
    PORTAL_PUBLIC_URL: urls.portal,
    INTAKE_PUBLIC_URL: urls.intake,
    GATEWAY_PUBLIC_URL: urls.gateway,
    ETHICS_BOARD_PUBLIC_URL: urls.board,
  };
  forgetInheritedSecrets();
  // Set-up talks to the cluster directly; the apps and workers go through the proxies.
  const direct = { ...env, DATABASE_PORT: String(postgresPort), REDIS_PORT: String(redisPort), LOG_LEVEL: 'warn' };
  await Promise.all([admin(direct, ['keys:ensure']), admin(direct, ['db:migrate'])]);
  const owner = await postgres.client(database);
  await owner.query('SET ROLE "infobank_owner"');
  await owner.query(COMMIT_CLOCK_SQL);
  await owner.end();
  progress('migrated; commit clock installed');

  const apps = [
    new ManagedProcess({ name: 'portal', app: 'portal', port: portal, env }, logs),
    new ManagedProcess({ name: 'intake', app: 'intake', port: intake, env }, logs),
    new ManagedProcess({ name: 'gateway', app: 'gateway', port: gateway, env }, logs),
    new ManagedProcess({ name: 'ethics-board', app: 'ethics-board', port: board, env }, logs),
  ];
  // Each worker serves its own /health and /metrics (WORKER_PORT): one port each, or the second would not start.
  const workerPorts = await Promise.all(Array.from({ length: options.workers }, () => freePort()));
  const workers = workerPorts.map(
    (workerPort, index) =>
      new ManagedProcess(
        { name: `worker-${index + 1}`, app: 'worker', port: null, env: { ...env, WORKER_PORT: String(workerPort) } },
        logs,
      ),
  );
  const processes = [...apps, ...workers];
  cleanUps.push({ what: 'stop the apps and workers', undo: async () => void (await Promise.all(processes.map((child) => child.stop()))) });
  // The processes start while the organisations, offers and board members are seeded beside them.
  const traffic = new Traffic();
  const members = ['legal', 'engineer'].map((expertise) => ({
    expertise,
    email: `${expertise}.${randomUUID()}@board.example.jp`,
    password: `chaos-${randomUUID()}`,
  }));
  const [seeded] = await Promise.all([
    seed(direct, traffic, urls),
    ...members.map((member) => {
      const passwordFile = join(root, `${member.expertise}.password`);
      writeFileSync(passwordFile, member.password, { mode: 0o600 });
      return admin(direct, [
        'board:add-member',
        '--email',
        member.email,
        '--password-file',
        passwordFile,
        '--name',
        `委員 ${member.expertise}`,
        '--expertise',
        member.expertise,
      ]);
    }),
    ...processes.map((child) => child.start()),
  ]);
  progress(
    `seeded a provider, two recipients with approved offers and two board members; started ${apps.length} apps and ${workers.length} workers`,
  );

  const workload = new Workload(traffic, urls, seeded.provider, seeded.recipients, members as BoardMember[], new MailDrop(env.MAIL_DIR));
  await workload.populate(options.individuals);
  progress(`populated: ${JSON.stringify(workload.counts)}`);

  // The oldest unsealed leaf's age, sampled on a connection of its own straight to the cluster.
  const samples: { at: number; ageMs: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    let db: Client | null = null;
    while (sampling) {
      try {
        db ??= await postgres.client(database);
        const { rows } = await db.query(
          `SELECT COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min("appended_at")) * 1000, 0) AS "age" FROM "transparency_log_leaves" WHERE "leaf_index" IS NULL`,
        );
        samples.push({ at: Date.now(), ageMs: Math.round(Number(rows[0].age)) });
      } catch {
        await db?.end().catch(() => undefined);
        db = null;
      }
      await sleep(500);
    }
    await db?.end().catch(() => undefined);
  })();

  const replays: { what: string; before: number; after: number }[] = [];
  const replayProbe = { assertion: '', proof: '', tokenBefore: 0, resource: { token: '', proof: '', url: '' }, resourceBefore: 0 };
  const probe = seeded.recipients[0].client;
  const aroundFlush = {
    before: async () => {
      if (options.sabotage.includes('replay'))
        await postgres.client(database).then(async (client) => {
          await client.query('DELETE FROM "replay_cache_markers"');
          await client.end();
        });
      // Tokens are refused for a while after an earlier data loss (the replay caches' epoch): wait until one is accepted.
      const until = Date.now() + options.replayRefusalSeconds * 1000;
      do {
        replayProbe.assertion = await probe.assertion();
        replayProbe.proof = await probe.proof('POST', `${probe.apiUrl}/oauth/token`);
        const token = await probe.tokenRequest(replayProbe.assertion, replayProbe.proof);
        replayProbe.tokenBefore = token.status;
        const url = `${probe.apiUrl}/v1/transfers`;
        const accessToken = token.status === 200 ? (token.body.access_token as string) : '';
        replayProbe.resource = { token: accessToken, proof: await probe.proof('GET', url, accessToken), url };
        replayProbe.resourceBefore = token.status === 200 ? (await resourceReplay()).status : 0;
        if (replayProbe.tokenBefore === 200 && replayProbe.resourceBefore === 200) return;
        await sleep(2_000);
      } while (Date.now() < until);
    },
    after: async () => {
      await sleep(200);
      replays.push({
        what: 'a client assertion and its DPoP proof at the token endpoint',
        before: replayProbe.tokenBefore,
        after: (await probe.tokenRequest(replayProbe.assertion, replayProbe.proof)).status,
      });
      replays.push({
        what: 'a DPoP proof at GET /v1/transfers',
        before: replayProbe.resourceBefore,
        after: (await resourceReplay()).status,
      });
    },
  };
  const resourceReplay = () =>
    traffic.send('gateway', 'GET /v1/transfers (replay probe)', replayProbe.resource.url, {
      headers: { authorization: `DPoP ${replayProbe.resource.token}`, dpop: replayProbe.resource.proof },
    });

  const started = Date.now();
  const deadline = started + options.durationSeconds * 1000;
  progress(`running the workload and the fault schedule for ${options.durationSeconds} s`);
  const [, windows] = await Promise.all([
    workload.run(deadline, { maxIndividuals: options.maxIndividuals }),
    runFaultSchedule(
      { postgres, redis, postgresProxy, redisProxy, apps, workers, aroundFlush },
      { ...options, kinds: options.kinds },
      deadline,
      progress,
    ),
  ]);
  const ranSeconds = (Date.now() - started) / 1000;
  progress(`workload and faults done after ${ranSeconds.toFixed(0)} s: ${JSON.stringify(workload.counts)}`);

  // Drain: every process answering, the outbox empty and every accepted transfer settled.
  const healthy = await untilAllHealthy({ apps, workers }, options.recoveryBoundSeconds * 1000);
  const db = await postgres.client(database);
  const drainStarted = Date.now();
  for (;;) {
    const [{ pending, open }] = (
      await db.query(
        `SELECT (SELECT count(*) FROM "outbox" WHERE "completed_at" IS NULL AND "available_at" <= now()) AS "pending",
                (SELECT count(*) FROM "transfers" WHERE "status" IN ('requested', 'processing')) AS "open",
                (SELECT count(*) FROM "transparency_log_leaves" WHERE "leaf_index" IS NULL) AS "unsealed"`,
      )
    ).rows;
    if ((Number(pending) === 0 && Number(open) === 0) || Date.now() - drainStarted > options.drainSeconds * 1000) break;
    await sleep(500);
  }
  await sleep(2_500); // one more seal after the last job
  const drainSeconds = (Date.now() - drainStarted) / 1000;
  sampling = false;
  await sampler;
  progress(`drained in ${drainSeconds.toFixed(1)} s; checking`);
  for (const sabotage of options.sabotage) {
    if (!(sabotage in SABOTAGE_SQL)) continue;
    await db.query('SET session_replication_role = replica');
    await db.query(SABOTAGE_SQL[sabotage as keyof typeof SABOTAGE_SQL]);
    await db.query('SET session_replication_role = DEFAULT');
    progress(`sabotage ${sabotage} applied`);
  }
  if (options.sabotage.includes('errors')) traffic.exchanges.push({ at: Date.now(), app: 'portal', route: 'GET /sabotage', status: 500 });

  const graceMs = options.recoveryBoundSeconds * 1000;
  const checks: Record<string, Check> = {
    noLostWork: await noLostWork(db, workload.accepted),
    noDuplicates: await noDuplicates(db, workload.accepted),
    noProvisionAfterRevocationErasureOrOrder: await commitOrder(db),
    everyRecipientNoticed: await recipientsNoticed(db),
    transparencyLog: await transparencyLog(db, urls.portal),
    sealingNeverStalled: sealingNeverStalled(samples, windows, options.sealBoundSeconds * 1000),
    replaysRefusedAfterFlush: replaysRefused(replays),
    processesRecovered: processesRecovered(
      healthy
        ? windows
        : [
            ...windows,
            {
              kind: 'worker-kill',
              target: 'end of run',
              start: 0,
              healed: 0,
              recovered: 0,
              recoveryMs: graceMs,
              recoveredInTime: false,
            } as FaultWindow,
          ],
      processes.map((child) => ({ name: child.name, count: child.unexpectedExits.length })),
      options.recoveryBoundSeconds * 1000,
    ),
    errorsOnlyInFaultWindows: errorsOnlyInFaults(traffic.exchanges, windows, graceMs, options.replayRefusalSeconds * 1000),
  };
  await db.end();
  const violations = Object.entries(checks).flatMap(([name, result]) => result.violations.map((violation) => `${name}: ${violation}`));
  const faults: Record<string, number> = {};
  for (const window of windows) faults[window.kind] = (faults[window.kind] ?? 0) + 1;
  const report = {
    ok: violations.length === 0,
    generatedAt: new Date().toISOString(),
    options,
    machine: { cpus: cpus().length, loadAverage: loadavg().map((value) => Math.round(value * 100) / 100) },
    seconds: { run: Math.round(ranSeconds), drain: Math.round(drainSeconds) },
    workload: workload.counts,
    faults: { total: windows.length, byKind: faults, maxRecoveryMs: Math.max(0, ...windows.map((window) => window.recoveryMs)) },
    checks,
    violations,
  };
  if (!report.ok)
    progress(
      `violations found${options.logs ? `; the processes' logs are in ${logs}` : "; run again with --logs DIR to keep the processes' logs"}`,
    );
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.ok) process.exitCode = 1;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping everything the run started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    // A stuck request may still hold a socket that would keep the process alive.
    process.exit(process.exitCode ?? 0);
  });
