// The chaos run's options: the ten-minute default, the one-minute `--short` CI version, the command
// line, and the sabotages that break an invariant on purpose to show that its check fails.
import { FAULT_KINDS, type FaultKind } from './faults';

export interface Options {
  durationSeconds: number;
  individuals: number;
  maxIndividuals: number;
  workers: number;
  gapSeconds: number;
  hangSeconds: number;
  latencySeconds: number;
  latencyMs: number;
  redisDownSeconds: number;
  recoveryBoundSeconds: number;
  sealBoundSeconds: number;
  drainSeconds: number;
  /**
   * How long after a Redis data loss intake and the gateway may refuse organisations (503): the replay
   * caches refuse any proof that could predate the loss, i.e. the DPoP window (60 s) and twice the clock
   * skew (10 s) of libs/auth's client-authentication policy, plus a margin.
   */
  replayRefusalSeconds: number;
  once: boolean;
  /** Where the processes' logs go (kept after the run); by default a temporary directory that is removed. */
  logs: string | null;
  /** Invariants to break on purpose, to show that their checks catch it (see SABOTAGES). */
  sabotage: Sabotage[];
  kinds: FaultKind[];
}

const FULL: Options = {
  durationSeconds: 600,
  individuals: 150,
  maxIndividuals: 300,
  workers: 2,
  gapSeconds: 8,
  hangSeconds: 8,
  latencySeconds: 8,
  latencyMs: 150,
  redisDownSeconds: 3,
  // A restarted worker loads every library before it runs; on a shared two-core machine that has taken 30 s.
  recoveryBoundSeconds: 60,
  sealBoundSeconds: 15,
  drainSeconds: 90,
  replayRefusalSeconds: 90,
  once: false,
  logs: null,
  sabotage: [],
  kinds: [...FAULT_KINDS],
};

/** The CI version: one of each fault in about a minute, a small population. */
const SHORT: Options = {
  ...FULL,
  durationSeconds: 60,
  individuals: 10,
  maxIndividuals: 25,
  gapSeconds: 1,
  hangSeconds: 6,
  latencySeconds: 3,
  redisDownSeconds: 1,
  drainSeconds: 45,
  once: true,
};

/**
 * Ways to break one invariant on purpose, each after the workload (as the superuser, triggers off) except
 * `replay`, which deletes the replay caches' Postgres marker before the flush so that a lost Redis looks
 * like a first start. Each must make its check (and the run) fail.
 */
const SABOTAGES = ['lost-work', 'duplicates', 'commit-order', 'notices', 'log', 'replay', 'errors'] as const;
export type Sabotage = (typeof SABOTAGES)[number];

export const SABOTAGE_SQL: Record<Exclude<Sabotage, 'replay' | 'errors'>, string> = {
  'lost-work': `UPDATE "transfers" SET "status" = 'processing' WHERE "id" = (SELECT "id" FROM "transfers" ORDER BY "requested_at" LIMIT 1)`,
  duplicates: `ALTER TABLE "benefit_entries" DROP CONSTRAINT "uq_benefit_entries_provision";
    INSERT INTO "benefit_entries" SELECT gen_random_uuid(), "individual_id", "provision_id", "offer_id", "recipient_id", "recipient_name",
      "purpose_text", "type", "amount", "description", "credited_at" FROM "benefit_entries" LIMIT 1`,
  'commit-order': `INSERT INTO "chaos_commits" ("tick", "what", "row_id", "consent_id")
    SELECT 0, 'revocation', gen_random_uuid()::text, "consent_id" FROM "provision_records" LIMIT 1`,
  notices: `DELETE FROM "withdrawal_notice_provisions" WHERE "provision_id" = (SELECT "provision_id" FROM "withdrawal_notice_provisions" LIMIT 1)`,
  log: `UPDATE "transparency_log_leaves" SET "body" = "body" || '\\x00'::bytea WHERE "leaf_index" = 0`,
};

const USAGE = `npm run chaos -- [--short] [--duration S] [--individuals N] [--max-individuals N] [--workers N]
  [--gap S] [--hang S] [--latency S] [--latency-ms MS] [--redis-down S] [--recovery-bound S] [--seal-bound S]
  [--drain S] [--replay-refusal S] [--once] [--faults kind,kind,...] [--logs DIR] [--sabotage ${SABOTAGES.join(',')}]   (kinds: ${FAULT_KINDS.join(', ')})`;

export function parseOptions(argv: string[]): Options {
  const options: Options = { ...(argv.includes('--short') ? SHORT : FULL) };
  const numeric: Record<string, keyof Options> = {
    '--duration': 'durationSeconds',
    '--individuals': 'individuals',
    '--max-individuals': 'maxIndividuals',
    '--workers': 'workers',
    '--gap': 'gapSeconds',
    '--hang': 'hangSeconds',
    '--latency': 'latencySeconds',
    '--latency-ms': 'latencyMs',
    '--redis-down': 'redisDownSeconds',
    '--recovery-bound': 'recoveryBoundSeconds',
    '--seal-bound': 'sealBoundSeconds',
    '--drain': 'drainSeconds',
    '--replay-refusal': 'replayRefusalSeconds',
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--short') continue;
    if (argument === '--once') options.once = true;
    else if (argument === '--logs') options.logs = argv[++index] ?? null;
    else if (argument === '--sabotage') {
      const names = (argv[++index] ?? '').split(',') as Sabotage[];
      if (!names.every((name) => SABOTAGES.includes(name))) throw new Error(`--sabotage: some of ${SABOTAGES.join(', ')}\n${USAGE}`);
      options.sabotage = names;
    } else if (argument === '--faults') {
      const kinds = (argv[++index] ?? '').split(',');
      const unknown = kinds.filter((kind) => !FAULT_KINDS.includes(kind as FaultKind));
      if (unknown.length > 0) throw new Error(`Unknown fault kind ${unknown.join(', ')}\n${USAGE}`);
      options.kinds = kinds as FaultKind[];
    } else if (argument in numeric) {
      const value = Number(argv[++index]);
      if (!Number.isFinite(value) || value < 0) throw new Error(`${argument} needs a non-negative number\n${USAGE}`);
      (options as unknown as Record<string, number>)[numeric[argument]] = value;
    } else throw new Error(`Unknown option ${argument}\n${USAGE}`);
  }
  if (options.workers < 2) throw new Error('--workers: at least 2');
  options.maxIndividuals = Math.max(options.maxIndividuals, options.individuals);
  return options;
}
