import { randomUUID } from 'node:crypto';
import { createRequestContext, withTransaction, Transactions } from '@infobank/platform';
import { performance } from 'node:perf_hooks';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import { Pool } from 'pg';
import { SealTransparencyLogUseCase, TransparencyLog, TransparencyLogStore } from '@infobank/transparency-log';
import { backendCpuBetween, backendCpuSeconds } from '../backend-cpu';
import type { BenchEnvironment } from '../bench-environment';
import { progress, ScenarioMeasurement, sleep, summarise, timeConcurrent, type Timing } from '../measure';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

const LEAVES = 4_000;
const CLIENTS = 8;
export const LEDGER_TIMEOUT_MS = 120_000;

/** A consent-event-sized leaf body, different each time. */
const leafBody = (index: number): Buffer =>
  Buffer.from(
    JSON.stringify({ type: 'consent.granted', consentId: randomUUID(), version: 1, sequence: index, at: new Date().toISOString() }),
  );

// The naive design the log is measured against: every append locks the one head row and chains its hash.
const CREATE_CHAIN = [
  `CREATE TABLE "bench_chain_head" ("id" integer PRIMARY KEY, "sequence" bigint NOT NULL, "head" bytea NOT NULL)`,
  `CREATE TABLE "bench_chain" ("sequence" bigint PRIMARY KEY, "body" bytea NOT NULL, "hash" bytea NOT NULL)`,
  `INSERT INTO "bench_chain_head" VALUES (1, 0, sha256(''::bytea))`,
];
const APPEND_TO_CHAIN = `
  WITH "head" AS (SELECT "sequence", "head" FROM "bench_chain_head" WHERE "id" = 1 FOR UPDATE),
       "next" AS (SELECT "sequence" + 1 AS "sequence", sha256("head" || $1::bytea) AS "hash" FROM "head"),
       "chained" AS (INSERT INTO "bench_chain" SELECT "sequence", $1::bytea, "hash" FROM "next" RETURNING "sequence", "hash")
  UPDATE "bench_chain_head" SET "sequence" = "chained"."sequence", "head" = "chained"."hash" FROM "chained" WHERE "id" = 1`;

/**
 * Sealed leaves per second. Baseline: a per-row SQL hash chain (each append locks the head row, so
 * appends serialise; a leaf is "sealed" when its transaction commits). Measured: TransparencyLog.append
 * in the appenders' own transactions (no shared row) while the sealer runs, until every leaf is sealed
 * under a signed checkpoint.
 */
export async function ledger(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const bodies = Array.from({ length: LEAVES }, (_unused, index) => leafBody(index));

  const { dataSource } = environment;
  // Reads the backends' CPU from /proc (one connection of its own, counted with the others).
  const cpuReader = new Pool({ ...environment.postgres, max: 1 });
  try {
    for (const statement of CREATE_CHAIN) await dataSource.query(statement);
    progress(`naive_hash_chain_append: ${LEAVES} appends from ${CLIENTS} clients`);
    // Through the same client and transaction as the log's appends: a ledger append always runs inside
    // the transaction of the event it records, so the naive head lock is held until that commit.
    const chainCpu = await startCpu(cpuReader);
    const chain = await timeConcurrent(LEAVES, CLIENTS, (index) =>
      dataSource.transaction((manager) => manager.query(APPEND_TO_CHAIN, [bodies[index]])),
    );
    const chainUsed = await chainCpu();
    const [{ n: chained }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "bench_chain"`);
    if (chained !== LEAVES) throw new Error(`naive_hash_chain_append: expected ${LEAVES} rows, found ${chained}`);

    const log = new TransparencyLog(new TransparencyLogStore(dataSource));
    const keyRing = await BankKeyRing.fromKeyMaterial(
      await loadKeyMaterial({ keysDirectory: environment.keysDirectory, generateIfMissing: true }),
    );
    const sealer = new SealTransparencyLogUseCase(keyRing, new Transactions(dataSource), new TransparencyLogStore(dataSource));
    // Earlier scenarios of the run (consent grants) leave leaves of their own: sealed first, untimed.
    while ((await dataSource.transaction((manager) => sealer.execute(withTransaction(logCtx, manager)))).outcome !== 'nothing-to-seal') {
      await sleep(5);
    }
    const target = ((await log.latestCheckpoint(logCtx))?.treeSize ?? 0) + LEAVES;
    let appending = true;
    let seals = 0;
    const sealLoop = async (): Promise<void> => {
      // The worker's sealer runs every second; here it runs back to back, as it would under load.
      while (appending || (await log.latestCheckpoint(logCtx))?.treeSize !== target) {
        const result = await dataSource.transaction((manager) => sealer.execute(withTransaction(logCtx, manager)));
        if (result.outcome === 'sealed') seals += 1;
        else await sleep(5);
      }
    };
    progress(`transparency_log_append_and_seal: ${LEAVES} appends from ${CLIENTS} clients, sealed concurrently`);
    const logCpu = await startCpu(cpuReader);
    const started = performance.now();
    const sealing = sealLoop();
    const appends = await timeConcurrent(LEAVES, CLIENTS, (index) =>
      dataSource.transaction((manager) => log.append(withTransaction(logCtx, manager), { kind: 'bench.leaf', body: bodies[index] })),
    );
    appending = false;
    await sealing;
    const sealed: Timing = { seconds: (performance.now() - started) / 1000, latenciesMs: appends.latenciesMs };
    const logUsed = await logCpu();

    return [
      summarise(
        {
          name: 'naive_hash_chain_append',
          description: `per-row SQL hash chain: each append, in its own transaction like the log's, locks the head row and chains sha256 (${CLIENTS} clients); sealed at commit`,
          operations: LEAVES,
          baseline: null,
          details: chainUsed,
        },
        chain,
      ),
      summarise(
        {
          name: 'transparency_log_append_and_seal',
          description: `TransparencyLog.append in its own transaction (${CLIENTS} clients) until every leaf is sealed under a signed checkpoint; latency = one append`,
          operations: LEAVES,
          baseline: 'naive_hash_chain_append',
          details: { checkpoints: seals, appendSeconds: Math.round(appends.seconds * 1000) / 1000, ...logUsed },
        },
        sealed,
      ),
    ];
  } finally {
    await cpuReader.end();
  }
}

/**
 * Starts counting CPU: the returned function gives the seconds used since by this process (the clients, TypeORM, the
 * sealer's hashing and signing) and by this run's PostgreSQL backends. Unlike the rates, these hardly move with the
 * machine's load.
 */
async function startCpu(reader: Pool): Promise<() => Promise<{ processCpuSeconds: number; backendCpuSeconds: number }>> {
  const backendsBefore = await backendCpuSeconds(reader);
  const processBefore = process.cpuUsage();
  return async () => {
    const used = process.cpuUsage(processBefore);
    const backendCpu = backendCpuBetween(backendsBefore, await backendCpuSeconds(reader));
    return { processCpuSeconds: Math.round((used.user + used.system) / 10_000) / 100, backendCpuSeconds: backendCpu };
  };
}
