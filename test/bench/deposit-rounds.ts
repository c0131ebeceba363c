// `node dist/test/bench/deposit-rounds.js [rounds]`: sets the deposits scenario up once (intake app, 4 providers,
// 10,000 linked individuals, 12 signed batches of 5,000 records), then posts the same 12 batches once a round on
// an emptied vault (records, versions, batches and data keys deleted, so every round creates its data keys as
// the scenario does), one JSON line a round on stdout: seconds, the benchmark process's CPU by thread kind
// (from /proc/self/task), the run's PostgreSQL backends' CPU and transactions. Two builds compare by running
// this from each, alternately. BENCH_CPU_PROFILE_DIR writes a CPU profile of the main thread for each round's
// batches there (run node with --cpu-prof --cpu-prof-dir for the preparation threads').
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { backendCpuBetween, backendCpuSeconds } from './backend-cpu';
import { withBenchEnvironment } from './bench-environment';
import { progress, roundTo } from './measure';
import {
  BATCHES_PER_PROVIDER,
  batchOf,
  postConcurrently,
  PROVIDERS,
  RECORDS_PER_BATCH,
  registerLinkedProviders,
  startIntake,
  WARM_UP_RECORDS,
} from './scenarios/deposits.bench';

const TICKS_PER_SECOND = 100;

/** CPU seconds of this process's threads, summed by thread name (main thread apart). */
function threadCpu(): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = Number(tid) === process.pid ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byName.set(name, (byName.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return byName;
}

function threadCpuBetween(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [name, total] of after) used[name] = roundTo(total - (before.get(name) ?? 0), 2);
  return used;
}

async function transactions(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(rows[0].n);
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const profileDirectory = process.env.BENCH_CPU_PROFILE_DIR;
  await withBenchEnvironment(async (environment) => {
    const { app, url } = await startIntake(environment);
    const pool = new Pool({ ...environment.postgres, max: PROVIDERS });
    try {
      const { providers, registered } = await registerLinkedProviders(app, url, pool);
      progress(`deposit-rounds: signing ${PROVIDERS * BATCHES_PER_PROVIDER} batches`);
      const batches: string[][] = [];
      for (const [index, provider] of providers.entries()) {
        const signed: string[] = [];
        for (let batch = 0; batch < BATCHES_PER_PROVIDER; batch += 1) {
          signed.push(await provider.signBatch(batchOf(registered[index].slug, `b${batch}`, RECORDS_PER_BATCH)));
        }
        batches.push(signed);
      }
      const warmUp = await Promise.all(
        providers.map((provider, index) => provider.signBatch(batchOf(registered[index].slug, 'warm-up', WARM_UP_RECORDS))),
      );
      for (let round = 1; round <= rounds; round += 1) {
        await environment.dataSource.query(`TRUNCATE "vault_record_versions", "vault_records", "deposit_batches", "data_keys" CASCADE`);
        for (const provider of providers) await provider.signIn();
        await postConcurrently(
          providers,
          warmUp.map((jws) => [jws]),
        );
        // Autovacuum of the emptied tables is not the deposits' work: let it settle before the clock starts.
        await environment.dataSource.query(`VACUUM ANALYZE "vault_records", "data_keys", "deposit_batches"`);
        const load = loadavg()[0];
        progress(`deposit-rounds: round ${round}`);
        const session = profileDirectory === undefined ? undefined : new Session();
        if (session !== undefined) {
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.start');
        }
        const transactionsBefore = await transactions(pool);
        const backendsBefore = await backendCpuSeconds(pool);
        const threadsBefore = threadCpu();
        const processBefore = process.cpuUsage();
        const deposited = await postConcurrently(providers, batches);
        const processCpu = process.cpuUsage(processBefore);
        const threads = threadCpuBetween(threadsBefore, threadCpu());
        const backendCpu = backendCpuBetween(backendsBefore, await backendCpuSeconds(pool));
        const transactionsUsed = (await transactions(pool)) - transactionsBefore;
        if (session !== undefined && profileDirectory !== undefined) {
          const { profile } = await session.post('Profiler.stop');
          writeFileSync(join(profileDirectory, `deposits-main-${process.pid}-${round}.cpuprofile`), JSON.stringify(profile));
          session.disconnect();
        }
        const [{ n: keys }] = await environment.dataSource.query(`SELECT count(*)::int AS n FROM "data_keys"`);
        process.stdout.write(
          `${JSON.stringify({
            round,
            load: roundTo(load, 1),
            seconds: roundTo(deposited.seconds, 2),
            processCpuSeconds: roundTo((processCpu.user + processCpu.system) / 1e6, 2),
            threads,
            backendCpuSeconds: backendCpu,
            // Includes this harness's few reads around the batches.
            transactions: transactionsUsed,
            dataKeys: keys,
          })}\n`,
        );
      }
    } finally {
      await pool.end();
      await app.close();
    }
  });
}

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
