// `npm run scale:up`: the bank scaled out on this machine, on real engines. A private PostgreSQL 15
// primary with a streaming replica (pg_basebackup -R), a Redis Cluster of three primaries, two instances
// of each HTTP app behind a round-robin proxy per app, and three workers, each a separate process from
// dist. Without options it prints where to go and runs until Ctrl-C; with `--check` it runs the
// end-to-end core path against the proxies, kills the sealing worker, checks the invariants and prints
// one JSON report (exit 1 on failure). Everything it started is stopped on exit, Ctrl-C included.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Traffic } from '../chaos/clients';
import {
  commitOrder,
  COMMIT_CLOCK_SQL,
  errorsOnlyInFaults,
  noDuplicates,
  noLostWork,
  recipientsNoticed,
  transparencyLog,
} from '../chaos/invariants';
import { MailDrop } from '../chaos/mail-drop';
import { admin, seed, stopAdminCommands } from '../chaos/seed';
import { PostgresCluster, sleep } from '../chaos/services';
import { ManagedProcess } from '../chaos/supervisor';
import { Workload, type BoardMember } from '../chaos/workload';
import { corePathRan, replicaStreams } from './scale-checks';
import { RedisCluster, sparePort } from './redis-cluster';
import { RoundRobinProxy } from './round-robin-proxy';
import { approveOfferOverHttp } from './offer-approval';
import { killTheSealer } from './sealer-takeover';
import { runLifecycle } from '../chaos/run-lifecycle';
import { forgetInheritedSecrets, sharedAppEnvironment } from '../chaos/app-environment';

const APPS = [
  { app: 'portal', variable: 'PORTAL' },
  { app: 'intake', variable: 'INTAKE' },
  { app: 'gateway', variable: 'GATEWAY' },
  { app: 'ethics-board', variable: 'ETHICS_BOARD' },
] as const;
const INSTANCES = 2;

interface Options {
  check: boolean;
  workers: number;
  individuals: number;
  seconds: number;
  logs: string | null;
}

