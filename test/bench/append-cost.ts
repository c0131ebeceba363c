import { createRequestContext, Transactions, withTransaction } from '@infobank/platform';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import { SealTransparencyLogUseCase, TransparencyLog, TransparencyLogStore } from '@infobank/transparency-log';
import { Pool } from 'pg';
import { backendCpuBetween, backendCpuSeconds } from './backend-cpu';
import { withBenchEnvironment } from './bench-environment';
import { timeConcurrent } from './measure';

/**
 * CPU and WAL of appends and of the seals that follow them: `node dist/test/bench/append-cost.js` (after `npm run build`).
 * Each round appends 1,000 leaves from 8 clients (each in its own transaction, as the `ledger` scenario does), then
 * seals them 30 at a time (about what that scenario's back-to-back sealer takes per seal). Prints, per 1,000 leaves, the
 * CPU milliseconds of this run's PostgreSQL backends (/proc) and of this process, and the WAL bytes written meanwhile
 * (`pg_current_wal_lsn()` before and after: the whole cluster's, so other databases' writes count too; compare the
 * rounds' smallest figures). Then the WAL records and bytes of one append's INSERT alone (`EXPLAIN (ANALYZE, WAL)`).
 */
const ROUNDS = 3;
const LEAVES = 1_000;
const CLIENTS = 8;
const LEAVES_PER_SEAL = 30;
const ctx = createRequestContext({ type: 'system', name: 'transparency-log-append-cost' });

async function main(): Promise<void> {
  await withBenchEnvironment(async ({ dataSource, keysDirectory, postgres }) => {
    const keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial({ keysDirectory, generateIfMissing: true }));
    const sealer = new SealTransparencyLogUseCase(keyRing, new Transactions(dataSource), new TransparencyLogStore(dataSource));
    const log = new TransparencyLog(new TransparencyLogStore(dataSource));
    const reader = new Pool({ ...postgres, max: 1 });
    const walPosition = async (): Promise<string> =>
      (await reader.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS "lsn"`)).rows[0].lsn;
    const walBytes = async (from: string): Promise<number> =>
      Number((await reader.query<{ n: string }>(`SELECT pg_current_wal_lsn() - $1::pg_lsn AS "n"`, [from])).rows[0].n);
    const measure = async (work: () => Promise<unknown>) => {
      const backendsBefore = await backendCpuSeconds(reader);
      const lsn = await walPosition();
      const processBefore = process.cpuUsage();
      await work();
      const used = process.cpuUsage(processBefore);
      const wal = await walBytes(lsn);
      return {
        backendMs: Math.round(backendCpuBetween(backendsBefore, await backendCpuSeconds(reader)) * 1000),
        processMs: Math.round((used.user + used.system) / 1000),
        walBytes: wal,
      };
    };
    try {
      for (let round = 1; round <= ROUNDS; round += 1) {
        const appends = await measure(() =>
          timeConcurrent(LEAVES, CLIENTS, (index) =>
            dataSource.transaction((manager) =>
              log.append(withTransaction(ctx, manager), {
                kind: 'bench.leaf',
                body: Buffer.from(`append cost ${round} ${index}`.padEnd(150)),
              }),
            ),
          ),
        );
        let seals = 0;
        const sealing = await measure(async () => {
          for (;;) {
            const result = await dataSource.transaction((manager) =>
              sealer.execute(withTransaction(ctx, manager), { maxLeaves: LEAVES_PER_SEAL }),
            );
            if (result.outcome !== 'sealed') break;
            seals += 1;
          }
        });
        console.log(JSON.stringify({ round, leaves: LEAVES, appends, seals, sealing }));
      }
      const [plan] = await dataSource.transaction(async (manager) => {
        const rows: { 'QUERY PLAN': unknown }[] = await manager.query(
          `EXPLAIN (ANALYZE, WAL, BUFFERS, FORMAT JSON)
           INSERT INTO "transparency_log_leaves" ("id", "kind", "body", "appended_xid")
           VALUES (gen_random_uuid(), 'bench.leaf', $1, pg_current_xact_id()::text::bigint)`,
          [Buffer.from('one append'.padEnd(150))],
        );
        return rows.map((row) => row['QUERY PLAN']);
      });
      const top = (plan as { Plan: Record<string, unknown> }[])[0].Plan;
      console.log(JSON.stringify({ oneInsert: { walRecords: top['WAL Records'], walBytes: top['WAL Bytes'], walFpi: top['WAL FPI'] } }));
    } finally {
      await reader.end();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
