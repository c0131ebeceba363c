import { cpus, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { withBenchEnvironment, type BenchEnvironment } from './bench-environment';
import { compareToBaselines, progress, roundTo, within, type ScenarioMeasurement } from './measure';
import { rawBullmqAddNoop } from './scenarios/bullmq.bench';
import { consentGrants, CONSENT_GRANTS_TIMEOUT_MS } from './scenarios/consent-grants.bench';
import { deposits, DEPOSITS_TIMEOUT_MS } from './scenarios/deposits.bench';
import { envelopeEncryption } from './scenarios/envelope.bench';
import { history, HISTORY_TIMEOUT_MS } from './scenarios/history.bench';
import { ledger, LEDGER_TIMEOUT_MS } from './scenarios/ledger.bench';
import { logVerification, LOG_VERIFICATION_TIMEOUT_MS } from './scenarios/log-verification.bench';
import { outboxEndToEnd } from './scenarios/outbox-end-to-end.bench';
import { outboxEnqueue } from './scenarios/outbox-enqueue.bench';
import { rawPostgresInsert } from './scenarios/postgres.bench';
import { revocationRace, REVOCATION_RACE_TIMEOUT_MS } from './scenarios/revocation-race.bench';
import { ed25519Signing } from './scenarios/signing.bench';
import { transfers, TRANSFERS_TIMEOUT_MS } from './scenarios/transfers.bench';

/** A scenario still running after this long is stuck (say, Redis went away): the run fails and cleans up. */
const SCENARIO_TIMEOUT_MS = 60_000;

/** One scenario: its measurements name their baselines, which it measures itself in the same run. */
interface Scenario {
  /** What `npm run bench -- <name>` selects it by. */
  name: string;
  run: (environment: BenchEnvironment) => Promise<ScenarioMeasurement[]>;
  timeoutMs: number;
}

/** Baselines first: every measured scenario is compared to a baseline of the same run. */
const SCENARIOS: readonly Scenario[] = [
  { name: 'postgres', run: rawPostgresInsert, timeoutMs: SCENARIO_TIMEOUT_MS },
  { name: 'bullmq', run: rawBullmqAddNoop, timeoutMs: SCENARIO_TIMEOUT_MS },
  { name: 'signing', run: ed25519Signing, timeoutMs: SCENARIO_TIMEOUT_MS },
  { name: 'outbox-enqueue', run: outboxEnqueue, timeoutMs: SCENARIO_TIMEOUT_MS },
  { name: 'outbox-end-to-end', run: outboxEndToEnd, timeoutMs: SCENARIO_TIMEOUT_MS },
  { name: 'envelope', run: envelopeEncryption, timeoutMs: SCENARIO_TIMEOUT_MS },
  { name: 'deposits', run: deposits, timeoutMs: DEPOSITS_TIMEOUT_MS },
  { name: 'ledger', run: ledger, timeoutMs: LEDGER_TIMEOUT_MS },
  { name: 'transfers', run: transfers, timeoutMs: TRANSFERS_TIMEOUT_MS },
  { name: 'revocation-race', run: revocationRace, timeoutMs: REVOCATION_RACE_TIMEOUT_MS },
  { name: 'log-verification', run: logVerification, timeoutMs: LOG_VERIFICATION_TIMEOUT_MS },
  { name: 'history', run: history, timeoutMs: HISTORY_TIMEOUT_MS },
  // Last: its 100,000 standing-condition grants leave leaves and notification jobs the scenarios above would wait for.
  { name: 'consent-grants', run: consentGrants, timeoutMs: CONSENT_GRANTS_TIMEOUT_MS },
];

/** The scenarios named on the command line (`npm run bench -- deposits`), or all of them. */
function selectedScenarios(names: readonly string[]): readonly Scenario[] {
  const unknown = names.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`);
  }
  return names.length === 0 ? SCENARIOS : SCENARIOS.filter((scenario) => names.includes(scenario.name));
}

/**
 * `npm run bench [-- <scenario> ...]`: one JSON document on stdout, progress on stderr, a non-zero exit
 * code on failure.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const scenarios = selectedScenarios(process.argv.slice(2));
  const measurements = await withBenchEnvironment(async (environment) => {
    const lines: ScenarioMeasurement[] = [];
    for (const scenario of scenarios) {
      lines.push(...(await within(scenario.run(environment), scenario.timeoutMs, `scenario ${scenario.name}`)));
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
