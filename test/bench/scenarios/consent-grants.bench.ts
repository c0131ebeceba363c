import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  EVALUATE_STANDING_CONDITIONS_JOB,
  EvaluateStandingConditionsUseCase,
  FIRST_INDIVIDUAL_CURSOR,
  STANDING_CONDITIONS_PAGE_SIZE,
} from '@infobank/consent';
import { PasswordHasher } from '@infobank/identity';
import { SCHEMA } from '@infobank/migrations';
import { OFFER_APPROVED_JOB } from '@infobank/offers';
import { createRequestContext, JobWorkerHost, OutboxRelay, QueueRegistry, type AppConfig } from '@infobank/platform';
import { Pool } from 'pg';
import {
  EvaluateStandingConditionsProcessor,
  OfferApprovedProcessor,
} from '../../../apps/worker/src/processors/standing-conditions.processor';
import {
  approveOffer,
  ConsentGrantingModule,
  registeredRecipient,
  seedStandingConditionIndividuals,
  submitMarketingOffer,
} from '../consent-granting';
import { backendCpuBetween, backendCpuSeconds } from '../backend-cpu';
import type { BenchEnvironment } from '../bench-environment';
import { startPortalProcess } from '../portal-process';
import { progress, roundTo, sleep, summarise, timeConcurrent, type ScenarioMeasurement } from '../measure';

/** Individuals whose standing conditions match the offer the board approves in the approval scenario. */
const MATCHING_INDIVIDUALS = 100_000;
const SEED_CHUNK = 20_000;
/** Grants timed in process for the bulk rate (pages of STANDING_CONDITIONS_PAGE_SIZE, each one transaction). */
const BULK_GRANTS = 20_000;
const HTTP_INDIVIDUALS = 50;
const HTTP_OFFERS = 40;
const HTTP_CLIENTS = 8;
const HTTP_WARM_UP = 40;
const APPROVAL_TIMEOUT_MS = 600_000;
const POLL_INTERVAL_MS = 200;
const BASELINE = 'raw_postgres_insert_8_clients';
const PASSWORD = 'bench-password-何度でも';

/** Seeding 100,000 individuals, granting them all through the worker path, then 20,000 in process and 2,000 over HTTP. */
export const CONSENT_GRANTS_TIMEOUT_MS = 900_000;

/**
 * `npm run bench -- postgres consent-grants`: consent grants against the raw 8-client single-row INSERT of
 * the same run (the `postgres` scenario): (c) the board approves an offer matching 100,000 individuals'
 * standing conditions and the real relay, BullMQ and worker processors grant page after page until the
 * last consent; (a) standing-condition pages evaluated in process (bulk grants/s); (b) single grants over
 * the portal's HTTP API from 8 concurrent clients with real sign-in tokens.
 */
export async function consentGrants(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const config: AppConfig = { ...environment.config, keys: { ...environment.config.keys, directory: environment.keysDirectory } };
  const app = await NestFactory.createApplicationContext(
    ConsentGrantingModule.register({ service: 'bench', config, logger: environment.logger, ...SCHEMA }),
    { logger: false, abortOnError: false },
  );
  const pool = new Pool({ ...environment.postgres, max: 2 });
  try {
    const recipientId = await registeredRecipient(app);
    progress(`consent_grants: seeding ${MATCHING_INDIVIDUALS} individuals with standing conditions (multi-row SQL)`);
    const seeding = performance.now();
    for (let start = 0; start < MATCHING_INDIVIDUALS; start += SEED_CHUNK) {
      const ids = Array.from({ length: Math.min(SEED_CHUNK, MATCHING_INDIVIDUALS - start) }, () => randomUUID());
      await seedStandingConditionIndividuals((text, values) => pool.query(text, values), { ids });
    }
    await pool.query('ANALYZE "accounts"; ANALYZE "standing_conditions"');
    progress(`consent_grants: seeded in ${roundTo((performance.now() - seeding) / 1000, 1)} s`);
    const approval = await approvalToLastConsent(environment, app, config, await submitMarketingOffer(app, recipientId));
    const bulk = await bulkGrantsInProcess(app, pool, config, await submitMarketingOffer(app, recipientId));
    const [http, getMe] = await singleGrantsOverHttp(environment, app, pool, recipientId);
    return [bulk, http, getMe, approval];
  } finally {
    await pool.end();
    await app.close();
  }
}