function parseOptions(args: string[]): Options {
  const options: Options = { check: false, workers: 3, individuals: 6, seconds: 30, logs: null };
  for (let index = 0; index < args.length; index += 1) {
    const value = (): string => args[++index] ?? '';
    const count = (name: string): number => {
      const parsed = Number(value());
      if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${name} needs a whole number of at least 1`);
      return parsed;
    };
    if (args[index] === '--check') options.check = true;
    else if (args[index] === '--workers') options.workers = count('--workers');
    else if (args[index] === '--individuals') options.individuals = count('--individuals');
    else if (args[index] === '--seconds') options.seconds = count('--seconds');
    else if (args[index] === '--logs') options.logs = value();
    else throw new Error(`unknown option ${args[index]} (known: --check, --workers N, --individuals N, --seconds N, --logs DIR)`);
  }
  return options;
}

const { progress, cleanUps, cleanUp } = runLifecycle('scale');

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = mkdtempSync(join(tmpdir(), 'infobank-scale-'));
  cleanUps.push({ what: `remove ${root}`, undo: () => rmSync(root, { recursive: true, force: true }) });
  cleanUps.push({ what: 'stop the operator commands', undo: stopAdminCommands });
  const logs = options.logs ?? join(root, 'logs');
  mkdirSync(logs, { recursive: true });

  // The engines: a primary, its streaming replica, a Redis Cluster.
  const [primaryPort, replicaPort] = [await sparePort(), await sparePort()];
  // As root each cluster's directory belongs to the postgres user, who cannot enter `root`: one temporary directory each.
  const [primaryDirectory, replicaDirectory] = ['primary', 'replica'].map((role) => {
    const directory = mkdtempSync(join(tmpdir(), `infobank-scale-${role}-`));
    cleanUps.push({ what: `remove ${directory}`, undo: () => rmSync(directory, { recursive: true, force: true }) });
    return directory;
  });
  const primary = await PostgresCluster.create(primaryDirectory, primaryPort);
  cleanUps.push({ what: 'stop the PostgreSQL primary', undo: () => primary.stop() });
  const replica = await PostgresCluster.createReplica(primary, replicaDirectory, replicaPort);
  cleanUps.push({ what: 'stop the PostgreSQL replica', undo: () => replica.stop() });
  progress(`PostgreSQL primary on ${primaryPort}, streaming replica on ${replicaPort}`);
  const redis = await RedisCluster.create(join(root, 'redis'));
  cleanUps.push({ what: 'stop the Redis Cluster', undo: () => redis.stop() });
  progress(`Redis Cluster of three primaries on ${redis.nodes}`);

  // Ports: one set per instance (an instance's four *_PORT variables must differ), one proxy per app.
  const instancePorts: number[][] = [];
  for (let instance = 0; instance < INSTANCES; instance += 1) instancePorts.push(await distinctPorts(APPS.length, instancePorts.flat()));
  const proxyPorts = await distinctPorts(APPS.length, instancePorts.flat());
  const urls = Object.fromEntries(APPS.map(({ app }, index) => [app, `http://127.0.0.1:${proxyPorts[index]}`])) as Record<
    (typeof APPS)[number]['app'],
    string
  >;
  const database = 'infobank_scale';
  const env: Record<string, string> = {
    ...sharedAppEnvironment(root, database),
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(primaryPort),
    DATABASE_READ_HOST: '127.0.0.1',
    DATABASE_READ_PORT: String(replicaPort),
    REDIS_CLUSTER_NODES: redis.nodes,
    REDIS_PREFIX: 'scale',
    ...Object.fromEntries(APPS.map(({ app, variable }) => [`${variable}_PUBLIC_URL`, urls[app]])),
  };
  forgetInheritedSecrets();
  const portsOf = (instance: number) =>
    Object.fromEntries(APPS.map(({ variable }, index) => [`${variable}_PORT`, String(instancePorts[instance][index])]));
  const quiet = { ...env, ...portsOf(0), LOG_LEVEL: 'warn' };
  await Promise.all([admin(quiet, ['keys:ensure']), admin(quiet, ['db:migrate'])]);
  const owner = await primary.client(database);
  await owner.query('SET ROLE "infobank_owner"');
  await owner.query(COMMIT_CLOCK_SQL);
  await owner.end();
  progress('migrated (the replica follows by streaming)');

  const apps = APPS.flatMap(({ app }, index) =>
    instancePorts.map(
      (ports, instance) =>
        new ManagedProcess({ name: `${app}-${instance + 1}`, app, port: ports[index], env: { ...env, ...portsOf(instance) } }, logs),
    ),
  );
  const workerPorts = await distinctPorts(options.workers, [...instancePorts.flat(), ...proxyPorts]);
  const workers = workerPorts.map(
    (workerPort, index) =>
      new ManagedProcess(
        { name: `worker-${index + 1}`, app: 'worker', port: null, env: { ...env, ...portsOf(0), WORKER_PORT: String(workerPort) } },
        logs,
      ),
  );
  const processes = [...apps, ...workers];
  cleanUps.push({ what: 'stop the apps and workers', undo: async () => void (await Promise.all(processes.map((child) => child.stop()))) });
  const proxies = await Promise.all(
    APPS.map(({ app }, index) =>
      RoundRobinProxy.start(
        app,
        proxyPorts[index],
        instancePorts.map((ports) => ports[index]),
      ),
    ),
  );
  cleanUps.push({ what: 'close the proxies', undo: async () => void (await Promise.all(proxies.map((proxy) => proxy.close()))) });

  const traffic = new Traffic();
  // Three members, one of them external: the quorum an offer's approval needs.
  const members = ['legal', 'engineer', 'consumer'].map((expertise) => ({
    expertise,
    email: `${expertise}.${randomUUID()}@board.example.jp`,
    password: `scale-${randomUUID()}`,
  }));
  const [seeded] = await Promise.all([
    seed(quiet, traffic, urls),
    ...members.map((member) => {
      const passwordFile = join(root, `${member.expertise}.password`);
      writeFileSync(passwordFile, member.password, { mode: 0o600 });
      return admin(quiet, [
        ...['board:add-member', '--email', member.email, '--password-file', passwordFile],
        ...['--name', `委員 ${member.expertise}`, '--expertise', member.expertise],
        ...(member.expertise === 'consumer' ? ['--external'] : []),
      ]);
    }),
    startFewAtATime(processes, 4),
  ]);
  progress(`started ${apps.length} app instances and ${workers.length} workers; seeded a provider, two recipients and two board members`);
  for (const proxy of proxies) {
    const instances = apps.filter((child) => child.spec.app === proxy.name).map((child) => child.spec.port);
    progress(`${proxy.name.padEnd(13)} ${proxy.url}  (round-robin over instances on ${instances.join(', ')})`);
  }
  progress(
    `PostgreSQL: psql -h 127.0.0.1 -p ${primaryPort} -U postgres ${database}  (replica: -p ${replicaPort}); Redis: redis-cli -c -p ${redis.ports[0]}`,
  );
  progress(`logs in ${logs}`);

  if (!options.check) {
    progress('running; Ctrl-C stops everything');
    await new Promise<never>(() => undefined);
  }

  const board: BoardMember[] = members.map(({ email, password }) => ({ email, password }));
  // A third offer, approved by the board's votes over HTTP, joins the two seeded ones in the workload.
  const recipients = [...seeded.recipients];
  const offerApproval = await approveOfferOverHttp(traffic, urls['ethics-board'], seeded.recipients[0].client, board).then(
    (offerId) => {
      recipients.push({ client: seeded.recipients[0].client, offerId });
      return { ok: true, offerId, violations: [] as string[] };
    },
    (error: Error) => ({ ok: false, offerId: null, violations: [error.message] }),
  );
  progress(`offer approval over HTTP: ${JSON.stringify(offerApproval)}`);
  const workload = new Workload(
    traffic,
    { ...urls, board: urls['ethics-board'] },
    seeded.provider,
    recipients,
    board.slice(0, 2),
    new MailDrop(env.MAIL_DIR),
  );
  await workload.populate(options.individuals);
  progress(`populated through the proxies: ${JSON.stringify(workload.counts)}`);
  const started = Date.now();
  const coreDeadline = started + options.seconds * 1000;
  await workload.run(coreDeadline, { maxIndividuals: options.individuals * 2 });
  progress(`core path ran ${options.seconds} s: ${JSON.stringify(workload.counts)}`);

  // The sealer's failover, with the workload still appending leaves beside it.
  const db = await primary.client(database);
  const failoverDeadline = Date.now() + 45_000;
  const [sealerFailover] = await Promise.all([
    killTheSealer(db, workers, { huntMs: 30_000, boundMs: 10_000 }).finally(() => workload.stop()),
    workload.run(failoverDeadline, { maxIndividuals: options.individuals * 2 }),
  ]);
  progress(`sealer failover: ${JSON.stringify(sealerFailover)}`);

  // Drain: the outbox empty and every accepted transfer settled, then one more seal.
  const drainStarted = Date.now();
  for (;;) {
    const [{ pending, open }] = (
      await db.query(
        `SELECT (SELECT count(*) FROM "outbox" WHERE "completed_at" IS NULL AND "available_at" <= now()) AS "pending",
                (SELECT count(*) FROM "transfers" WHERE "status" IN ('requested', 'processing')) AS "open"`,
      )
    ).rows;
    if ((Number(pending) === 0 && Number(open) === 0) || Date.now() - drainStarted > 120_000) break;
    await sleep(500);
  }
  await sleep(2_500);
  progress(`drained in ${((Date.now() - drainStarted) / 1000).toFixed(1)} s; checking`);

  const checks = {
    corePath: corePathRan(workload.counts, traffic.exchanges),
    offerApproval,
    noLostWork: await noLostWork(db, workload.accepted),
    noDuplicates: await noDuplicates(db, workload.accepted),
    noProvisionAfterRevocationErasureOrOrder: await commitOrder(db),
    everyRecipientNoticed: await recipientsNoticed(db),
    transparencyLog: await transparencyLog(db, urls.portal),
    sealerFailover,
    replicaStreams: await replicaStreams(db, replica, database),
    noServerErrors: errorsOnlyInFaults(traffic.exchanges, [], 0, 0),
  };
  await db.end();
  const violations = Object.entries(checks).flatMap(([name, result]) => result.violations.map((violation) => `${name}: ${violation}`));
  const report = {
    ok: violations.length === 0,
    generatedAt: new Date().toISOString(),
    options,
    machine: { cpus: cpus().length, loadAverage: loadavg().map((value) => Math.round(value * 100) / 100) },
    topology: {
      postgres: { primary: primaryPort, replica: replicaPort },
      redisCluster: { nodes: redis.nodes, queuesSlot: await redis.nodeOfKey('{scale}'), keysPerNode: await redis.keysPerNode() },
      proxies: Object.fromEntries(
        proxies.map((proxy) => [proxy.name, { url: proxy.url, servedPerInstance: Object.fromEntries(proxy.served) }]),
      ),
      workers: workers.map((worker) => worker.name),
    },
    seconds: Math.round((Date.now() - started) / 1000),
    workload: workload.counts,
    checks,
    violations,
  };
  if (!report.ok)
    progress(`violations found${options.logs ? `; the processes' logs are in ${logs}` : '; run again with --logs DIR to keep the logs'}`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.ok) process.exitCode = 1;
}

/**
 * Starts the processes `concurrency` at a time: eleven Nest processes starting at once on a loaded
 * two-core machine each take longer than the supervisor's start timeout.
 */
async function startFewAtATime(processes: readonly ManagedProcess[], concurrency: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < processes.length) await processes[next++].start();
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

/** `count` spare ports, distinct from each other and from `taken`. */
async function distinctPorts(count: number, taken: readonly number[]): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await sparePort();
    if (!ports.includes(port) && !taken.includes(port)) ports.push(port);
  }
  return ports;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping everything the run started`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 0 : 130));
  });
}

main()
  .catch((error: unknown) => {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit(process.exitCode ?? 0);
  });
