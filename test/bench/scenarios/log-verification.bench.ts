import { performance } from 'node:perf_hooks';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import { LogLedgerReader, RunLogVerificationPageUseCase, StartLogVerificationUseCase, VerifyLogInlineUseCase } from '@infobank/oversight';
import { createRequestContext, Transactions } from '@infobank/platform';
import { leafHash, SealTransparencyLogUseCase, TransparencyLogStore } from '@infobank/transparency-log';
import type { BenchEnvironment } from '../bench-environment';
import { seedLogLedgers } from '../log-ledger-seed';
import { progress, ScenarioMeasurement, summarise } from '../measure';

/** Leaves verified (`LOG_VERIFICATION_BENCH_LEAVES`, default 1,000,000): half consent events, half provision records. */
const LEAVES = Number(process.env.LOG_VERIFICATION_BENCH_LEAVES ?? 1_000_000);
/** Leaves written (and sealed) per transaction while seeding. */
const SEED_CHUNK = 20_000;
export const LOG_VERIFICATION_TIMEOUT_MS = 60 * 60_000;

/**
 * Full log verification in leaves per second over a log of LEAVES leaves (consent events and provision
 * records as the ledgers write them, sealed under signed checkpoints). Baseline: raw SHA-256 leaf
 * hashing (0x00 ‖ body) over the same leaf bytes, read from the database page by page; only the
 * hashing is timed. Measured: the whole run as `log:verify-all` does it (pages of 5,000 leaves, each
 * rebuilt from its ledger row, the tree, every stored node, every checkpoint and consistency proof).
 */
export async function logVerification(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const { dataSource } = environment;
  const keyRing = await BankKeyRing.fromKeyMaterial(
    await loadKeyMaterial({ keysDirectory: environment.keysDirectory, generateIfMissing: true }),
  );
  const sealer = new SealTransparencyLogUseCase(keyRing, new Transactions(dataSource), new TransparencyLogStore(dataSource));
  const reader = new LogLedgerReader(dataSource.manager);
  // Other scenarios may have left leaves of their own; this one verifies only the leaves it adds.
  const fromSize = await sealAll(dataSource, sealer, await reader.latestTreeSize());

  progress(`log_verification: seeding ${LEAVES} leaves`);
  for (let seeded = 0; seeded < LEAVES; seeded += SEED_CHUNK) {
    const chunk = Math.min(SEED_CHUNK, LEAVES - seeded);
    await seedLogLedgers(dataSource, { consentEvents: Math.ceil(chunk / 2), provisions: Math.floor(chunk / 2) });
    await sealAll(dataSource, sealer, fromSize + seeded + chunk);
    if ((seeded / SEED_CHUNK) % 10 === 0) progress(`log_verification: ${seeded + chunk} leaves seeded and sealed`);
  }
  const toSize = fromSize + LEAVES;

  progress('raw_sha256_leaf_hash: hashing the same leaf bytes');
  let hashingMs = 0;
  for (let start = fromSize; start < toSize; start += 5000) {
    const leaves = await reader.leaves(start, Math.min(toSize, start + 5000));
    const began = performance.now();
    for (const leaf of leaves) leafHash(leaf.body);
    hashingMs += performance.now() - began;
  }

  progress(`log_verification: verifying leaves ${fromSize} to ${toSize}`);
  const verify = new VerifyLogInlineUseCase(
    new StartLogVerificationUseCase(new Transactions(dataSource)),
    new RunLogVerificationPageUseCase(new Transactions(dataSource), keyRing),
  );
  const began = performance.now();
  let pages = 0;
  const pageMs: number[] = [];
  let pageStarted = began;
  const result = await verify.execute(
    createRequestContext({ type: 'operator', name: 'bench' }),
    { fromSize, toSize },
    {
      onPage: (run) => {
        pages += 1;
        pageMs.push(performance.now() - pageStarted);
        pageStarted = performance.now();
        if (pages % 20 === 0) progress(`log_verification: ${run.checkedSize - fromSize}/${LEAVES} leaves checked`);
      },
    },
  );
  const seconds = (performance.now() - began) / 1000;
  if (result.status !== 'passed') throw new Error(`log_verification: expected a clean log, found ${result.failureCount} failures`);

  return [
    summarise(
      {
        name: 'raw_sha256_leaf_hash',
        description: 'SHA-256(0x00 ‖ leaf) over the same leaf bytes, in memory (reads not timed)',
        operations: LEAVES,
        baseline: null,
      },
      { seconds: hashingMs / 1000, latenciesMs: [] },
    ),
    summarise(
      {
        name: 'log_verification',
        description: `full log verification of ${LEAVES} leaves (half consent events, half provisions): leaf bytes rebuilt from ledger rows, tree, nodes, checkpoints, consistency; latency = one page of 5,000 leaves`,
        operations: LEAVES,
        baseline: 'raw_sha256_leaf_hash',
        details: { pages, checkpoints: result.checkpointsChecked },
      },
      { seconds, latenciesMs: pageMs },
    ),
  ];
}

/** Seals until the log holds `size` leaves (the sealer takes at most 20,000 leaves a run). */
async function sealAll(_dataSource: BenchEnvironment['dataSource'], sealer: SealTransparencyLogUseCase, size: number): Promise<number> {
  for (;;) {
    const outcome = await sealer.execute(createRequestContext({ type: 'system', name: 'test' }));
    if (outcome.outcome !== 'busy' && outcome.treeSize >= size) return outcome.treeSize;
  }
}
