// `node dist/test/bench/transfer-rounds.js [rounds]`: seeds the transfers scenario once, then measures one transfer a
// round on the same database (CPU by process, a per-part timeline), one JSON line a round on stdout. Seeding takes
// minutes on a busy machine; rounds take seconds. BENCH_WORKER_MAINS (comma-separated paths to built workers'
// main.js) alternates worker builds round by round, to compare two on one database; BENCH_OPENING (`thread`,
// `main` or both, comma-separated) alternates where the recipient's client opens parts; BENCH_WORKER_NODE_ARGS
// (space-separated, say `--cpu-prof --cpu-prof-dir=/tmp/profiles`) go to the worker's node.
import { Pool } from 'pg';
import { withBenchEnvironment } from './bench-environment';
import { startBenchWorker } from './bench-worker';
import { progress, roundTo } from './measure';
import { rawBullmqAddNoop } from './scenarios/bullmq.bench';
import { measureTransfer, openProvisionPath, seedTransfers, timelineText } from './scenarios/transfers.bench';

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const mains = (process.env.BENCH_WORKER_MAINS ?? '').split(',').filter((main) => main !== '');
  const nodeArguments = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter((argument) => argument !== '');
  const openings = (process.env.BENCH_OPENING ?? 'thread').split(',') as ('thread' | 'main')[];
  await withBenchEnvironment(async (environment) => {
    const app = await openProvisionPath(environment);
    const pool = new Pool({ ...environment.postgres, max: 2 });
    try {
      const seeded = await seedTransfers(app, pool);
      // One worker for every round unless builds alternate (a worker takes a minute to start on a busy machine).
      const shared = mains.length <= 1 ? await startBenchWorker(environment, mains[0], nodeArguments) : undefined;
      try {
        for (let round = 1; round <= rounds; round += 1) {
          const main = mains.length === 0 ? undefined : mains[(round - 1) % mains.length];
          const opening = openings[(round - 1) % openings.length];
          const worker = shared ?? (await startBenchWorker(environment, main, nodeArguments));
          try {
            await worker.idle();
            const [, drain] = await rawBullmqAddNoop(environment);
            const load = (await import('node:os')).loadavg()[0];
            progress(`round ${round}: one transfer (worker ${main ?? 'default'})`);
            const measured = await measureTransfer(environment, app, pool, worker, seeded, opening);
            const { client } = measured;
            process.stdout.write(
              `${JSON.stringify({
                round,
                worker: main ?? 'default',
                opening,
                load: roundTo(load, 1),
                seconds: roundTo(measured.seconds, 3),
                drainPerSecond: drain.ratePerSecond,
                ratio: roundTo(10_000 / measured.seconds / drain.ratePerSecond, 3),
                lastPartBuilt: measured.lastPartBuilt,
                firstPartOpened: measured.firstPartOpened,
                cpu: measured.cpu,
                downloadMs: client.downloadMs.map((ms) => Math.round(ms)),
                openMs: client.openMs.map((ms) => Math.round(ms)),
                polls: client.polls,
                timeline: timelineText(measured.timeline),
              })}\n`,
            );
          } finally {
            if (shared === undefined) await worker.stop();
          }
          // The offer allows 4 transfers a month: the next round's admission must not count this one's subjects.
          await environment.dataSource.query(
            `UPDATE "transfer_subjects" SET "reserved_at" = "reserved_at" - interval '62 days' WHERE "offer_id" = $1`,
            [seeded.offerId],
          );
        }
      } finally {
        await shared?.stop();
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
