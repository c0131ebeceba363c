import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CreateOrganisationUseCase, validCorporateNumber } from '@infobank/catalog';
import { SCHEMA } from '@infobank/migrations';
import { createHttpApp, createRequestContext, type AppConfig } from '@infobank/platform';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from '../../../apps/intake/src/intake.module';
import { backendCpuBetween, backendCpuSeconds } from '../backend-cpu';
import type { BenchEnvironment } from '../bench-environment';
import { BenchProvider } from '../intake-provider';
import { progress, summarise, type ScenarioMeasurement, type Timing } from '../measure';
import { realisticReceipt } from '../realistic-receipts';

export const INDIVIDUALS = 10_000;
export const PROVIDERS = 4;
export const BATCHES_PER_PROVIDER = 3;
export const RECORDS_PER_BATCH = 5_000;
const RECORDS = PROVIDERS * BATCHES_PER_PROVIDER * RECORDS_PER_BATCH;
export const WARM_UP_RECORDS = 200;

/** The deposits scenario needs more time than the others: 60,000 records, 10,000 accounts and 40,000 links set up first. */
export const DEPOSITS_TIMEOUT_MS = 300_000;

export function batchOf(slug: string, batch: string, size: number): { batchId: string; records: Record<string, unknown>[] } {
  const now = Date.now();
  return {
    batchId: `${slug}-${batch}`,
    records: Array.from({ length: size }, (_, index) =>
      realisticReceipt(
        `${slug}-${batch}-${index}`,
        `${slug}-customer-${randomInt(INDIVIDUALS)}`,
        new Date(now - randomInt(1, 90 * 24 * 3_600_000)),
      ),
    ),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real intake app, built as main.ts builds it, on a loopback port its public URL names. */
export async function startIntake(environment: BenchEnvironment): Promise<{ app: NestFastifyApplication; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const base = environment.config;
  const config: AppConfig = {
    ...base,
    http: { ...base.http, publicUrls: { ...base.http.publicUrls, intake: url } },
    keys: { ...base.keys, directory: environment.keysDirectory },
  };
  const app = await createHttpApp(IntakeModule, {
    service: 'intake',
    ...INTAKE_HTTP_OPTIONS,
    config,
    logger: environment.logger,
    ...SCHEMA,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, url };
}

/** 10,000 individuals and, for each provider, an active purchase.receipts link to every one of them (SQL: no scrypt, no link codes). */
export async function seedLinkedIndividuals(pool: Pool, providers: readonly { id: string; slug: string }[]): Promise<void> {
  const ids = Array.from({ length: INDIVIDUALS }, () => randomUUID());
  await pool.query(
    `INSERT INTO "accounts" ("id", "kind", "email", "password_hash", "display_name", "language")
     SELECT id, 'individual', 'bench-' || n || '@bench.example.jp', 'no-sign-in', 'ベンチ 太郎', 'ja' FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [ids],
  );
  for (const provider of providers) {
    await pool.query(
      `INSERT INTO "provider_links" ("id", "individual_id", "provider_id", "categories", "status", "code_expires_at", "customer_ref", "linked_at")
       SELECT gen_random_uuid(), id, $2, ARRAY['purchase.receipts'], 'active', now(), $3 || (n - 1), now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [ids, provider.id, `${provider.slug}-customer-`],
    );
  }
}

/** Each provider posts its batches one after another, all providers at once; one latency sample per batch. */
export async function postConcurrently(providers: readonly BenchProvider[], batches: readonly string[][]): Promise<Timing> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    providers.map(async (provider, index) => {
      for (const jws of batches[index]) {
        const before = performance.now();
        const answer = await provider.deposit(jws);
        latenciesMs.push(performance.now() - before);
        const refused = answer.results.filter((result) => result.status !== 'accepted').length;
        if (refused > 0) throw new Error(`deposits: ${refused} records of a batch were not accepted`);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latenciesMs };
}

/**
 * Baseline: the same number of rows, of the same sizes as the deposited records' rows, written with one
 * multi-row INSERT (unnest of arrays) per 5,000 rows into a table without any index or key, by as many
 * concurrent clients as there are providers.
 */
async function rawMultiRowInsert(pool: Pool, ciphertextSizes: readonly number[]): Promise<Timing> {
  await pool.query(
    `CREATE TABLE "bench_deposit_rows" ("id" uuid, "provider_id" uuid, "record_id" text, "individual_id" uuid, "category" text,
       "observed_at" timestamptz, "version" integer, "content_digest" bytea, "ciphertext" bytea, "plaintext_bytes" integer,
       "deposit_batch_id" uuid, "jws_digest" bytea, "signing_kid" text, "received_at" timestamptz, "first_received_at" timestamptz)`,
  );
  // Parameters are made before the clock starts: the baseline times Postgres, not random bytes.
  const batches = Array.from({ length: PROVIDERS * BATCHES_PER_PROVIDER + 1 }, (_, batch) => {
    const sizes = ciphertextSizes.slice((batch % (PROVIDERS * BATCHES_PER_PROVIDER)) * RECORDS_PER_BATCH).slice(0, RECORDS_PER_BATCH);
    return [
      randomUUID(),
      randomUUID(),
      randomBytes(32),
      'k'.repeat(43),
      sizes.map(() => randomUUID()),
      sizes.map((_, index) => `baseline-${batch}-${index}`),
      sizes.map(() => randomUUID()),
      sizes.map(() => new Date()),
      sizes.map(() => randomBytes(32)),
      sizes.map((size) => randomBytes(size)),
      sizes.map((size) => size - 29),
    ];
  });
  const insert = (batch: number) =>
    pool.query(
      `INSERT INTO "bench_deposit_rows"
       SELECT v.id, $1::uuid, v.record_id, v.individual_id, 'purchase.receipts', v.observed_at, 1, v.digest, v.ciphertext, v.bytes,
              $2::uuid, $3::bytea, $4::text, now(), now()
         FROM unnest($5::uuid[], $6::text[], $7::uuid[], $8::timestamptz[], $9::bytea[], $10::bytea[], $11::int[])
           AS v(id, record_id, individual_id, observed_at, digest, ciphertext, bytes)`,
      batches[batch],
    );
  await insert(PROVIDERS * BATCHES_PER_PROVIDER);
  await pool.query(`TRUNCATE "bench_deposit_rows"`);
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PROVIDERS }, async (_, client) => {
      for (let batch = 0; batch < BATCHES_PER_PROVIDER; batch += 1) {
        const before = performance.now();
        await insert(client * BATCHES_PER_PROVIDER + batch);
        latenciesMs.push(performance.now() - before);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "bench_deposit_rows"`);
  if (rows[0].n !== RECORDS) throw new Error(`raw_multirow_insert: expected ${RECORDS} rows, found ${rows[0].n}`);
  return { seconds, latenciesMs };
}

/** The providers registered with their signing keys, each linked to every individual (SQL), and signed in. */
export async function registerLinkedProviders(
  app: NestFastifyApplication,
  url: string,
  pool: Pool,
): Promise<{ providers: BenchProvider[]; registered: { id: string; slug: string }[] }> {
  const providers: BenchProvider[] = [];
  const registered: { id: string; slug: string }[] = [];
  for (let index = 0; index < PROVIDERS; index += 1) {
    const provider = await BenchProvider.create(url);
    const base = `7001200${String(index).padStart(5, '0')}`;
    const { id } = await app
      .get(CreateOrganisationUseCase, { strict: false })
      .execute(createRequestContext({ type: 'operator', name: 'bench' }), {
        corporateNumber: validCorporateNumber(base),
        name: { ja: `ベンチマート${index}株式会社`, en: `Bench Mart ${index} K.K.` },
        country: 'JP',
        roles: ['provider'],
        signingKeys: [provider.signing.publicJwk],
        termsVersion: '2026-04',
      });
    providers.push(provider.registeredAs(id));
    registered.push({ id, slug: `mart${index}` });
  }
  await seedLinkedIndividuals(pool, registered);
  for (const provider of providers) await provider.signIn();
  return { providers, registered };
}

/**
 * `npm run bench -- deposits`: ${PROVIDERS} providers post ${BATCHES_PER_PROVIDER} signed batches of 5,000 purchase.receipts
 * records each, concurrently, through the real intake app over HTTP (private_key_jwt + DPoP, application/jose),
 * for 10,000 linked individuals; compared to a raw multi-row INSERT of rows of the same sizes.
 */
export async function deposits(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const { app, url } = await startIntake(environment);
  const pool = new Pool({ ...environment.postgres, max: PROVIDERS });
  try {
    const { providers, registered } = await registerLinkedProviders(app, url, pool);
    progress(`deposits: ${INDIVIDUALS} individuals linked to ${PROVIDERS} providers; signing ${PROVIDERS * BATCHES_PER_PROVIDER} batches`);

    // Signing is the provider's work, not the bank's: done before the clock starts.
    const batches: string[][] = [];
    const ciphertextSizes: number[] = [];
    for (const [index, provider] of providers.entries()) {
      const signed: string[] = [];
      for (let batch = 0; batch < BATCHES_PER_PROVIDER; batch += 1) {
        const payload = batchOf(registered[index].slug, `b${batch}`, RECORDS_PER_BATCH);
        for (const record of payload.records) ciphertextSizes.push(Buffer.byteLength(JSON.stringify(record.data)) + 29);
        signed.push(await provider.signBatch(payload));
      }
      batches.push(signed);
    }
    const warmUp = await Promise.all(
      providers.map((provider, index) => provider.signBatch(batchOf(registered[index].slug, 'warm-up', WARM_UP_RECORDS))),
    );
    await postConcurrently(
      providers,
      warmUp.map((jws) => [jws]),
    );

    progress(`deposits: ${PROVIDERS} providers x ${BATCHES_PER_PROVIDER} batches of ${RECORDS_PER_BATCH} records`);
    const backendsBefore = await backendCpuSeconds(pool);
    const processBefore = process.cpuUsage();
    const deposited = await postConcurrently(providers, batches);
    const processCpu = process.cpuUsage(processBefore);
    const backendCpu = backendCpuBetween(backendsBefore, await backendCpuSeconds(pool));
    const [{ n: stored }] = await environment.dataSource.query(`SELECT count(*)::int AS n FROM "vault_records"`);
    if (stored !== RECORDS + PROVIDERS * WARM_UP_RECORDS)
      throw new Error(`deposits: expected ${RECORDS + PROVIDERS * WARM_UP_RECORDS} records, found ${stored}`);
    const bodyBytes = batches.flat().reduce((sum, jws) => sum + jws.length, 0);

    progress(`raw_multirow_insert: ${RECORDS} rows in batches of ${RECORDS_PER_BATCH}, ${PROVIDERS} clients`);
    const baseline = await rawMultiRowInsert(pool, ciphertextSizes);

    const line = { operations: RECORDS };
    return [
      summarise(
        {
          ...line,
          name: 'raw_multirow_insert',
          description: `one INSERT ... SELECT FROM unnest of ${RECORDS_PER_BATCH} rows shaped like vault_records rows (same ciphertext sizes) into a table without indexes, ${PROVIDERS} concurrent clients; a rate is rows/s, a latency one INSERT`,
          baseline: null,
        },
        baseline,
      ),
      summarise(
        {
          ...line,
          name: 'deposits',
          description: `POST /v1/deposits of signed ${RECORDS_PER_BATCH}-record purchase.receipts batches over HTTP (DPoP), ${PROVIDERS} providers at once, ${INDIVIDUALS} linked individuals; a rate is records/s, a latency one batch`,
          baseline: 'raw_multirow_insert',
          details: {
            providers: PROVIDERS,
            batches: PROVIDERS * BATCHES_PER_PROVIDER,
            recordsPerBatch: RECORDS_PER_BATCH,
            individuals: INDIVIDUALS,
            meanBatchBodyBytes: Math.round(bodyBytes / (PROVIDERS * BATCHES_PER_PROVIDER)),
            meanRecordBytes: Math.round(ciphertextSizes.reduce((sum, size) => sum + size - 29, 0) / ciphertextSizes.length),
            // CPU while the batches were posted: the benchmark process (intake app, its worker threads and the
            // HTTP clients) and the PostgreSQL backends of this run's database. Less load-dependent than seconds.
            processCpuSeconds: Math.round((processCpu.user + processCpu.system) / 10_000) / 100,
            backendCpuSeconds: backendCpu,
          },
        },
        deposited,
      ),
    ];
  } finally {
    await pool.end();
    await app.close();
  }
}
