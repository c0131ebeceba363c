import { encodeRowCursor, ensureLedgerPartitions } from '@infobank/platform';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { BenchEnvironment } from '../bench-environment';
import { progress, roundTo, sleep, summarise, timeConcurrent, type Timing, type ScenarioMeasurement } from '../measure';
import { startPortalProcess, type PortalProcess } from '../portal-process';

const TOTAL_ROWS = 5_000_000;
/** Every fifth row is the reader's: 1,000,000 of 5,000,000. */
const READER_SHARE = 5;
/** Months of history before the current one, one partition each (250,000 rows a month). */
const MONTHS = 20;
const READERS = 8;
const REQUESTS = 800;
/** Requests of each page, raw and over HTTP, before any is timed. */
const WARM_UP = 800;
const PAGE = 50;
/** The deep page starts after this many of the reader's provisions (newest first). */
const DEEP_OFFSET = 600_000;
/**
 * Seeding takes a couple of minutes on a quiet machine and over five on a busy one; the warm-up (3,200 requests) and
 * the timed pages another three there (a run at load 30: about 9 minutes in all, seed 323 s).
 */
export const HISTORY_TIMEOUT_MS = 900_000;

/** The route's page statement, the shape the raw baseline runs through pg (provision-history.queries.ts). */
const PAGE_COLUMNS = `"id", "recipient_id", "recipient_name", "offer_id", "purpose_code", "purpose_text", "items",
  cardinality("record_digests") AS "records", "provided_at", "consent_id", "consent_version", "benefit",
  "provided_at" + make_interval(days => "data_life_days") AS "data_life_ends_at"`;
const FIRST_PAGE_SQL = `SELECT ${PAGE_COLUMNS} FROM "provision_records" WHERE "individual_id" = $1::uuid
  ORDER BY "provided_at" DESC, "id" DESC LIMIT ${PAGE + 1}`;
const DEEP_PAGE_SQL = `SELECT ${PAGE_COLUMNS} FROM "provision_records" WHERE "individual_id" = $1::uuid
  AND ("provided_at", "id") < ($2::timestamptz, $3::uuid) AND "provided_at" <= $2::timestamptz
  ORDER BY "provided_at" DESC, "id" DESC LIMIT ${PAGE + 1}`;

/**
 * The board's audit reads at this size (libs/oversight/src/audit/infrastructure/provision-audit.queries.ts, written out
 * here as that file builds them): first page across recipients, first page of one recipient, a month's summary of one
 * recipient, and an audit cursor's position lookup (by id alone, so every month's partition is probed).
 */
const AUDIT_STATEMENTS: Record<string, string> = {
  auditFirstPage: `SELECT p."id", p."subject_id", p."recipient_id", p."recipient_name", p."offer_id", p."purpose_code", p."items",
      cardinality(p."record_digests") AS "records", p."consent_id", p."consent_version", p."transfer_id", p."part", p."provided_at", l."leaf_index"
    FROM "provision_records" p LEFT JOIN "transparency_log_leaves" l ON l."id" = p."leaf_id"
    ORDER BY (p."provided_at" AT TIME ZONE 'UTC') DESC, p."id" DESC LIMIT 51`,
  auditRecipientPage: `SELECT p."id", p."provided_at", l."leaf_index"
    FROM "provision_records" p LEFT JOIN "transparency_log_leaves" l ON l."id" = p."leaf_id"
    WHERE p."recipient_id" = '00000000-0000-4000-9000-000000000007'::uuid
    ORDER BY p."provided_at" DESC, p."id" DESC LIMIT 51`,
  auditRecipientMonthSummary: `SELECT p."recipient_id", p."purpose_code", c."category_code",
      date_trunc('day', p."provided_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS "bucket_start", count(*)::int AS "provisions",
      count(DISTINCT p."individual_id")::int AS "subjects", sum(cardinality(p."record_digests"))::int AS "records"
    FROM "provision_records" p
    CROSS JOIN LATERAL (SELECT DISTINCT split_part(i.item, '#', 1) AS "category_code" FROM unnest(p."items") AS i(item)) c
    WHERE p."recipient_id" = '00000000-0000-4000-9000-000000000007'::uuid
      AND p."provided_at" >= date_trunc('month', now()) - interval '2 months' AND p."provided_at" < date_trunc('month', now()) - interval '1 month'
    GROUP BY 1, 2, 3, 4 ORDER BY 4, 1, 2, 3`,
  auditCursorLookup: `SELECT "provided_at" FROM "provision_records" WHERE "id" = $1::uuid`,
};

