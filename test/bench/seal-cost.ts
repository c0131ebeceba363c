import { createRequestContext, Transactions, withTransaction } from '@infobank/platform';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import { SealTransparencyLogUseCase, TransparencyLog, TransparencyLogStore } from '@infobank/transparency-log';
import { processCpuSeconds } from './backend-cpu';
import { withBenchEnvironment } from './bench-environment';
import { timeConcurrent } from './measure';

/**
 * CPU of one seal, apart from the appends: `node dist/test/bench/seal-cost.js` (after `npm run build`). Each round
 * appends 3,000 leaves (8 clients), then seals them 30 at a time (about what the `ledger` scenario's back-to-back
 * sealer takes per seal) and runs 100 seals that find nothing, while a transaction of the same database stays open
 * (its id is in every snapshot, as the appenders' are in the scenario). Prints, per seal, the CPU milliseconds of the
 * sealer's PostgreSQL backend (/proc, 10 ms ticks summed over the round) and of this process (`process.cpuUsage()`),
 * which hardly depend on the machine's load, unlike the seconds.
 */
const ROUNDS = 3;
const LEAVES = 3_000;
const LEAVES_PER_SEAL = 30;
const EMPTY_SEALS = 100;
const ctx = createRequestContext({ type: 'system', name: 'transparency-log-seal-cost' });

async function main(): Promise<void> {
  await withBenchEnvironment(async ({ dataSource, keysDirectory }) => {
    const keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial({ keysDirectory, generateIfMissing: true }));
    const sealer = new SealTransparencyLogUseCase(keyRing, new Transactions(dataSource), new TransparencyLogStore(dataSource));
    const log = new TransparencyLog(new TransparencyLogStore(dataSource));
    const seal = () =>
      dataSource.transaction(async (manager) => {
        const [{ pid }] = await manager.query<{ pid: number }[]>(`SELECT pg_backend_pid() AS "pid"`);
        const backendBefore = processCpuSeconds(pid) ?? 0;
        const processBefore = process.cpuUsage();
        const result = await sealer.execute(withTransaction(ctx, manager), { maxLeaves: LEAVES_PER_SEAL });
        const used = process.cpuUsage(processBefore);
        return { result, backendMs: ((processCpuSeconds(pid) ?? 0) - backendBefore) * 1000, processMs: (used.user + used.system) / 1000 };
      });
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    try {
      for (let round = 1; round <= ROUNDS; round += 1) {
        await timeConcurrent(LEAVES, 8, (index) =>
          dataSource.transaction((manager) =>
            log.append(withTransaction(ctx, manager), { kind: 'bench.leaf', body: Buffer.from(`seal cost ${round} ${index}`.padEnd(150)) }),
          ),
        );
        await holder.startTransaction();
        await holder.query(`SELECT pg_current_xact_id()`);
        const sealed = { count: 0, backendMs: 0, processMs: 0 };
        const empty = { count: 0, backendMs: 0, processMs: 0 };
        while (empty.count < EMPTY_SEALS) {
          const { result, backendMs, processMs } = await seal();
          const into = result.outcome === 'sealed' ? sealed : empty;
          into.count += 1;
          into.backendMs += backendMs;
          into.processMs += processMs;
        }
        await holder.commitTransaction();
        const per = (total: number, count: number) => Math.round((total / count) * 100) / 100;
        console.log(
          JSON.stringify({
            round,
            seals: sealed.count,
            sealBackendMs: per(sealed.backendMs, sealed.count),
            sealProcessMs: per(sealed.processMs, sealed.count),
            emptySeals: empty.count,
            emptyBackendMs: per(empty.backendMs, empty.count),
            emptyProcessMs: per(empty.processMs, empty.count),
          }),
        );
      }
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