/** (c) From the board's approval (RecordReviewOutcomeUseCase) to the last consent granted, through outbox relay → BullMQ → the worker's processors. */
async function approvalToLastConsent(
  environment: BenchEnvironment,
  app: INestApplicationContext,
  config: AppConfig,
  offerId: string,
): Promise<ScenarioMeasurement> {
  const { dataSource, logger } = environment;
  const evaluate = app.get(EvaluateStandingConditionsUseCase, { strict: false });
  const queues = new QueueRegistry(config);
  const relay = new OutboxRelay(dataSource, queues, logger, config.outbox);
  const host = new JobWorkerHost(config, dataSource, queues, logger);
  const granted = async (): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM "consents" WHERE "offer_id" = $1`, [offerId]))[0].n as number;
  try {
    await host.start([
      { contract: OFFER_APPROVED_JOB, handler: new OfferApprovedProcessor(evaluate, logger) },
      { contract: EVALUATE_STANDING_CONDITIONS_JOB, handler: new EvaluateStandingConditionsProcessor(evaluate, logger) },
    ]);
    // Work already in the outbox (review cases opened on submit) is not what is timed.
    while ((await relay.relayOnce()) > 0);
    progress(`consent_grants_offer_approval: approving an offer matching ${MATCHING_INDIVIDUALS} individuals`);
    const started = performance.now();
    await approveOffer(app, offerId);
    let nextPoll = performance.now() + POLL_INTERVAL_MS;
    let count = 0;
    for (;;) {
      if (performance.now() - started > APPROVAL_TIMEOUT_MS)
        throw new Error(`consent_grants: ${count} consents after ${APPROVAL_TIMEOUT_MS} ms`);
      const relayed = await relay.relayOnce();
      if (performance.now() >= nextPoll) {
        count = await granted();
        if (count >= MATCHING_INDIVIDUALS) break;
        nextPoll = performance.now() + POLL_INTERVAL_MS;
      }
      if (relayed === 0) await sleep(5);
    }
    const seconds = (performance.now() - started) / 1000;
    const [{ pages, lastGrantSeconds }] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM "outbox" WHERE "job_name" = $2) AS "pages",
              extract(epoch FROM max("granted_at") - min("granted_at"))::float AS "lastGrantSeconds"
         FROM "consents" WHERE "offer_id" = $1`,
      [offerId, EVALUATE_STANDING_CONDITIONS_JOB.name],
    );
    if (count !== MATCHING_INDIVIDUALS) throw new Error(`consent_grants: expected ${MATCHING_INDIVIDUALS} consents, found ${count}`);
    progress(`consent_grants_offer_approval: ${count} consents in ${roundTo(seconds, 1)} s`);
    return summarise(
      {
        name: 'consent_grants_offer_approval_100k',
        description: `the board approves an offer matching ${MATCHING_INDIVIDUALS} individuals' standing conditions: RecordReviewOutcomeUseCase to the last consent granted, through the outbox relay, BullMQ and the worker's standing-condition processors (a page per job); a rate is consents/s`,
        operations: count,
        baseline: BASELINE,
        details: {
          secondsToLastConsent: roundTo(seconds, 2),
          consentsPerSecond: roundTo(count / seconds, 1),
          firstToLastGrantSeconds: roundTo(lastGrantSeconds, 2),
          pages: pages + 1,
          pollIntervalMs: POLL_INTERVAL_MS,
        },
      },
      { seconds, latenciesMs: [] },
    );
  } finally {
    await host.stop(10_000);
    await queues.close();
  }
}

/**
 * (a) Standing-condition pages evaluated in process, as many at a time as one worker runs jobs (WORKER_CONCURRENCY;
 * each page commits its successor first, so the worker runs them side by side): each page one transaction granting every individual in it.
 */