/** EXPLAIN ANALYZE of each audit statement: its execution time, and whether it sorted or scanned a whole partition. */
async function explainAudit(pool: Pool, someProvisionId: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const [name, sql] of Object.entries(AUDIT_STATEMENTS)) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      sql.includes('$1') ? [someProvisionId] : [],
    );
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    const executionMs = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
    const sorts = /^\s*(->\s+)?(Incremental )?Sort\s+\(/m.test(plan);
    const seqScans = (plan.match(/Seq Scan on provision_records_p/g) ?? []).length;
    found[name] = `${executionMs} ms${sorts ? ', sorts' : ''}${seqScans > 0 ? `, ${seqScans} partition seq scans` : ''}`;
    progress(`history: EXPLAIN ANALYZE ${name}: ${found[name]}\n${plan}`);
  }
  return found;
}

/** Registers and signs in one individual over HTTP: their id and a real access token. */
async function signedInIndividual(url: string): Promise<{ id: string; accessToken: string }> {
  const details = { email: `history-bench@example.jp`, password: 'correct horse battery staple', displayName: '履歴 太郎', language: 'ja' };
  const registered = await fetch(`${url}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(details),
  });
  const { id } = (await registered.json()) as { id?: string };
  const login = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: details.email, password: details.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken?: string };
  if (id === undefined || accessToken === undefined) throw new Error(`history: sign-up ${registered.status}, sign-in ${login.status}`);
  return { id, accessToken };
}

/** The run's database's committed and rolled-back transactions so far (each statement the portal sends on its own is one). */
async function transactions(pool: Pool): Promise<number> {
  // A backend publishes its counters when it goes idle, but no more than once a second: one still busy a moment ago
  // publishes within 10 s of going idle (PostgreSQL 15's PGSTAT_IDLE_INTERVAL).
  await sleep(11_000);
  const { rows } = await pool.query<{ count: string }>(
    `SELECT ("xact_commit" + "xact_rollback")::text AS "count" FROM pg_stat_database WHERE "datname" = current_database()`,
  );
  return Number(rows[0].count);
}

/**
 * `operation` timed `count` times, `concurrency` at a time, with what each request cost the portal: CPU milliseconds of
 * its process and transactions on the database (this reading's own one taken off).
 */
async function timePortalRequests(
  pool: Pool,
  portal: PortalProcess,
  count: number,
  concurrency: number,
  operation: () => Promise<void>,
): Promise<{ timing: Timing; perRequest: Record<string, number> }> {
  const transactionsBefore = await transactions(pool);
  const cpuBefore = portal.cpuSeconds();
  const timing = await timeConcurrent(count, concurrency, operation);
  const cpuAfter = portal.cpuSeconds();
  const transactionsAfter = await transactions(pool);
  return {
    timing,
    perRequest: {
      ...(cpuBefore === null || cpuAfter === null ? {} : { portalCpuMsPerRequest: roundTo(((cpuAfter - cpuBefore) * 1000) / count, 2) }),
      transactionsPerRequest: roundTo((transactionsAfter - transactionsBefore - 1) / count, 2),
    },
  };
}

/**
 * 5,000,000 provision records over 20 monthly partitions, 1,000,000 of them the reader's. Each month is loaded into a
 * (unlogged) table of its own without indexes, then attached (PostgreSQL builds the parent's indexes on it in one pass each), two
 * months at a time: a couple of minutes instead of the half hour row-by-row index upkeep would take.
 */
async function seed(pool: Pool, individualId: string, firstMonth: Date): Promise<void> {
  const perMonth = TOTAL_ROWS / MONTHS;
  const months = Array.from({ length: MONTHS }, (_unused, index) => index);
  let nextMonth = 0;
  const loader = async (): Promise<void> => {
    for (let month = nextMonth++; month < MONTHS; month = nextMonth++) {
      const from = new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + months[month], 1));
      const to = new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + months[month] + 1, 1));
      const table = `provision_records_p${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
      const client = await pool.connect();
      try {
        // Unlogged: the seed skips WAL (this database is dropped after the run); reads are the same.
        await client.query(`SET maintenance_work_mem = '256MB'`);
        await client.query(`CREATE UNLOGGED TABLE "${table}" (LIKE "provision_records" INCLUDING DEFAULTS)`);
        // Spread evenly over the month; every fifth row is the reader's; 2,000 other individuals, 40 recipients.
        await client.query(
          `INSERT INTO "${table}"
           SELECT gen_random_uuid(),
                  CASE WHEN n % ${READER_SHARE} = 0 THEN $1::uuid ELSE ('00000000-0000-4000-8000-' || lpad(to_hex(n % 2000), 12, '0'))::uuid END,
                  'subject-' || (n % 2000), ('00000000-0000-4000-9000-' || lpad(to_hex(n % 40), 12, '0'))::uuid,
                  ('00000000-0000-4000-a000-' || lpad(to_hex(n % 40), 12, '0'))::uuid, gen_random_uuid(), 1, gen_random_uuid(), 1,
                  ARRAY['purchase.receipts#/lineItems', 'purchase.receipts#/total'], ARRAY['sha256:bench-digest-1', 'sha256:bench-digest-2'],
                  '{"ja":"ベンチ受領者","en":"Bench recipient"}', 'marketing.analysis', '{"ja":"購買傾向の分析","en":"Purchase analysis"}',
                  '{"type":"points","amount":10,"description":{"ja":"10ポイント"}}', 30,
                  $2::timestamptz + (n * ($3::timestamptz - $2::timestamptz) / ${perMonth}), gen_random_uuid()
             FROM generate_series(0, ${perMonth - 1}) AS n`,
          [individualId, from, to],
        );
        await client.query(
          `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_range" CHECK ("provided_at" >= '${from.toISOString()}' AND "provided_at" < '${to.toISOString()}')`,
        );
        await client.query(
          `ALTER TABLE "provision_records" ATTACH PARTITION "${table}" FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`,
        );
        await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_range"`);
      } finally {
        client.release();
      }
    }
  };
  await Promise.all([loader(), loader()]);
  await pool.query(`ANALYZE "provision_records"`);
}

