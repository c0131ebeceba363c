// The checks a chaos run ends with, against the database (read as the superuser, straight to the
// cluster) and the APIs. Each returns its figures and the violations it found; the run fails on any.
import {
  leafHash,
  rootFromEdge,
  nodeHash,
  verifyCheckpoint,
  verifyConsistencyProofAgainstJwks,
  type BankJwks,
} from '@infobank/transparency-log';
import type { Client } from 'pg';
import type { Exchange } from './clients';
import type { FaultWindow } from './faults';
import type { Accepted } from './workload';

export interface Check {
  ok: boolean;
  violations: string[];
  [figure: string]: unknown;
}

const MAX_LISTED = 10;

function check(figures: Record<string, unknown>, violations: string[]): Check {
  return {
    ok: violations.length === 0,
    ...figures,
    violations: violations.slice(0, MAX_LISTED),
    ...(violations.length > MAX_LISTED ? { moreViolations: violations.length - MAX_LISTED } : {}),
  };
}

async function rows<T>(db: Client, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

// ------------------------------------------------------------------------------------------ commit clock

/**
 * The commit clock (as the revocation-race harness's): deferred constraint triggers take the next tick of
 * one counter row during COMMIT, whose row lock orders the ticks exactly as the database made the commits
 * visible. Stamped: provision records, revocations, erasures (vault record deletions) and stop-use
 * orders taking effect or being lifted. Installed as the owner role before the workload starts.
 */
export const COMMIT_CLOCK_SQL = `
  CREATE TABLE IF NOT EXISTS "chaos_clock" ("tick" bigint NOT NULL);
  INSERT INTO "chaos_clock" ("tick") SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM "chaos_clock");
  CREATE TABLE IF NOT EXISTS "chaos_commits" (
    "tick" bigint PRIMARY KEY,
    "what" text NOT NULL,
    "row_id" text NOT NULL,
    "consent_id" uuid,
    "individual_id" uuid,
    "offer_id" text
  );
  CREATE OR REPLACE FUNCTION "chaos_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    next_tick bigint;
  BEGIN
    UPDATE "chaos_clock" SET "tick" = "tick" + 1 RETURNING "tick" INTO next_tick;
    -- The table as the trigger names it: on a partitioned table (provision_records) TG_TABLE_NAME is the partition's.
    IF TG_ARGV[0] = 'provision_records' THEN
      INSERT INTO "chaos_commits" VALUES (next_tick, 'provision', NEW."id"::text, NEW."consent_id", NEW."individual_id", NEW."offer_id"::text);
    ELSIF TG_ARGV[0] = 'consent_events' THEN
      INSERT INTO "chaos_commits" VALUES (next_tick, 'revocation', NEW."id"::text, NEW."consent_id", NULL, NULL);
    ELSIF TG_ARGV[0] = 'vault_records' THEN
      INSERT INTO "chaos_commits" VALUES (next_tick, 'erasure', OLD."id"::text, NULL, OLD."individual_id", NULL);
    ELSE
      INSERT INTO "chaos_commits" VALUES (next_tick, 'order_' || NEW."status", NEW."id"::text, NULL, NULL, NEW."target_id");
    END IF;
    RETURN NULL;
  END $$;
  DROP TRIGGER IF EXISTS "chaos_provision" ON "provision_records";
  CREATE CONSTRAINT TRIGGER "chaos_provision" AFTER INSERT ON "provision_records"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "chaos_stamp"('provision_records');
  DROP TRIGGER IF EXISTS "chaos_revocation" ON "consent_events";
  CREATE CONSTRAINT TRIGGER "chaos_revocation" AFTER INSERT ON "consent_events"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."type" = 'consent_revoked') EXECUTE FUNCTION "chaos_stamp"('consent_events');
  DROP TRIGGER IF EXISTS "chaos_erasure" ON "vault_records";
  CREATE CONSTRAINT TRIGGER "chaos_erasure" AFTER DELETE ON "vault_records"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "chaos_stamp"('vault_records');
  DROP TRIGGER IF EXISTS "chaos_order" ON "stop_use_orders";
  CREATE CONSTRAINT TRIGGER "chaos_order" AFTER UPDATE ON "stop_use_orders"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."status" IS DISTINCT FROM OLD."status") EXECUTE FUNCTION "chaos_stamp"('stop_use_orders');
`;

// ------------------------------------------------------------------------------------------ the checks

/** Every accepted request terminal or downloadable, the outbox drained, every accepted record kept (unless erased). */
export async function noLostWork(db: Client, accepted: Accepted): Promise<Check> {
  const violations: string[] = [];
  const transferIds = [...accepted.transfers.keys()];
  const transfers = await rows<{ id: string; status: string }>(db, `SELECT "id", "status" FROM "transfers" WHERE "id" = ANY($1::uuid[])`, [
    transferIds,
  ]);
  const found = new Map(transfers.map((row) => [row.id, row.status]));
  for (const id of transferIds) {
    const status = found.get(id);
    if (status === undefined) violations.push(`accepted transfer ${id} is missing`);
    else if (!['ready', 'delivered', 'expired', 'cancelled'].includes(status))
      violations.push(`accepted transfer ${id} is still ${status}`);
  }
  const [{ pending }] = await rows<{ pending: string }>(
    db,
    `SELECT count(*) AS "pending" FROM "outbox" WHERE "completed_at" IS NULL AND "available_at" <= now()`,
  );
  if (Number(pending) > 0) violations.push(`${pending} due outbox rows not completed`);
  const recordIds = [...accepted.records].filter(([, individual]) => !accepted.erased.has(individual)).map(([recordId]) => recordId);
  const [{ kept }] = await rows<{ kept: string }>(
    db,
    `SELECT count(*) AS "kept" FROM "vault_records" WHERE "record_id" = ANY($1::text[])`,
    [recordIds],
  );
  if (Number(kept) !== recordIds.length) violations.push(`${recordIds.length - Number(kept)} accepted records are missing from the vault`);
  const [{ revoked }] = await rows<{ revoked: string }>(
    db,
    `SELECT count(DISTINCT "consent_id") AS "revoked" FROM "consent_events" WHERE "type" = 'consent_revoked' AND "consent_id" = ANY($1::uuid[])`,
    [[...accepted.revoked]],
  );
  if (Number(revoked) !== accepted.revoked.size)
    violations.push(`${accepted.revoked.size - Number(revoked)} answered revocations are not in the ledger`);
  const [{ consents }] = await rows<{ consents: string }>(
    db,
    `SELECT count(*) AS "consents" FROM "consents" WHERE "id" = ANY($1::uuid[])`,
    [[...accepted.consents]],
  );
  if (Number(consents) !== accepted.consents.size)
    violations.push(`${accepted.consents.size - Number(consents)} granted consents are missing`);
  return check(
    {
      acceptedTransfers: transferIds.length,
      acceptedRecords: accepted.records.size,
      outboxPending: Number(pending),
      revocations: accepted.revoked.size,
    },
    violations,
  );
}

/** One provision per transfer and individual, one benefit per provision, one notice per provision and kind, one transfer per key. */
export async function noDuplicates(db: Client, accepted: Accepted): Promise<Check> {
  const violations: string[] = [];
  const count = async (what: string, sql: string): Promise<number> => {
    const [{ n }] = await rows<{ n: string }>(db, sql);
    if (Number(n) > 0) violations.push(`${n} ${what}`);
    return Number(n);
  };
  const [{ provisions }] = await rows<{ provisions: string }>(db, `SELECT count(*) AS "provisions" FROM "provision_records"`);
  const [{ benefits }] = await rows<{ benefits: string }>(db, `SELECT count(*) AS "benefits" FROM "benefit_entries"`);
  const [{ notices }] = await rows<{ notices: string }>(db, `SELECT count(*) AS "notices" FROM "withdrawal_notices"`);
  await count(
    'transfers and individuals provided more than once',
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "provision_records" GROUP BY "transfer_id", "individual_id" HAVING count(*) > 1) d`,
  );
  await count(
    'provisions credited more than once',
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "benefit_entries" GROUP BY "provision_id" HAVING count(*) > 1) d`,
  );
  await count(
    'provisions without their benefit',
    `SELECT count(*) AS "n" FROM "provision_records" p WHERE NOT EXISTS (SELECT 1 FROM "benefit_entries" b WHERE b."provision_id" = p."id")`,
  );
  await count(
    'benefits without a provision',
    `SELECT count(*) AS "n" FROM "benefit_entries" b WHERE NOT EXISTS (SELECT 1 FROM "provision_records" p WHERE p."id" = b."provision_id")`,
  );
  await count(
    'provisions noticed twice for one kind',
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "withdrawal_notice_provisions" GROUP BY "provision_id", "kind" HAVING count(*) > 1) d`,
  );
  await count(
    'notices issued twice for one source',
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "withdrawal_notices" GROUP BY "recipient_id", "source_key" HAVING count(*) > 1) d`,
  );
  await count(
    'idempotency keys holding more than one transfer',
    `SELECT count(*) AS "n" FROM (SELECT 1 FROM "transfers" GROUP BY "recipient_id", "idempotency_key" HAVING count(*) > 1) d`,
  );
  const split = [...accepted.transfersByKey.values()].filter((ids) => ids.size > 1).length;
  if (split > 0) violations.push(`${split} Idempotency-Keys were answered with different transfers`);
  return check(
    { provisions: Number(provisions), benefits: Number(benefits), notices: Number(notices), idempotencyKeys: accepted.transfersByKey.size },
    violations,
  );
}