async function bulkGrantsInProcess(
  app: INestApplicationContext,
  pool: Pool,
  config: AppConfig,
  offerId: string,
): Promise<ScenarioMeasurement> {
  const concurrency = config.worker.concurrency;
  // Approved without a relay running: the pages are run here, not by the worker.
  await approveOffer(app, offerId);
  const evaluate = app.get(EvaluateStandingConditionsUseCase, { strict: false });
  const worker = createRequestContext({ type: 'system', name: 'bench.standing-conditions' });
  // Where each page starts: what the previous page's job would name.
  const { rows } = await pool.query<{ individual_id: string }>(
    `SELECT "individual_id" FROM "standing_conditions" ORDER BY "individual_id" LIMIT $1`,
    [BULK_GRANTS],
  );
  const cursors = [FIRST_INDIVIDUAL_CURSOR];
  for (let end = STANDING_CONDITIONS_PAGE_SIZE; end < rows.length; end += STANDING_CONDITIONS_PAGE_SIZE)
    cursors.push(rows[end - 1].individual_id);
  progress(`consent_grants_bulk: granting ${BULK_GRANTS} consents in ${cursors.length} pages, ${concurrency} at a time, in process`);
  let granted = 0;
  const backendsBefore = await backendCpuSeconds(pool);
  const processBefore = process.cpuUsage();
  const timing = await timeConcurrent(cursors.length, concurrency, async (index) => {
    // Read after the await: `granted += await …` would add to the value read before it (lost updates between pages).
    const page = await evaluate.execute(worker, { offerId, afterIndividualId: cursors[index] });
    granted += page.granted;
  });
  // CPU per grant says more than the rate on a busy machine: other processes' load stretches seconds, not this work.
  const processCpu = process.cpuUsage(processBefore);
  const backendCpu = backendCpuBetween(backendsBefore, await backendCpuSeconds(pool));
  if (granted !== BULK_GRANTS) throw new Error(`consent_grants_bulk: expected ${BULK_GRANTS} grants, made ${granted}`);
  return summarise(
    {
      name: 'consent_grants_bulk',
      description: `standing-condition grants, EvaluateStandingConditionsUseCase called in process (${cursors.length} pages of ${STANDING_CONDITIONS_PAGE_SIZE}, ${concurrency} at a time; one transaction each: consents, events with signed receipts, log leaves, notifications); a latency is one page; CPU per grant of this process (its libuv threads included) and of the run's PostgreSQL backends`,
      operations: granted,
      baseline: BASELINE,
      details: {
        pages: cursors.length,
        pageSize: STANDING_CONDITIONS_PAGE_SIZE,
        pageConcurrency: concurrency,
        processCpuUsPerGrant: Math.round((processCpu.user + processCpu.system) / granted),
        backendCpuUsPerGrant: Math.round((backendCpu * 1_000_000) / granted),
      },
    },
    timing,
  );
}

/**
 * (b) POST /v1/me/consents on the built portal app, in its own process, from 8 concurrent clients, each request with an
 * access token from POST /v1/auth/login; then, as the ceiling of the machine's HTTP path, GET /v1/me (the access-token
 * guard and one account read) from the same clients with the same tokens against the same process.
 */
