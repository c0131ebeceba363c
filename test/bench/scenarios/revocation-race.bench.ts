import type { BenchEnvironment } from '../bench-environment';
import { progress, summarise, type ScenarioMeasurement } from '../measure';
import { runRevocationRace } from '../revocation-race-harness';

const DEFAULT_TRIALS = 10_000;
const MAX_TRIALS = 100_000;
const CONCURRENCY = 8;
const MAX_DELAY_MS = 150;

/** Seeding and building 10,000 one-subject parts took 720 s and 10,000 trials 650 s on the 2-core box: an hour leaves room. */
export const REVOCATION_RACE_TIMEOUT_MS = 3_600_000;

/** RACE_TRIALS (default 10,000): how many revoke-vs-download trials to run. */
function trialsWanted(): number {
  const raw = process.env.RACE_TRIALS ?? String(DEFAULT_TRIALS);
  const trials = Number(raw);
  if (!/^\d+$/.test(raw) || trials < 1 || trials > MAX_TRIALS) throw new Error(`RACE_TRIALS must be an integer from 1 to ${MAX_TRIALS}`);
  return trials;
}

/**
 * `npm run bench -- revocation-race`: RACE_TRIALS trials of DownloadPartUseCase against RevokeConsentUseCase
 * on one-subject parts (test/bench/revocation-race-harness.ts), judged by the database's commit order.
 * Prints { trials, providedBeforeRevocation, refused, violations, seconds } on stderr; fails the run when
 * any provision committed after its consent's revocation or anything else is inconsistent.
 */
export async function revocationRace(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const trials = trialsWanted();
  const config = { ...environment.config, keys: { ...environment.config.keys, directory: environment.keysDirectory } };
  const result = await runRevocationRace(
    { config, dataSource: environment.dataSource, logger: environment.logger },
    { trials, concurrency: CONCURRENCY, maxDelayMs: MAX_DELAY_MS, progress },
  );
  const { providedBeforeRevocation, refused, violations, anomalies } = result;
  const seconds = Math.round(result.seconds * 100) / 100;
  progress(`revocation race: ${JSON.stringify({ trials, providedBeforeRevocation, refused, violations, anomalies, seconds })}`);
  if (violations > 0 || anomalies > 0) {
    throw new Error(`revocation race: ${violations} violations, ${anomalies} anomalies; first findings ${JSON.stringify(result.findings)}`);
  }
  return [
    summarise(
      {
        name: 'revocation_race',
        description: `revoke-vs-download trials on one-subject parts, ${CONCURRENCY} at a time, the revocation started 0-${MAX_DELAY_MS} ms after the download; a latency is one trial (both sides settled)`,
        operations: trials,
        baseline: null,
        details: {
          trials,
          providedBeforeRevocation,
          refused,
          violations,
          anomalies,
          seconds,
          setupSeconds: Math.round(result.setupSeconds * 10) / 10,
        },
      },
      { seconds: result.seconds, latenciesMs: result.trialLatenciesMs },
    ),
  ];
}