/** By the database's commit order: no provision after its consent's revocation, its individual's erasure, or while a stop-use order covered its offer. */
export async function commitOrder(db: Client): Promise<Check> {
  const violations: string[] = [];
  const [{ stamped, unstamped }] = await rows<{ stamped: string; unstamped: string }>(
    db,
    `SELECT (SELECT count(*) FROM "chaos_commits") AS "stamped",
            (SELECT count(*) FROM "provision_records" p WHERE NOT EXISTS (SELECT 1 FROM "chaos_commits" c WHERE c."row_id" = p."id"::text)) AS "unstamped"`,
  );
  if (Number(unstamped) > 0) violations.push(`${unstamped} provisions carry no commit tick (the clock is blind to them)`);
  const afterRevocation = await rows<{ id: string }>(
    db,
    `SELECT p."row_id" AS "id" FROM "chaos_commits" p JOIN "chaos_commits" r ON r."what" = 'revocation' AND r."consent_id" = p."consent_id"
      WHERE p."what" = 'provision' AND p."tick" > r."tick"`,
  );
  for (const { id } of afterRevocation) violations.push(`provision ${id} committed after the revocation of its consent`);
  const afterErasure = await rows<{ id: string }>(
    db,
    `SELECT DISTINCT p."row_id" AS "id" FROM "chaos_commits" p JOIN "chaos_commits" e ON e."what" = 'erasure' AND e."individual_id" = p."individual_id"
      WHERE p."what" = 'provision' AND p."tick" > e."tick"`,
  );
  for (const { id } of afterErasure) violations.push(`provision ${id} committed after its individual's data was erased`);
  const duringOrder = await rows<{ id: string }>(
    db,
    `SELECT DISTINCT p."row_id" AS "id" FROM "chaos_commits" p
       JOIN "chaos_commits" eff ON eff."what" = 'order_effective' AND eff."offer_id" = p."offer_id"
      WHERE p."what" = 'provision' AND p."tick" > eff."tick"
        AND NOT EXISTS (SELECT 1 FROM "chaos_commits" l WHERE l."what" = 'order_lifted' AND l."row_id" = eff."row_id" AND l."tick" < p."tick")`,
  );
  for (const { id } of duringOrder) violations.push(`provision ${id} committed while a stop-use order covered its offer`);
  const [{ erasures, revocations, orders }] = await rows<{ erasures: string; revocations: string; orders: string }>(
    db,
    `SELECT count(DISTINCT "individual_id") FILTER (WHERE "what" = 'erasure') AS "erasures",
            count(*) FILTER (WHERE "what" = 'revocation') AS "revocations",
            count(*) FILTER (WHERE "what" = 'order_effective') AS "orders" FROM "chaos_commits"`,
  );
  return check(
    {
      stampedCommits: Number(stamped),
      revocations: Number(revocations),
      erasedIndividuals: Number(erasures),
      stopUseOrders: Number(orders),
    },
    violations,
  );
}

