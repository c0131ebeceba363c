// The scale-out run's own checks, beside the chaos run's invariants it reuses: that every step of the
// end-to-end core path happened through the proxies, and that the replica really streams the primary.
import type { Client } from 'pg';
import type { Exchange } from '../chaos/clients';
import type { Check } from '../chaos/invariants';
import type { PostgresCluster } from '../chaos/services';
import { sleep } from '../chaos/services';
import type { WorkloadCounts } from '../chaos/workload';

/** The routes of the core path, each of which must have answered 2xx at least once. */
const CORE_ROUTES: Record<string, (exchange: Exchange) => boolean> = {
  'sign-up': (exchange) => exchange.route === 'POST /v1/auth/register',
  'mail verification': (exchange) => exchange.route === 'POST /v1/auth/verify-email',
  link: (exchange) => exchange.route === 'POST /v1/me/links',
  'signed deposit': (exchange) => exchange.app === 'intake' && exchange.route.startsWith('POST') && exchange.route.includes('/v1/deposits'),
  'offer approval vote': (exchange) => exchange.route === 'POST /v1/cases/:id/votes',
  consent: (exchange) => exchange.route === 'POST /v1/me/consents',
  transfer: (exchange) => exchange.app === 'gateway' && exchange.route.startsWith('POST') && exchange.route.includes('/v1/transfers'),
  download: (exchange) => exchange.app === 'gateway' && exchange.route.includes('/parts/'),
  withdrawal: (exchange) => exchange.route === 'POST /v1/me/consents/:id/revoke',
  'history read': (exchange) => exchange.route === 'GET /v1/me/provisions',
};

/** Every core-path step answered 2xx at least once (the invariants say whether what they did holds). */
export function corePathRan(counts: WorkloadCounts, exchanges: readonly Exchange[]): Check {
  const succeeded: Record<string, number> = {};
  for (const [step, matches] of Object.entries(CORE_ROUTES)) {
    succeeded[step] = exchanges.filter((exchange) => matches(exchange) && exchange.status >= 200 && exchange.status < 300).length;
  }
  const violations = Object.entries(succeeded)
    .filter(([, count]) => count === 0)
    .map(([step]) => `no ${step} succeeded through the proxies`);
  if (counts.partsDownloaded === 0) violations.push('no package part was downloaded');
  return { ok: violations.length === 0, succeeded, violations };
}

/**
 * The replica streams from the primary (pg_stat_replication says `streaming`), replays the primary's
 * latest WAL position within a few seconds, and then holds the same ledger rows.
 */
export async function replicaStreams(primary: Client, replica: PostgresCluster, database: string): Promise<Check> {
  const violations: string[] = [];
  const states = await primary.query<{ state: string }>(`SELECT "state" FROM "pg_stat_replication"`);
  if (!states.rows.some((row) => row.state === 'streaming'))
    violations.push(`the primary streams to no replica (${JSON.stringify(states.rows)})`);
  const { rows } = await primary.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS "lsn"`);
  const standby = await replica.client(database);
  let caughtUpMs: number | null = null;
  const began = Date.now();
  try {
    while (Date.now() - began < 10_000) {
      const replayed = await standby.query<{ caughtUp: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS "caughtUp"`, [
        rows[0].lsn,
      ]);
      if (replayed.rows[0].caughtUp) {
        caughtUpMs = Date.now() - began;
        break;
      }
      await sleep(20);
    }
    if (caughtUpMs === null) violations.push(`the replica did not replay ${rows[0].lsn} within 10 s`);
    const count = `SELECT (SELECT count(*) FROM "consent_events") + (SELECT count(*) FROM "provision_records") AS "rows"`;
    const [onPrimary, onReplica] = await Promise.all([primary.query<{ rows: string }>(count), standby.query<{ rows: string }>(count)]);
    if (onPrimary.rows[0].rows !== onReplica.rows[0].rows)
      violations.push(`ledger rows differ: ${onPrimary.rows[0].rows} on the primary, ${onReplica.rows[0].rows} on the replica`);
    const recovery = await standby.query<{ standby: boolean }>(`SELECT pg_is_in_recovery() AS "standby"`);
    if (!recovery.rows[0].standby) violations.push('the replica is not in recovery (it is not a standby)');
    return { ok: violations.length === 0, caughtUpMs, ledgerRows: Number(onPrimary.rows[0].rows), violations };
  } finally {
    await standby.end();
  }
}
