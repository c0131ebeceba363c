import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CreateOrganisationUseCase, validCorporateNumber } from '@infobank/catalog';
import { GrantConsentUseCase } from '@infobank/consent';
import { BankKeyRing } from '@infobank/crypto';
import { SCHEMA } from '@infobank/migrations';
import { CreateOfferUseCase, RecordReviewOutcomeUseCase, SubmitOfferUseCase, type OfferTerms } from '@infobank/offers';
import { createRequestContext, type RequestContext } from '@infobank/platform';
import {
  DownloadPartUseCase,
  ListTransfersUseCase,
  PACKAGE_JWE_TYPE,
  PACKAGE_JWS_TYPE,
  RequestTransferUseCase,
  type PackagePayload,
} from '@infobank/provision';
import { DepositRecordsUseCase } from '@infobank/vault';
import {
  CompactEncrypt,
  compactDecrypt,
  compactVerify,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { randomInt, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Pool } from 'pg';
import type { BenchEnvironment } from '../bench-environment';
import { backendCpuBetween, backendCpuSeconds, processCpuSeconds } from '../backend-cpu';
import { startBenchWorker, type BenchWorker } from '../bench-worker';
import { BenchProvider } from '../intake-provider';
import {
  percentiles,
  progress,
  roundTo,
  summarise,
  timeConcurrent,
  sleep,
  timeSequential,
  within,
  type ScenarioMeasurement,
  type Timing,
} from '../measure';
import { rawBullmqAddNoop } from './bullmq.bench';
import type { OpenedPart, PartOpeningSetup, PartToOpen } from '../part-opening.worker';
import { realisticReceipt } from '../realistic-receipts';
import { marketingOfferTerms, ProvisionPathModule } from '../provision-path';

const SUBJECTS = 10_000;
const RECORDS_PER_SUBJECT = 3;
const RECORDS_PER_BATCH = 5_000;
const GRANT_CONCURRENCY = 8;
const JWE_BASELINE_MS = 3_000;
const JWE_WARM_UP = 50;
const JWE_BASELINE_PAYLOAD = JSON.stringify({ subject: 'x'.repeat(43), records: [{ category: 'purchase.receipts' }] });
const DAY_MS = 24 * 3_600_000;
const PROVIDER_SLUG = 'mart';
/** How often the recipient's client asks whether another part is built. */
const CLIENT_POLL_MS = 20;
const CLIENT_TIMEOUT_MS = 240_000;
const THREAD_START_TIMEOUT_MS = 60_000;

/** Seeding 10,000 consented subjects with 30,000 records, then building and downloading one transfer for all of them. */
export const TRANSFERS_TIMEOUT_MS = 360_000;

/** The recipient as the benchmark's client: its organisation actor and the private half of its X25519 key. */
export interface BenchRecipient {
  ctx: RequestContext;
  publicKey: JWK;
  decryptionKey: JWK;
}

async function registerRecipient(app: INestApplicationContext, operator: RequestContext): Promise<BenchRecipient> {
  const { publicKey, privateKey } = await generateKeyPair('ECDH-ES+A256KW', { crv: 'X25519', extractable: true });
  const encryptionKey = { ...(await exportJWK(publicKey)), use: 'enc', alg: 'ECDH-ES+A256KW' };
  const signing = await BenchProvider.create('');
  const { id } = await app.get(CreateOrganisationUseCase, { strict: false }).execute(operator, {
    corporateNumber: validCorporateNumber('700130000001'),
    name: { ja: 'ベンチ分析株式会社', en: 'Bench Analytics K.K.' },
    country: 'JP',
    roles: ['recipient'],
    signingKeys: [signing.signing.publicJwk],
    encryptionKey,
    termsVersion: '2026-04',
  });
  return {
    ctx: createRequestContext({ type: 'organisation', id, roles: ['recipient'] }),
    publicKey: encryptionKey,
    decryptionKey: await exportJWK(privateKey),
  };
}

async function approvedOffer(app: INestApplicationContext, recipient: BenchRecipient): Promise<string> {
  const terms = marketingOfferTerms([
    { itemId: 'purchase.receipts#/lineItems', required: true },
    { itemId: 'purchase.receipts#/store', required: false },
  ]);
  const { id } = await app.get(CreateOfferUseCase, { strict: false }).execute(recipient.ctx, terms as unknown as OfferTerms);
  await app.get(SubmitOfferUseCase, { strict: false }).execute(recipient.ctx, id);
  await app.get(RecordReviewOutcomeUseCase, { strict: false }).execute(createRequestContext({ type: 'system', name: 'bench.review' }), {
    offerId: id,
    round: 1,
    outcome: 'approved',
    reasons: ['ベンチマーク用の承認'],
    decidedAt: new Date(),
    caseId: randomUUID(),
    suspended: false,
  });
  return id;
}

/**
 * 10,000 individuals, each with an account and an active purchase.receipts link to the provider: the
 * rows the portal's sign-up (its address verified) and link redemption would write (SQL: no scrypt, no link codes), as deposits.bench does.
 */
async function seedLinkedIndividuals(pool: Pool, providerId: string): Promise<string[]> {
  const ids = Array.from({ length: SUBJECTS }, () => randomUUID());
  await pool.query(
    `INSERT INTO "accounts" ("id", "kind", "email", "password_hash", "display_name", "language", "email_verified_at")
     SELECT id, 'individual', 'transfer-bench-' || n || '@bench.example.jp', 'no-sign-in', 'ベンチ 花子', 'ja', now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [ids],
  );
  await pool.query(
    `INSERT INTO "provider_links" ("id", "individual_id", "provider_id", "categories", "status", "code_expires_at", "customer_ref", "linked_at")
     SELECT gen_random_uuid(), id, $2, ARRAY['purchase.receipts'], 'active', now(), $3 || (n - 1), now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [ids, providerId, `${PROVIDER_SLUG}-customer-`],
  );
  return ids;
}

/** RECORDS_PER_SUBJECT receipts for every customer, deposited through DepositRecordsUseCase (real envelope encryption) in signed batches. */
async function depositRecords(app: INestApplicationContext, provider: BenchProvider, providerId: string): Promise<void> {
  const records = Array.from({ length: SUBJECTS * RECORDS_PER_SUBJECT }, (_, index) =>
    realisticReceipt(`r-${index}`, `${PROVIDER_SLUG}-customer-${index % SUBJECTS}`, new Date(Date.now() - randomInt(1, 80 * DAY_MS))),
  );
  const deposit = app.get(DepositRecordsUseCase, { strict: false });
  const ctx = createRequestContext({ type: 'organisation', id: providerId, roles: ['provider'] });
  for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
    const jws = await provider.signBatch({ batchId: `transfers-${start}`, records: records.slice(start, start + RECORDS_PER_BATCH) });
    const { response } = await deposit.execute(ctx, { jws });
    const refused = response.results.filter((result) => result.status !== 'accepted');
    if (refused.length > 0)
      throw new Error(`transfers: ${refused.length} seeded records were not accepted (${JSON.stringify(refused[0])})`);
  }
}