/** Every provision made before a revocation or an erasure is in a notice of that kind to its recipient. */
export async function recipientsNoticed(db: Client): Promise<Check> {
  const violations: string[] = [];
  const unnoticedRevocations = await rows<{ id: string }>(
    db,
    `SELECT p."id" FROM "provision_records" p
      WHERE EXISTS (SELECT 1 FROM "consent_events" e WHERE e."consent_id" = p."consent_id" AND e."type" = 'consent_revoked')
        AND NOT EXISTS (SELECT 1 FROM "withdrawal_notice_provisions" n WHERE n."provision_id" = p."id" AND n."kind" = 'consent_revoked')`,
  );
  for (const { id } of unnoticedRevocations) violations.push(`provision ${id}: its consent was revoked but the recipient has no notice`);
  const unnoticedErasures = await rows<{ id: string }>(
    db,
    `SELECT p."id" FROM "provision_records" p
      WHERE EXISTS (SELECT 1 FROM "chaos_commits" c WHERE c."what" = 'erasure' AND c."individual_id" = p."individual_id")
        AND NOT EXISTS (SELECT 1 FROM "withdrawal_notice_provisions" n WHERE n."provision_id" = p."id" AND n."kind" = 'data_erased')`,
  );
  for (const { id } of unnoticedErasures) violations.push(`provision ${id}: its data was erased but the recipient has no notice`);
  const [{ revokedProvided, erasedProvided, noticeRows }] = await rows<{
    revokedProvided: string;
    erasedProvided: string;
    noticeRows: string;
  }>(
    db,
    `SELECT (SELECT count(*) FROM "provision_records" p WHERE EXISTS (SELECT 1 FROM "consent_events" e WHERE e."consent_id" = p."consent_id" AND e."type" = 'consent_revoked')) AS "revokedProvided",
            (SELECT count(*) FROM "provision_records" p WHERE EXISTS (SELECT 1 FROM "chaos_commits" c WHERE c."what" = 'erasure' AND c."individual_id" = p."individual_id")) AS "erasedProvided",
            (SELECT count(*) FROM "withdrawal_notice_provisions") AS "noticeRows"`,
  );
  return check(
    {
      provisionsUnderRevokedConsents: Number(revokedProvided),
      provisionsOfErasedData: Number(erasedProvided),
      noticedProvisions: Number(noticeRows),
    },
    violations,
  );
}

