import { cpus, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { withBenchEnvironment, type BenchEnvironment } from './bench-environment';
import { compareToBaselines, progress, roundTo, within, type ScenarioMeasurement } from './measure';
import { rawBullmqAddNoop } from './scenarios/bullmq.bench';
import { envelopeEncryption } from './scenarios/envelope.bench';
import { outboxEndToEnd } from './scenarios/outbox-end-to-end.bench';
import { outboxEnqueue } from './scenarios/outbox-enqueue.bench';
import { rawPostgresInsert } from './scenarios/postgres.bench';
import { ed25519Signing } from './scenarios/signing.bench';

/** A scenario still running after this long is stuck (say, Redis went away): the run fails and cleans up. */
const SCENARIO_TIMEOUT_MS = 60_000;

/** Baselines first: every measured scenario is compared to a baseline of the same run. */
const SCENARIOS: readonly ((environment: BenchEnvironment) => Promise<ScenarioMeasurement[]>)[] = [
  rawPostgresInsert,
  rawBullmqAddNoop,
  ed25519Signing,
  outboxEnqueue,
  outboxEndToEnd,
  envelopeEncryption,
];

/** `npm run bench`: one JSON document on stdout, progress on stderr, a non-zero exit code on failure. */
async function main(): Promise<void> {
  const started = performance.now();
  const measurements = await withBenchEnvironment(async (environment) => {
    const lines: ScenarioMeasurement[] = [];
    for (const scenario of SCENARIOS) {
      lines.push(...(await within(scenario(environment), SCENARIO_TIMEOUT_MS, `scenario ${scenario.name}`)));
    }
    return lines;
  });
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, platform: platform(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
    ratioToBaseline: 'ratePerSecond / the baseline ratePerSecond of the same run (below 1 = slower than the baseline)',
    totalSeconds: roundTo((performance.now() - started) / 1000, 2),
    scenarios: compareToBaselines(measurements),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  // Clean-up has run; a stuck scenario may still hold connections that would keep the process alive.
  process.exit(1);
});