/**
 * An individual's provision history at size: GET /v1/me/provisions over HTTP (the built portal in its own process, a real access
 * token, 8 concurrent readers), first page and a deep page reached by the route's own cursor, against the raw index
 * scan of the same shape through pg with 8 clients. Goal: p99 within 2× the raw query's.
 */
export async function history(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const pool = new Pool({ ...environment.postgres, max: READERS });
  const portal = await startPortalProcess(environment);
  try {
    const reader = await signedInIndividual(portal.url);
    const now = new Date();
    const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - MONTHS, 1));
    // The current month and those ahead exist (migration); the seeded months are attached below instead.
    await ensureLedgerPartitions(environment.dataSource.manager, { now });
    progress(`history: seeding ${TOTAL_ROWS.toLocaleString('en')} provision rows over ${MONTHS} months, 1 in ${READER_SHARE} the reader's`);
    const seedStarted = performance.now();
    await seed(pool, reader.id, firstMonth);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    progress(`history: seeded in ${seedSeconds.toFixed(1)} s`);

    // The provision just above the deep page's start, and the one that starts it (the raw baseline's position).
    const [above, deep]: { id: string; provided_at: Date }[] = (
      await pool.query(
        `SELECT "id", "provided_at" FROM "provision_records" WHERE "individual_id" = $1 ORDER BY "provided_at" DESC, "id" DESC OFFSET ${DEEP_OFFSET - 2} LIMIT 2`,
        [reader.id],
      )
    ).rows;
    const fetchPage = async (query: string): Promise<{ provisions?: { id: string }[]; nextCursor?: string | null }> => {
      const response = await fetch(`${portal.url}/v1/me/provisions?${query}`, {
        headers: { authorization: `Bearer ${reader.accessToken}` },
      });
      const body = (await response.json()) as { provisions?: { id: string }[]; nextCursor?: string | null };
      if (response.status !== 200) throw new Error(`history: GET ${query} answered ${response.status}`);
      return body;
    };
    // The route's own cursor after `deep`: a one-provision page from an id-only cursor (as issued before cursors carried
    // the time) at `above` answers `deep` and the cursor the route issues after it, as paging 600,000 rows would.
    const step = await fetchPage(`limit=1&cursor=${encodeRowCursor(above.id, 'A provision cursor')}`);
    if (step.provisions?.[0]?.id !== deep.id || typeof step.nextCursor !== 'string')
      throw new Error('history: the route did not step onto the deep row');
    const deepCursor = step.nextCursor;
    const get = async (query: string): Promise<void> => {
      const body = await fetchPage(query);
      if (body.provisions?.length !== PAGE) throw new Error(`history: GET ${query} answered ${body.provisions?.length} provisions`);
    };
    const raw = async (sql: string, parameters: unknown[]): Promise<void> => {
      const { rows } = await pool.query(sql, parameters);
      if (rows.length !== PAGE + 1) throw new Error(`history: the raw page returned ${rows.length} rows`);
    };
    const deepParameters = [reader.id, deep.provided_at, deep.id];
    // Warm every page of both paths (plans, caches, connections, the portal's compiled code) before timing. A fresh
    // portal's first 800 timed requests cost it about 1 ms of CPU more each than its next 800 (JIT compilation, on
    // its own threads), whichever page they read: with 32 deep pages of warm-up, the first page, timed first, paid it.
    await timeConcurrent(WARM_UP, READERS, () => raw(FIRST_PAGE_SQL, [reader.id]));
    await timeConcurrent(WARM_UP, READERS, () => raw(DEEP_PAGE_SQL, deepParameters));
    await timeConcurrent(WARM_UP, READERS, () => get(`limit=${PAGE}`));
    await timeConcurrent(WARM_UP, READERS, () => get(`limit=${PAGE}&cursor=${deepCursor}`));

    progress(`history: ${REQUESTS} first and deep pages, raw and over HTTP, ${READERS} at a time`);
    const rawFirst = await timeConcurrent(REQUESTS, READERS, () => raw(FIRST_PAGE_SQL, [reader.id]));
    const httpFirst = await timePortalRequests(pool, portal, REQUESTS, READERS, () => get(`limit=${PAGE}`));
    const rawDeep = await timeConcurrent(REQUESTS, READERS, () => raw(DEEP_PAGE_SQL, deepParameters));
    const httpDeep = await timePortalRequests(pool, portal, REQUESTS, READERS, () => get(`limit=${PAGE}&cursor=${deepCursor}`));

    const audit = await explainAudit(pool, deep.id);
    const details = {
      ...audit,
      rows: TOTAL_ROWS,
      readerRows: TOTAL_ROWS / READER_SHARE,
      months: MONTHS,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
    };
    const lines = [
      summarise(
        {
          name: 'history_raw_first_page',
          description: `one raw index-scan page of ${PAGE}, pg, ${READERS} clients`,
          baseline: null,
          operations: REQUESTS,
          details,
        },
        rawFirst,
      ),
      summarise(
        {
          name: 'history_http_first_page',
          description: `GET /v1/me/provisions first page of ${PAGE} over HTTP, ${READERS} readers`,
          baseline: 'history_raw_first_page',
          operations: REQUESTS,
          details: httpFirst.perRequest,
        },
        httpFirst.timing,
      ),
      summarise(
        {
          name: 'history_raw_deep_page',
          description: `one raw index-scan page of ${PAGE} after ${DEEP_OFFSET.toLocaleString('en')} rows, pg, ${READERS} clients`,
          baseline: null,
          operations: REQUESTS,
        },
        rawDeep,
      ),
      summarise(
        {
          name: 'history_http_deep_page',
          description: `GET /v1/me/provisions page of ${PAGE} after ${DEEP_OFFSET.toLocaleString('en')} rows (the route's cursor) over HTTP, ${READERS} readers`,
          baseline: 'history_raw_deep_page',
          operations: REQUESTS,
          details: httpDeep.perRequest,
        },
        httpDeep.timing,
      ),
    ];
    // The goal is on latency: p99 over HTTP against the raw query's p99 of the same run.
    for (const [measured, baseline] of [
      [lines[1], lines[0]],
      [lines[3], lines[2]],
    ]) {
      if (measured.latencyMs && baseline.latencyMs) {
        measured.details = {
          ...(measured.details ?? {}),
          p99ToRawP99: Math.round((measured.latencyMs.p99 / baseline.latencyMs.p99) * 100) / 100,
          goalP99ToRawP99: 2,
        };
      }
    }
    return lines;
  } finally {
    await portal.stop();
    await pool.end();
  }
}