/** Every leaf sealed at a contiguous index, the root recomputed, the checkpoint's signature and consistency proofs verified. */
export async function transparencyLog(db: Client, apiUrl: string): Promise<Check> {
  const violations: string[] = [];
  const jwks = (await (await fetch(`${apiUrl}/.well-known/jwks.json`)).json()) as BankJwks;
  const latest = (await (await fetch(`${apiUrl}/v1/log/checkpoints/latest`)).json()) as { treeSize: number; checkpoint: string };
  const signed = await verifyCheckpoint(latest.checkpoint, jwks).catch((error: Error) => {
    violations.push(`the latest checkpoint does not verify: ${error.message}`);
    return null;
  });
  const [{ leaves, unsealed, maxIndex }] = await rows<{ leaves: string; unsealed: string; maxIndex: string | null }>(
    db,
    `SELECT count(*) AS "leaves", count(*) FILTER (WHERE "leaf_index" IS NULL) AS "unsealed", max("leaf_index") AS "maxIndex" FROM "transparency_log_leaves"`,
  );
  const sealed = Number(leaves) - Number(unsealed);
  if (Number(unsealed) > 0) violations.push(`${unsealed} leaves are not sealed`);
  if (maxIndex !== null && Number(maxIndex) !== sealed - 1)
    violations.push(`leaf indexes are not contiguous: ${sealed} sealed leaves, highest index ${maxIndex}`);
  if (signed !== null && signed.treeSize !== sealed)
    violations.push(`the latest checkpoint covers ${signed.treeSize} leaves, ${sealed} are sealed`);
  const [{ orphans }] = await rows<{ orphans: string }>(
    db,
    `SELECT (SELECT count(*) FROM "consent_events" e WHERE NOT EXISTS (SELECT 1 FROM "transparency_log_leaves" l WHERE l."id" = e."leaf_id" AND l."leaf_index" IS NOT NULL))
          + (SELECT count(*) FROM "provision_records" p WHERE NOT EXISTS (SELECT 1 FROM "transparency_log_leaves" l WHERE l."id" = p."leaf_id" AND l."leaf_index" IS NOT NULL)) AS "orphans"`,
  );
  if (Number(orphans) > 0) violations.push(`${orphans} ledger entries have no sealed leaf`);

  // The root from the leaves themselves (RFC 9162 MTH, folded over the right edge), in pages.
  const edge: { size: number; hash: Buffer }[] = [];
  const size = signed?.treeSize ?? sealed;
  for (let from = 0; from < size; from += 5_000) {
    const page = await rows<{ body: Buffer }>(
      db,
      `SELECT "body" FROM "transparency_log_leaves" WHERE "leaf_index" >= $1 AND "leaf_index" < $2 ORDER BY "leaf_index"`,
      [from, Math.min(size, from + 5_000)],
    );
    for (const { body } of page) {
      edge.push({ size: 1, hash: leafHash(body) });
      while (edge.length > 1 && edge[edge.length - 1].size === edge[edge.length - 2].size) {
        const right = edge.pop() as { size: number; hash: Buffer };
        const left = edge.pop() as { size: number; hash: Buffer };
        edge.push({ size: left.size * 2, hash: nodeHash(left.hash, right.hash) });
      }
    }
  }
  const rootMatches = signed !== null && size > 0 && rootFromEdge(edge).toString('base64url') === signed.rootHash;
  if (signed !== null && !rootMatches) violations.push('the root recomputed from the leaves differs from the signed checkpoint');

  // Consistency proofs from earlier checkpoints (spread over the run) to the latest.
  const earlier = await rows<{ tree_size: string }>(
    db,
    `SELECT "tree_size" FROM "transparency_log_checkpoints" WHERE "tree_size" < $1 ORDER BY random() LIMIT 12`,
    [size],
  );
  let verified = 0;
  for (const { tree_size } of earlier) {
    const response = await fetch(`${apiUrl}/v1/log/consistency?from=${tree_size}&to=${size}`);
    const proof = (await response.json()) as { consistencyPath: string[]; fromCheckpoint: string | null; toCheckpoint: string | null };
    if (response.status !== 200 || proof.fromCheckpoint === null || proof.toCheckpoint === null) {
      violations.push(`no consistency proof from ${tree_size} to ${size} (${response.status})`);
      continue;
    }
    try {
      await verifyConsistencyProofAgainstJwks(proof as { consistencyPath: string[]; fromCheckpoint: string; toCheckpoint: string }, jwks);
      verified += 1;
    } catch (error) {
      violations.push(`the consistency proof from ${tree_size} to ${size} does not verify: ${(error as Error).message}`);
    }
  }
  return check(
    { leaves: Number(leaves), treeSize: signed?.treeSize ?? null, rootMatches, consistencyProofsVerified: verified },
    violations,
  );
}