async function singleGrantsOverHttp(
  environment: BenchEnvironment,
  app: INestApplicationContext,
  pool: Pool,
  recipientId: string,
): Promise<[ScenarioMeasurement, ScenarioMeasurement]> {
  const offers: string[] = [];
  for (let index = 0; index < HTTP_OFFERS; index += 1) {
    const offerId = await submitMarketingOffer(app, recipientId);
    await approveOffer(app, offerId);
    offers.push(offerId);
  }
  const individuals = Array.from({ length: HTTP_INDIVIDUALS }, (_, index) => ({
    id: randomUUID(),
    email: `http-grant-${index}@bench.example.jp`,
  }));
  const passwordHash = await app.get(PasswordHasher, { strict: false }).hash(PASSWORD);
  await pool.query(
    `INSERT INTO "accounts" ("id", "kind", "email", "password_hash", "display_name", "language", "email_verified_at")
     SELECT id, 'individual', email, $3, 'ベンチ 花子', 'ja', now() FROM unnest($1::uuid[], $2::text[]) AS t(id, email)`,
    [individuals.map((individual) => individual.id), individuals.map((individual) => individual.email), passwordHash],
  );
  const portal = await startPortalProcess(environment);
  const url = portal.url;
  try {
    progress(`consent_grants_http: signing in ${HTTP_INDIVIDUALS} individuals`);
    const tokens: string[] = [];
    for (const individual of individuals) {
      const body = await post(url, '/v1/auth/login', { email: individual.email, password: PASSWORD }, undefined, 200);
      tokens.push(body.accessToken as string);
    }
    // Grant number i: individual i mod 50 to offer ⌊i / 50⌋, so no pair repeats; the first HTTP_WARM_UP are not timed.
    const grantRequest = (index: number) =>
      post(
        url,
        '/v1/me/consents',
        { offerId: offers[Math.floor(index / HTTP_INDIVIDUALS)], optionalItems: [], mode: 'auto' },
        tokens[index % HTTP_INDIVIDUALS],
        201,
      );
    await timeConcurrent(HTTP_WARM_UP, HTTP_CLIENTS, grantRequest);
    const grants = HTTP_INDIVIDUALS * HTTP_OFFERS - HTTP_WARM_UP;
    progress(`consent_grants_http: ${grants} grants over HTTP, ${HTTP_CLIENTS} clients`);
    const grantsCpu = portal.cpuSeconds();
    const timing = await timeConcurrent(grants, HTTP_CLIENTS, (index) => grantRequest(index + HTTP_WARM_UP));
    const grantsCpuMs = cpuMsPerRequest(grantsCpu, portal.cpuSeconds(), grants);
    const [{ n }] = await pool
      .query(`SELECT count(*)::int AS n FROM "consents" WHERE "offer_id" = ANY($1::uuid[])`, [offers])
      .then((r) => r.rows);
    if (n !== HTTP_INDIVIDUALS * HTTP_OFFERS)
      throw new Error(`consent_grants_http: expected ${HTTP_INDIVIDUALS * HTTP_OFFERS} consents, found ${n}`);
    const getMe = (index: number) => get(url, '/v1/me', tokens[index % HTTP_INDIVIDUALS]);
    await timeConcurrent(HTTP_WARM_UP, HTTP_CLIENTS, getMe);
    progress(`http_reference_get_me: ${grants} GET /v1/me, ${HTTP_CLIENTS} clients`);
    const referenceCpu = portal.cpuSeconds();
    const reference = await timeConcurrent(grants, HTTP_CLIENTS, getMe);
    const referenceCpuMs = cpuMsPerRequest(referenceCpu, portal.cpuSeconds(), grants);
    return [
      summarise(
        {
          name: 'consent_grants_http',
          description: `POST /v1/me/consents on the portal app (Fastify, real access tokens from POST /v1/auth/login), ${HTTP_CLIENTS} concurrent clients; each grant one transaction and one signed receipt; a latency is one request`,
          operations: grants,
          baseline: BASELINE,
          details: { individuals: HTTP_INDIVIDUALS, offers: HTTP_OFFERS, ...grantsCpuMs },
        },
        timing,
      ),
      summarise(
        {
          name: 'http_reference_get_me',
          description: `GET /v1/me on the same portal process from the same ${HTTP_CLIENTS} clients with the same tokens (access-token guard, one account read): what the machine's HTTP path itself reaches, the ceiling of any single-request use case`,
          operations: grants,
          baseline: BASELINE,
          details: referenceCpuMs,
        },
        reference,
      ),
    ];
  } finally {
    await portal.stop();
  }
}

/**
 * The portal process's CPU time per request over a timed part (milliseconds): steadier than a rate on a busy machine,
 * since other processes' load stretches the wall clock but not the portal's own work. Empty where /proc cannot be read.
 */
function cpuMsPerRequest(before: number | null, after: number | null, requests: number): Record<string, number> {
  if (before === null || after === null) return {};
  return { portalCpuMsPerRequest: roundTo(((after - before) * 1000) / requests, 3) };
}

async function get(url: string, path: string, token: string): Promise<void> {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`http_reference_get_me: ${path} answered ${response.status}: ${text.slice(0, 300)}`);
}

async function post(
  url: string,
  path: string,
  body: unknown,
  token: string | undefined,
  expected: number,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`consent_grants_http: ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}
