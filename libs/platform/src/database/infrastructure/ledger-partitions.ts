import type { EntityManager } from 'typeorm';

/** Months made ahead of the current one (the migration that partitions the ledgers makes as many). */
export const LEDGER_PARTITION_MONTHS_AHEAD = 3;

/**
 * Makes the monthly partitions of the ledgers that grow without bound (provision_records, transparency_log_leaves)
 * for `since`'s month through `monthsAhead` months after `now`, each with the parent's grants and no-truncate
 * trigger (the database function `ensure_ledger_partitions`, owned by the owner role, does it). Idempotent; returns
 * how many partitions it made. A database migrated before the ledgers were partitioned has no such function: 0.
 */
export async function ensureLedgerPartitions(
  manager: Pick<EntityManager, 'query'>,
  options: { now: Date; since?: Date; monthsAhead?: number },
): Promise<number> {
  const [{ present }]: { present: boolean }[] = await manager.query(
    `SELECT to_regprocedure('ensure_ledger_partitions(timestamptz, timestamptz)') IS NOT NULL AS "present"`,
  );
  if (!present) return 0;
  const [{ made }]: { made: number }[] = await manager.query(
    `SELECT ensure_ledger_partitions($1::timestamptz, $2::timestamptz + make_interval(months => $3)) AS "made"`,
    [options.since ?? options.now, options.now, options.monthsAhead ?? LEDGER_PARTITION_MONTHS_AHEAD],
  );
  return made;
}