/** The oldest unsealed leaf's age, sampled through the run: never above the bound once a fault has healed and recovered. */
export function sealingNeverStalled(samples: { at: number; ageMs: number }[], windows: FaultWindow[], boundMs: number): Check {
  const violations: string[] = [];
  let worst = 0;
  let worstOutside = 0;
  for (const sample of samples) {
    worst = Math.max(worst, sample.ageMs);
    const excused = windows.some((window) => sample.at >= window.start && sample.at <= window.recovered + boundMs);
    if (excused) continue;
    worstOutside = Math.max(worstOutside, sample.ageMs);
    if (sample.ageMs > boundMs)
      violations.push(`at ${new Date(sample.at).toISOString()} a leaf had waited ${sample.ageMs} ms to be sealed, outside any fault`);
  }
  return check({ samples: samples.length, boundMs, maxUnsealedAgeMs: worst, maxUnsealedAgeOutsideFaultsMs: worstOutside }, violations);
}

/**
 * A client assertion and a DPoP proof used before a FLUSHALL are refused when sent again after it: any
 * 4xx, or the replay cache's 503 (it refuses every token that could predate the data loss).
 */
export function replaysRefused(trials: { what: string; before: number; after: number }[]): Check {
  const violations: string[] = [];
  for (const trial of trials) {
    if (trial.before !== 200) continue;
    if (trial.after === 0) violations.push(`${trial.what} replayed after a flush got no answer`);
    else if (trial.after < 400) violations.push(`${trial.what} replayed after a flush was accepted (${trial.after})`);
  }
  const tried = trials.filter((trial) => trial.before === 200).length;
  if (trials.length > 0 && tried === 0) violations.push('no replay could be tried (the first use never succeeded)');
  return check({ replaysTried: tried, trials }, violations);
}