/**
 * Baseline: jose CompactEncrypt (ECDH-ES+A256KW, A256GCM) of a small payload to an X25519 key, back to
 * back for about JWE_BASELINE_MS: what one JWE per subject would cost.
 */
async function rawJweEncryptions(publicJwk: JWK): Promise<Timing> {
  const payload = new TextEncoder().encode(JWE_BASELINE_PAYLOAD);
  const encrypt = () =>
    new CompactEncrypt(payload).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', typ: PACKAGE_JWE_TYPE }).encrypt(publicJwk);
  await timeSequential(JWE_WARM_UP, encrypt);
  const latenciesMs: number[] = [];
  const started = performance.now();
  while (performance.now() - started < JWE_BASELINE_MS) {
    const before = performance.now();
    await encrypt();
    latenciesMs.push(performance.now() - before);
  }
  return { seconds: (performance.now() - started) / 1000, latenciesMs };
}

/** How the recipient's client opens a part (decrypts, verifies the bank's signature): the pseudonymous subjects in it. */
export interface PartOpener {
  open(part: number, jwe: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens each part on the client's main thread, between downloads (the client before this round). */
export async function openOnMainThread(recipient: BenchRecipient, jwks: JSONWebKeySet): Promise<PartOpener> {
  const keySet = createLocalJWKSet(jwks);
  return {
    async open(_part, jwe) {
      const { plaintext, protectedHeader } = await compactDecrypt(jwe, recipient.decryptionKey, {
        keyManagementAlgorithms: ['ECDH-ES+A256KW'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      if (protectedHeader.typ !== PACKAGE_JWE_TYPE) throw new Error(`transfers: unexpected JWE typ ${String(protectedHeader.typ)}`);
      const verified = await compactVerify(new TextDecoder().decode(plaintext), keySet, { algorithms: ['EdDSA'] });
      if (verified.protectedHeader.typ !== PACKAGE_JWS_TYPE)
        throw new Error(`transfers: unexpected JWS typ ${String(verified.protectedHeader.typ)}`);
      return (JSON.parse(new TextDecoder().decode(verified.payload)) as PackagePayload).subjects.map((subject) => subject.subject);
    },
    close: async () => undefined,
  };
}

/**
 * Opens parts on a thread of the client's own, in the order downloaded, as a recipient with more than one core
 * would: its downloads (and, in this process, the gateway's use case holding the transfer's lock) do not wait behind
 * decrypting and verifying megabytes.
 */
export async function openOnThread(recipient: BenchRecipient, jwks: JSONWebKeySet): Promise<PartOpener> {
  const setup: PartOpeningSetup = { decryptionKey: recipient.decryptionKey, jwks, jweType: PACKAGE_JWE_TYPE, jwsType: PACKAGE_JWS_TYPE };
  const thread = new Worker(join(__dirname, '..', 'part-opening.worker.js'), { workerData: setup });
  const waiting = new Map<number, { resolve: (subjects: string[]) => void; reject: (error: Error) => void }>();
  let started: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (started = resolve));
  thread.on('message', (opened: OpenedPart) => {
    if ('ready' in opened) return started();
    const waiter = waiting.get(opened.part);
    waiting.delete(opened.part);
    if ('failure' in opened) waiter?.reject(new Error(`transfers: part ${opened.part} did not open: ${opened.failure}`));
    else waiter?.resolve(opened.subjects);
  });
  thread.on('error', (error) => {
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  });
  await within(ready, THREAD_START_TIMEOUT_MS, 'the part-opening thread to start');
  return {
    open: (part, jwe) =>
      new Promise<string[]>((resolve, reject) => {
        waiting.set(part, { resolve, reject });
        thread.postMessage({ part, jwe } satisfies PartToOpen);
      }),
    close: async () => {
      await thread.terminate();
    },
  };
}

/** One part as the recipient's client saw it, as epoch milliseconds. */
interface ClientPart {
  /** The first list read that counted it. */
  listedAt: number;
  downloadStartedAt: number;
  downloadedAt: number;
  openedAt: number;
}

/** What the recipient saw while fetching one transfer. */
export interface ClientRun {
  parts: number;
  firstPartAt: number;
  /** By part number less one. */
  timeline: ClientPart[];
  partMs: number[];
  downloadMs: number[];
  openMs: number[];
  packageBytes: number;
  /** Distinct subjects in the parts opened. */
  delivered: number;
  polls: number;
}

/**
 * The recipient's client: polls its transfers list (the light `GET /v1/transfers?offerId=`) and downloads
 * every part as soon as it is counted, one after another (each opened while the next downloads), until the
 * transfer is delivered.
 */
async function downloadEveryPart(
  app: INestApplicationContext,
  recipient: BenchRecipient,
  opener: PartOpener,
  offerId: string,
  transferId: string,
): Promise<ClientRun> {
  const list = app.get(ListTransfersUseCase, { strict: false });
  const download = app.get(DownloadPartUseCase, { strict: false });
  const run: ClientRun = {
    parts: 0,
    firstPartAt: 0,
    timeline: [],
    partMs: [],
    downloadMs: [],
    openMs: [],
    packageBytes: 0,
    delivered: 0,
    polls: 0,
  };
  const subjects = new Set<string>();
  const opening: Promise<void>[] = [];
  const deadline = performance.now() + CLIENT_TIMEOUT_MS;
  for (;;) {
    run.polls += 1;
    const summary = (await list.execute(recipient.ctx, { offerId })).transfers.find((transfer) => transfer.id === transferId);
    if (summary === undefined) throw new Error('transfers: the requested transfer is not listed');
    if (summary.status === 'cancelled' || summary.status === 'expired') throw new Error(`transfers: the transfer is ${summary.status}`);
    const listedAt = Date.now();
    for (let part = run.timeline.length; part < summary.parts; part += 1)
      run.timeline.push({ listedAt, downloadStartedAt: 0, downloadedAt: 0, openedAt: 0 });
    if (summary.status === 'delivered' && run.parts === summary.parts) break;
    if (run.parts === summary.parts) {
      if (performance.now() > deadline) throw new Error(`transfers: ${run.parts} parts downloaded, the transfer is ${summary.status}`);
      await sleep(CLIENT_POLL_MS);
      continue;
    }
    while (run.parts < summary.parts) {
      const times = run.timeline[run.parts];
      times.downloadStartedAt = Date.now();
      const before = performance.now();
      const jwe = await download.execute(recipient.ctx, { transferId, part: run.parts + 1 });
      const downloaded = performance.now();
      times.downloadedAt = Date.now();
      run.parts += 1;
      run.downloadMs.push(downloaded - before);
      run.packageBytes += jwe.length;
      // Opened while the next part downloads, as a client with more than one core would.
      opening.push(
        opener.open(run.parts, jwe).then((subjectsInPart) => {
          const opened = performance.now();
          times.openedAt = Date.now();
          run.firstPartAt ||= opened;
          run.openMs.push(opened - downloaded);
          run.partMs.push(opened - before);
          for (const subject of subjectsInPart) subjects.add(subject);
        }),
      );
    }
  }
  await Promise.all(opening);
  run.delivered = subjects.size;
  return run;
}

/** The benchmark's own context: the provision path's libraries with the run's keys. */
export function openProvisionPath(environment: BenchEnvironment): Promise<INestApplicationContext> {
  const config = { ...environment.config, keys: { ...environment.config.keys, directory: environment.keysDirectory } };
  return NestFactory.createApplicationContext(
    ProvisionPathModule.register({ service: 'bench', config, logger: environment.logger, ...SCHEMA }),
    { logger: false, abortOnError: false },
  );
}

/** What seeding leaves for the transfers to come. */
export interface SeededTransfers {
  recipient: BenchRecipient;
  offerId: string;
  jwks: JSONWebKeySet;
  seedSeconds: number;
  grantsPerSecond: number;
}

/** SUBJECTS individuals linked to a provider that deposited RECORDS_PER_SUBJECT receipts each, all consenting (`auto`) to one approved offer. */
export async function seedTransfers(app: INestApplicationContext, pool: Pool): Promise<SeededTransfers> {
  const operator = createRequestContext({ type: 'operator', name: 'bench' });
  const seeding = performance.now();
  const provider = await BenchProvider.create('');
  const { id: providerId } = await app.get(CreateOrganisationUseCase, { strict: false }).execute(operator, {
    corporateNumber: validCorporateNumber('700130000000'),
    name: { ja: 'さくらマート株式会社', en: 'Sakura Mart K.K.' },
    country: 'JP',
    roles: ['provider'],
    signingKeys: [provider.signing.publicJwk],
    termsVersion: '2026-04',
  });
  provider.registeredAs(providerId);
  const recipient = await registerRecipient(app, operator);
  const offerId = await approvedOffer(app, recipient);
  const individuals = await seedLinkedIndividuals(pool, providerId);
  progress(`transfers: ${SUBJECTS} individuals linked; depositing ${SUBJECTS * RECORDS_PER_SUBJECT} records`);
  await depositRecords(app, provider, providerId);
  progress(`transfers: records deposited after ${roundTo((performance.now() - seeding) / 1000, 1)} s; granting ${SUBJECTS} consents`);
  const grant = app.get(GrantConsentUseCase, { strict: false });
  const granting = await timeConcurrent(SUBJECTS, GRANT_CONCURRENCY, (index) =>
    grant.execute(createRequestContext({ type: 'individual', id: individuals[index] }), {
      offerId,
      optionalItems: ['purchase.receipts#/store'],
      mode: 'auto',
    }),
  );
  const seedSeconds = (performance.now() - seeding) / 1000;
  progress(
    `transfers: seeded in ${roundTo(seedSeconds, 1)} s (${SUBJECTS} consents in ${roundTo(granting.seconds, 1)} s, ${GRANT_CONCURRENCY} at a time)`,
  );
  const keyRing = app.get(BankKeyRing, { strict: false });
  const jwks = keyRing.publicJwks() as JSONWebKeySet;
  return { recipient, offerId, jwks, seedSeconds, grantsPerSecond: SUBJECTS / granting.seconds };
}

/** One part of a measured transfer, in seconds since the request was sent: built and delivered (the database's times), then the client's. */
export interface PartTimeline {
  part: number;
  built: number;
  listed: number;
  downloadStarted: number;
  downloaded: number;
  opened: number;
}

/** CPU seconds (user + system) spent from the request to the last part opened. */
export interface TransferCpu {
  /** The worker process (outbox relay, BullMQ, admission, packaging, sealing). */
  worker: number;
  /** This process: the recipient's requests as the gateway runs them (list, download) and its client (decrypt, verify). */
  bench: number;
  /** The run's PostgreSQL backends (the worker's and this process's). */
  backends: number;
}

/** One transfer for every seeded subject, measured from the request to the last part opened. */
export interface MeasuredTransfer {
  transferId: string;
  seconds: number;
  requestSeconds: number;
  client: ClientRun;
  firstPartBuilt: number;
  lastPartBuilt: number;
  firstPartOpened: number;
  timeline: PartTimeline[];
  cpu: TransferCpu;
  subjectsDelivered: number;
  provisionRecords: number;
  vaultRecords: number;
}

/**
 * Requests one transfer for every subject and downloads it as the recipient does (the worker, started
 * and idle, builds it); checks every subject was delivered and recorded once more than before.
 */
export async function measureTransfer(
  environment: BenchEnvironment,
  app: INestApplicationContext,
  pool: Pool,
  worker: BenchWorker,
  seeded: SeededTransfers,
  opening: 'thread' | 'main' = 'thread',
): Promise<MeasuredTransfer> {
  const { recipient, offerId, jwks } = seeded;
  const opener = opening === 'thread' ? await openOnThread(recipient, jwks) : await openOnMainThread(recipient, jwks);
  const [{ before }] = (await pool.query(`SELECT count(*)::int AS "before" FROM "provision_records"`)).rows;
  const backendsBefore = await backendCpuSeconds(pool);
  const workerBefore = processCpuSeconds(worker.pid) ?? 0;
  const benchBefore = process.cpuUsage();
  const startedAt = Date.now();
  const started = performance.now();
  const { transferId } = await app
    .get(RequestTransferUseCase, { strict: false })
    .execute(recipient.ctx, { offerId, idempotencyKey: randomUUID() });
  const requested = performance.now();
  const client = await downloadEveryPart(app, recipient, opener, offerId, transferId).finally(() => opener.close());
  const finished = performance.now();
  const bench = process.cpuUsage(benchBefore);
  const cpu: TransferCpu = {
    worker: roundTo((processCpuSeconds(worker.pid) ?? 0) - workerBefore, 2),
    bench: roundTo((bench.user + bench.system) / 1e6, 2),
    backends: backendCpuBetween(backendsBefore, await backendCpuSeconds(pool)),
  };

  // The database's own times, after the request committed.
  const parts: { part: number; built: number }[] = await environment.dataSource.query(
    `SELECT "part", (extract(epoch FROM "built_at") * 1000)::float8 AS "built" FROM "transfer_parts" WHERE "transfer_id" = $1 ORDER BY "part"`,
    [transferId],
  );
  const [{ subjects, provisions, records }] = await environment.dataSource.query(
    `SELECT (SELECT count(*)::int FROM "transfer_subjects" WHERE "transfer_id" = $1 AND "status" = 'delivered') AS "subjects",
            (SELECT count(*)::int FROM "provision_records") AS "provisions",
            (SELECT count(*)::int FROM "vault_records") AS "records"`,
    [transferId],
  );
  if (client.delivered !== SUBJECTS || subjects !== SUBJECTS || provisions - before !== SUBJECTS) {
    throw new Error(
      `transfers: expected ${SUBJECTS} subjects delivered and provision records; the recipient opened ${client.delivered}, ` +
        `${subjects} subjects are delivered, ${provisions - before} provision records`,
    );
  }
  const since = (epochMs: number) => roundTo((epochMs - startedAt) / 1000, 3);
  const timeline = parts.map(({ part, built }) => {
    const seen = client.timeline[part - 1];
    return {
      part,
      built: since(built),
      listed: since(seen.listedAt),
      downloadStarted: since(seen.downloadStartedAt),
      downloaded: since(seen.downloadedAt),
      opened: since(seen.openedAt),
    };
  });
  return {
    transferId,
    seconds: (finished - started) / 1000,
    requestSeconds: (requested - started) / 1000,
    client,
    firstPartBuilt: Math.min(...timeline.map((part) => part.built)),
    lastPartBuilt: Math.max(...timeline.map((part) => part.built)),
    firstPartOpened: roundTo((client.firstPartAt - started) / 1000, 3),
    timeline,
    cpu,
    subjectsDelivered: subjects,
    provisionRecords: provisions - before,
    vaultRecords: records,
  };
}

/** A timeline in one line: `part built/listed/downloaded/opened` in seconds since the request. */
export function timelineText(timeline: readonly PartTimeline[]): string {
  return timeline
    .map((part) => `${part.part}: ${part.built}/${part.listed}/${part.downloadStarted}-${part.downloaded}/${part.opened}`)
    .join('; ');
}

/**
 * `npm run bench -- transfers`: 10,000 individuals with 3 deposited receipts each and an `auto` consent
 * to one approved offer; one transfer for all of them, timed from RequestTransferUseCase to the last part
 * downloaded (DownloadPartUseCase records the provisions) and decrypted + verified by the recipient, with
 * the build in the worker process. Baselines of the same run: raw BullMQ no-op jobs/s (measured right
 * before the transfer) and raw jose JWE encryptions/s (right after).
 */
export async function transfers(environment: BenchEnvironment): Promise<ScenarioMeasurement[]> {
  const app = await openProvisionPath(environment);
  const pool = new Pool({ ...environment.postgres, max: 2 });
  let worker: BenchWorker | undefined;
  try {
    const seeded = await seedTransfers(app, pool);
    // The worker is deployed before the request comes: started now, and idle (seeding's jobs done, its log leaves sealed) before the clock starts.
    worker = await startBenchWorker(environment);
    await worker.idle();
    // The baseline right before the clock starts, so that both see the same load on a shared machine.
    const [bullmqAdd, bullmqDrain] = await rawBullmqAddNoop(environment);

    progress(`transfers: one transfer for ${SUBJECTS} subjects (request; build in the worker; download and open each part once built)`);
    const measured = await measureTransfer(environment, app, pool, worker, seeded);
    const { client, cpu, timeline } = measured;
    const { parts, downloadMs, openMs, packageBytes, delivered, polls } = client;

    const jwe = await rawJweEncryptions(seeded.recipient.publicKey);
    const jweRate = jwe.latenciesMs.length / jwe.seconds;
    const total: Timing = { seconds: measured.seconds, latenciesMs: client.partMs };
    // The transfer reads `ready` from its first part on: "ready" here is every part built (the last part's built_at).
    const toReady: Timing = { seconds: measured.lastPartBuilt, latenciesMs: [] };
    const rename = (line: ScenarioMeasurement, name: string): ScenarioMeasurement => ({ ...line, name });
    return [
      rename(bullmqAdd, 'transfers_raw_bullmq_add_noop'),
      rename(bullmqDrain, 'transfers_raw_bullmq_noop_drain'),
      summarise(
        {
          name: 'transfers_raw_jose_jwe_encrypt',
          description: `jose CompactEncrypt ECDH-ES+A256KW/A256GCM of a ${JWE_BASELINE_PAYLOAD.length}-byte payload to an X25519 key, back to back for ~${JWE_BASELINE_MS / 1000} s`,
          operations: jwe.latenciesMs.length,
          baseline: null,
        },
        jwe,
      ),
      summarise(
        {
          name: 'transfers_request_to_ready',
          description: `the request until every part is built by the worker process (to the last part's built_at) (outbox → relay → BullMQ → transfers.build); a rate is subjects/s, compared to one no-op BullMQ job per subject`,
          operations: SUBJECTS,
          baseline: 'transfers_raw_bullmq_noop_drain',
          details: { requestSeconds: roundTo(measured.requestSeconds, 4) },
        },
        toReady,
      ),
      summarise(
        {
          name: 'transfers',
          description: `one transfer for ${SUBJECTS} consented subjects (${RECORDS_PER_SUBJECT} receipts each): request to the last part downloaded (DownloadPartUseCase) and decrypted + verified with jose by the recipient; a rate is subjects/s (compared to one no-op BullMQ job per subject), a latency is one part's download + record + decrypt + verify`,
          operations: SUBJECTS,
          baseline: 'transfers_raw_bullmq_noop_drain',
          details: {
            notes:
              'Build path: the built worker as its own process (started and idle before the clock), reached through the outbox, its relay and BullMQ; ' +
              'the recipient polls ListTransfersUseCase and downloads each part once built, one after another, opening each while the next downloads.',
            parts,
            listPolls: polls,
            rateOverRawJwePerSubject: roundTo(SUBJECTS / total.seconds / jweRate, 4),
            subjectsDelivered: measured.subjectsDelivered,
            provisionRecords: measured.provisionRecords,
            vaultRecords: measured.vaultRecords,
            seedSeconds: roundTo(seeded.seedSeconds, 1),
            consentGrantsPerSecond: roundTo(seeded.grantsPerSecond, 1),
            firstPartBuiltSeconds: measured.firstPartBuilt,
            lastPartBuiltSeconds: measured.lastPartBuilt,
            firstPartDownloadedSeconds: measured.firstPartOpened,
            downloadPartUseCaseMsP50: percentiles(downloadMs)?.p50 ?? 0,
            downloadPartUseCaseMsP95: percentiles(downloadMs)?.p95 ?? 0,
            recipientDecryptVerifyMsP50: percentiles(openMs)?.p50 ?? 0,
            meanPartBytes: Math.round(packageBytes / parts),
            subjectsOpened: delivered,
            workerCpuSeconds: cpu.worker,
            benchProcessCpuSeconds: cpu.bench,
            backendCpuSeconds: cpu.backends,
            timeline: `part: built/listed/download started-downloaded/opened, seconds since the request: ${timelineText(timeline)}`,
            jweSecondsAtOnePerPart: roundTo(parts / jweRate, 4),
            jweSecondsAtOnePerSubject: roundTo(SUBJECTS / jweRate, 4),
            jwePerSubjectOverPerPart: roundTo(SUBJECTS / parts, 1),
          },
        },
        total,
      ),
    ];
  } finally {
    await worker?.stop();
    await pool.end();
    await app.close();
  }
}