/** Every process answered again within the bound after every fault, and none died by itself. */
export function processesRecovered(windows: FaultWindow[], unexpectedExits: { name: string; count: number }[], boundMs: number): Check {
  const violations: string[] = [];
  for (const window of windows) {
    if (!window.recoveredInTime)
      violations.push(`after ${window.kind} (${window.target}) some process still did not answer after ${boundMs} ms`);
  }
  for (const exit of unexpectedExits) if (exit.count > 0) violations.push(`${exit.name} exited by itself ${exit.count} time(s)`);
  const recoveries = windows.map((window) => window.recoveryMs);
  return check(
    {
      boundMs,
      maxRecoveryMs: recoveries.length === 0 ? 0 : Math.max(...recoveries),
      slowest:
        windows.reduce<FaultWindow | null>(
          (slowest, window) => (slowest === null || window.recoveryMs > slowest.recoveryMs ? window : slowest),
          null,
        )?.kind ?? null,
    },
    violations,
  );
}

/** Faults after which Redis holds nothing: the replay caches start a new epoch. */
const REDIS_DATA_LOSS = new Set(['redis-flush', 'redis-kill']);
/** The apps whose callers authenticate with client assertions and DPoP proofs (checked against the replay caches). */
const ORGANISATION_APPS = new Set(['intake', 'gateway']);

/**
 * 5xx only inside fault windows (until recovery plus a grace period), and only 503; no unanswered
 * request outside them. After a Redis data loss, intake and the gateway refuse (503) every assertion
 * and proof that could predate it, by design, for `replayRefusalMs`: that is part of the fault's window.
 */
export function errorsOnlyInFaults(exchanges: Exchange[], windows: FaultWindow[], graceMs: number, replayRefusalMs: number): Check {
  const violations: string[] = [];
  const byStatus: Record<string, number> = {};
  const inside = (at: number): boolean => windows.some((window) => at >= window.start - 1_000 && at <= window.recovered + graceMs);
  const refusingReplays = (exchange: Exchange): boolean =>
    ORGANISATION_APPS.has(exchange.app) &&
    windows.some(
      (window) => REDIS_DATA_LOSS.has(window.kind) && exchange.at >= window.start && exchange.at <= window.healed + replayRefusalMs,
    );
  let replayRefusals = 0;
  for (const exchange of exchanges) {
    byStatus[exchange.status] = (byStatus[exchange.status] ?? 0) + 1;
    const when = new Date(exchange.at).toISOString();
    if (exchange.status >= 500 && exchange.status !== 503)
      violations.push(`${exchange.app} ${exchange.route} answered ${exchange.status} at ${when}`);
    else if (exchange.status === 503 && !inside(exchange.at) && refusingReplays(exchange)) replayRefusals += 1;
    else if (exchange.status === 503 && !inside(exchange.at))
      violations.push(`${exchange.app} ${exchange.route} answered 503 outside any fault at ${when}`);
    else if (exchange.status === 0 && !inside(exchange.at))
      violations.push(`${exchange.app} ${exchange.route} did not answer, outside any fault, at ${when}`);
  }
  return check(
    { requests: exchanges.length, byStatus, graceMs, replayRefusalMs, replayEpochRefusalsAfterRecovery: replayRefusals },
    violations,
  );
}
