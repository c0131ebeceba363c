// The revocation-vs-download race (invariant 2, "revocation wins races", docs/architecture.md §4.2), on the real database:
// one transfer whose parts each hold one subject, and per part a trial that downloads the part as the
// recipient while the individual revokes the consent behind it. The database's own commit order decides
// the verdict (a commit clock, below), never application clocks. Shared by the e2e suite
// (test/e2e/gateway/revocation-race.e2e-spec.ts) and `npm run bench -- revocation-race`, so it lives in
// test/bench (which the build compiles) and imports nothing from test/support.
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CreateOrganisationUseCase, validCorporateNumber } from '@infobank/catalog';
import { GrantConsentUseCase, RevokeConsentUseCase } from '@infobank/consent';
import { SCHEMA } from '@infobank/migrations';
import { CreateOfferUseCase, RecordReviewOutcomeUseCase, SubmitOfferUseCase, type OfferTerms } from '@infobank/offers';
import { buildDataSourceOptions, createRequestContext, DomainError, type AppConfig, type RequestContext } from '@infobank/platform';
import { BuildTransferUseCase, DownloadPartUseCase, GetTransferUseCase, RequestTransferUseCase } from '@infobank/provision';
import { DepositRecordsUseCase } from '@infobank/vault';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { randomInt, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { marketingOfferTerms, ProvisionPathModule } from './provision-path';

/** What the harness runs against: a migrated database of the run's own, its config and a logger. */
export interface RaceEnvironment {
  config: AppConfig;
  dataSource: DataSource;
  logger: Logger;
}

/** How the trials run: how many, how many at a time, the largest random head start (ms) the download gets. */
export interface RaceOptions {
  trials: number;
  concurrency?: number;
  maxDelayMs?: number;
  /** Progress lines (setup phases); never called per trial. */
  progress?: (message: string) => void;
}

/** One trial that broke invariant 2 or left the transfer inconsistent, with the database's evidence (ids and ticks only). */
export interface RaceFinding {
  part: number;
  consentId: string;
  problem: string;
  download: string;
  revocation: string;
  provisions: number;
  provisionTick: number | null;
  revocationTick: number | null;
  subjectStatus: string;
}

/** The verdict of a run: every trial either provided before the revocation committed or refused. */
export interface RaceResult {
  trials: number;
  providedBeforeRevocation: number;
  refused: number;
  /** Provisions that committed after (or without) the revocation of their consent: must be 0. */
  violations: number;
  /** Other inconsistencies (unexpected errors, subject status vs provision, missing ticks): must be 0. */
  anomalies: number;
  seconds: number;
  setupSeconds: number;
  findings: RaceFinding[];
  trialLatenciesMs: number[];
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_MAX_DELAY_MS = 3;
const RECORDS_PER_BATCH = 5_000;
const GRANT_CONCURRENCY = 8;
const DAY_MS = 24 * 3_600_000;
const REFUSALS = new Set(['PACKAGE_STALE', 'PART_GONE']);
const MAX_FINDINGS_KEPT = 20;

/**
 * Installs the commit clock (test databases only; idempotent). `race_clock` is one row; deferred
 * constraint triggers on provision_records and on consent_events (revocations only) fire during COMMIT,
 * after every statement of the transaction, and take the next tick with `UPDATE race_clock ... RETURNING`.
 * That UPDATE locks the clock row until the transaction has finished committing, so a later transaction's
 * tick waits for the earlier commit to complete: tick order is exactly the order in which the database
 * made the commits visible. (A transaction that rolls back gives its tick back with everything else.)
 */
export async function installCommitClock(config: AppConfig): Promise<void> {
  // Tables and triggers are the owner role's to create; its default privileges let the runtime role use them.
  const owner = await new DataSource(
    buildDataSourceOptions(config, { entities: [] }, { applicationName: 'infobank-race-clock', credentials: 'migration' }),
  ).initialize();
  try {
    await owner.query(`
    CREATE TABLE IF NOT EXISTS "race_clock" ("tick" bigint NOT NULL);
    INSERT INTO "race_clock" ("tick") SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM "race_clock");
    CREATE TABLE IF NOT EXISTS "race_commit_order" (
      "seq" bigserial PRIMARY KEY,
      "tick" bigint NOT NULL UNIQUE,
      "table_name" text NOT NULL,
      "row_id" uuid NOT NULL,
      "consent_id" uuid NOT NULL
    );
    CREATE OR REPLACE FUNCTION "race_record_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      next_tick bigint;
    BEGIN
      UPDATE "race_clock" SET "tick" = "tick" + 1 RETURNING "tick" INTO next_tick;
      INSERT INTO "race_commit_order" ("tick", "table_name", "row_id", "consent_id")
      -- The table as the trigger names it: on a partitioned table (provision_records) TG_TABLE_NAME is the partition's.
      VALUES (next_tick, TG_ARGV[0], NEW."id", NEW."consent_id");
      RETURN NULL;
    END $$;
    DROP TRIGGER IF EXISTS "race_provision_committed" ON "provision_records";
    CREATE CONSTRAINT TRIGGER "race_provision_committed" AFTER INSERT ON "provision_records"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "race_record_commit"('provision_records');
    DROP TRIGGER IF EXISTS "race_revocation_committed" ON "consent_events";
    CREATE CONSTRAINT TRIGGER "race_revocation_committed" AFTER INSERT ON "consent_events"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."type" = 'consent_revoked') EXECUTE FUNCTION "race_record_commit"('consent_events');
  `);
  } finally {
    await owner.destroy();
  }
}

/** One receipt for customer `customer`, a few days old. */
function receipt(customer: number): Record<string, unknown> {
  const at = new Date(Date.now() - 3 * DAY_MS).toISOString().replace('Z', '+00:00');
  return {
    recordId: `race-${customer}`,
    customerRef: `race-customer-${customer}`,
    category: 'purchase.receipts',
    observedAt: at,
    data: {
      receiptId: `0001-${String(customer).padStart(8, '0')}`,
      purchasedAt: at,
      channel: 'store',
      store: { name: 'さくらマート 渋谷駅前店', prefecture: '13', chain: 'さくらマート' },
      lineItems: [
        { name: 'おにぎり 鮭', janCode: '4901234567894', productCategory: '惣菜', quantity: 2, unitPriceYen: 150, amountYen: 300 },
      ],
      totalYen: 300,
      taxYen: 22,
      paymentMethod: 'cash',
      pointsEarned: 3,
    },
  };
}

/** One trial's subject: the part that holds it and the consent it was built under. */
interface TrialSubject {
  part: number;
  individualId: string;
  consentId: string;
}

/** A ready transfer of `trials` one-subject parts, each under its own live consent. */
interface RaceWorld {
  recipient: RequestContext;
  transferId: string;
  subjects: TrialSubject[];
}

async function seed(
  app: INestApplicationContext,
  dataSource: DataSource,
  trials: number,
  progress: (message: string) => void,
): Promise<RaceWorld> {
  const get = <T>(type: new (...args: never[]) => T): T => app.get(type, { strict: false });
  const operator = createRequestContext({ type: 'operator', name: 'revocation-race' });
  const providerKey = await generateKeyPair('ES256', { extractable: true });
  const providerJwk = { ...(await exportJWK(providerKey.publicKey)), kid: 'race-provider', alg: 'ES256', use: 'sig' };
  const { id: providerId } = await get(CreateOrganisationUseCase).execute(operator, {
    corporateNumber: validCorporateNumber('700130000200'),
    name: { ja: 'さくらマート株式会社', en: 'Sakura Mart K.K.' },
    country: 'JP',
    roles: ['provider'],
    signingKeys: [providerJwk],
    termsVersion: '2026-04',
  });
  const recipientKey = await generateKeyPair('ECDH-ES+A256KW', { crv: 'X25519', extractable: true });
  const recipientSigning = await generateKeyPair('ES256', { extractable: true });
  const { id: recipientId } = await get(CreateOrganisationUseCase).execute(operator, {
    corporateNumber: validCorporateNumber('700130000201'),
    name: { ja: '競合検証分析株式会社', en: 'Race Analytics K.K.' },
    country: 'JP',
    roles: ['recipient'],
    signingKeys: [{ ...(await exportJWK(recipientSigning.publicKey)), kid: 'race-recipient', alg: 'ES256', use: 'sig' }],
    encryptionKey: { ...(await exportJWK(recipientKey.publicKey)), use: 'enc', alg: 'ECDH-ES+A256KW' },
    termsVersion: '2026-04',
  });
  const recipient = createRequestContext({ type: 'organisation', id: recipientId, roles: ['recipient'] });
  const terms = marketingOfferTerms([{ itemId: 'purchase.receipts#/lineItems', required: true }]);
  const { id: offerId } = await get(CreateOfferUseCase).execute(recipient, terms as unknown as OfferTerms);
  await get(SubmitOfferUseCase).execute(recipient, offerId);
  await get(RecordReviewOutcomeUseCase).execute(createRequestContext({ type: 'system', name: 'revocation-race.review' }), {
    offerId,
    round: 1,
    outcome: 'approved',
    reasons: ['競合試験用の承認'],
    decidedAt: new Date(),
    caseId: randomUUID(),
    suspended: false,
  });

  // The rows sign-up (verified) and link redemption would write (no scrypt, no link codes), as the transfers bench does.
  const individuals = Array.from({ length: trials }, () => randomUUID());
  await dataSource.query(
    `INSERT INTO "accounts" ("id", "kind", "email", "password_hash", "display_name", "language", "email_verified_at")
     SELECT id, 'individual', 'race-' || n || '@race.example.jp', 'no-sign-in', '競合 花子', 'ja', now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [individuals],
  );
  await dataSource.query(
    `INSERT INTO "provider_links" ("id", "individual_id", "provider_id", "categories", "status", "code_expires_at", "customer_ref", "linked_at")
     SELECT gen_random_uuid(), id, $2, ARRAY['purchase.receipts'], 'active', now(), 'race-customer-' || (n - 1), now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [individuals, providerId],
  );
  const provider = createRequestContext({ type: 'organisation', id: providerId, roles: ['provider'] });
  for (let start = 0; start < trials; start += RECORDS_PER_BATCH) {
    const records = Array.from({ length: Math.min(RECORDS_PER_BATCH, trials - start) }, (_, index) => receipt(start + index));
    const jws = await new CompactSign(Buffer.from(JSON.stringify({ batchId: `race-${start}`, records }), 'utf8'))
      .setProtectedHeader({ alg: 'ES256', kid: 'race-provider', typ: 'deposit-batch+jws' })
      .sign(providerKey.privateKey);
    const { response } = await get(DepositRecordsUseCase).execute(provider, { jws });
    const refused = response.results.filter((result) => result.status !== 'accepted');
    if (refused.length > 0)
      throw new Error(`revocation race: ${refused.length} seeded records were refused (${JSON.stringify(refused[0])})`);
  }
  progress(`revocation race: ${trials} individuals linked with records; granting consents`);
  const grant = get(GrantConsentUseCase);
  await inBatches(trials, GRANT_CONCURRENCY, (index) =>
    grant.execute(createRequestContext({ type: 'individual', id: individuals[index] }), { offerId, optionalItems: [], mode: 'auto' }),
  );

  progress(`revocation race: building one transfer of ${trials} one-subject parts`);
  const { transferId } = await get(RequestTransferUseCase).execute(recipient, { offerId, idempotencyKey: randomUUID() });
  const building = performance.now();
  await get(BuildTransferUseCase).execute(createRequestContext({ type: 'system', name: 'revocation-race' }), { transferId });
  progress(`revocation race: built ${trials} one-subject parts in ${((performance.now() - building) / 1000).toFixed(1)} s`);
  const built = await get(GetTransferUseCase).execute(recipient, transferId);
  if (built.status !== 'ready' || built.parts !== trials) {
    throw new Error(`revocation race: the transfer is ${built.status} with ${built.parts} parts, not ready with ${trials}`);
  }
  const subjects: TrialSubject[] = (
    await dataSource.query(
      `SELECT "part", "individual_id" AS "individualId", "consent_id" AS "consentId"
         FROM "transfer_subjects" WHERE "transfer_id" = $1 AND "status" = 'ready' ORDER BY "part"`,
      [transferId],
    )
  ).map((row: TrialSubject) => ({ ...row, part: Number(row.part) }));
  if (subjects.length !== trials || new Set(subjects.map((subject) => subject.part)).size !== trials) {
    throw new Error(`revocation race: expected ${trials} parts of one ready subject each, found ${subjects.length} subjects`);
  }
  return { recipient, transferId, subjects };
}

/** Runs `operation(0..count-1)`, at most `concurrency` at a time. */
async function inBatches(count: number, concurrency: number, operation: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      await operation(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A settled side of a trial, as the verdict reads it: 'ok', an error code, or 'error:<name>'. */
function outcomeOf(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'ok';
  const error: unknown = result.reason;
  if (error instanceof DomainError) return error.code;
  return `error:${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

/** What the database holds for one trial's consent after the run. */
interface TrialEvidence {
  part: number | null;
  consentId: string;
  subjectStatus: string;
  provisions: number;
  provisionTick: number | null;
  revocations: number;
  revocationTick: number | null;
}

/** Keyed by consent: a refused subject leaves its part (denied, or pending a rebuild). */
async function evidenceOf(dataSource: DataSource, transferId: string): Promise<Map<string, TrialEvidence>> {
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT s."part", s."consent_id" AS "consentId", s."status" AS "subjectStatus",
            (SELECT count(*) FROM "provision_records" p WHERE p."consent_id" = s."consent_id") AS "provisions",
            (SELECT max(o."tick") FROM "race_commit_order" o
              WHERE o."table_name" = 'provision_records' AND o."consent_id" = s."consent_id") AS "provisionTick",
            (SELECT count(*) FROM "consent_events" e WHERE e."consent_id" = s."consent_id" AND e."type" = 'consent_revoked') AS "revocations",
            (SELECT min(o."tick") FROM "race_commit_order" o
              WHERE o."table_name" = 'consent_events' AND o."consent_id" = s."consent_id") AS "revocationTick"
       FROM "transfer_subjects" s WHERE s."transfer_id" = $1`,
    [transferId],
  );
  const number = (value: unknown): number | null => (value === null ? null : Number(value));
  return new Map(
    rows.map((row) => [
      row.consentId as string,
      {
        part: row.part === null ? null : Number(row.part),
        consentId: row.consentId as string,
        subjectStatus: row.subjectStatus as string,
        provisions: Number(row.provisions),
        provisionTick: number(row.provisionTick),
        revocations: Number(row.revocations),
        revocationTick: number(row.revocationTick),
      },
    ]),
  );
}

/** Rows the clock should have stamped but did not (the verdict would be blind to them). */
async function unstampedRows(dataSource: DataSource, transferId: string): Promise<number> {
  // Only this race's consents: the database may hold earlier scenarios' provisions, made before the stamping trigger.
  const [{ missing }] = await dataSource.query(
    `WITH "raced" AS (SELECT "consent_id" FROM "transfer_subjects" WHERE "transfer_id" = $1)
     SELECT (SELECT count(*) FROM "provision_records" p
              WHERE p."consent_id" IN (SELECT "consent_id" FROM "raced")
                AND NOT EXISTS (SELECT 1 FROM "race_commit_order" o WHERE o."row_id" = p."id"))
          + (SELECT count(*) FROM "consent_events" e
              WHERE e."type" = 'consent_revoked' AND e."consent_id" IN (SELECT "consent_id" FROM "raced")
                AND NOT EXISTS (SELECT 1 FROM "race_commit_order" o WHERE o."row_id" = e."id")) AS "missing"`,
    [transferId],
  );
  return Number(missing);
}

/** The problem with one trial, or null when it is one of the two allowed outcomes. */
function judge(download: string, revocation: string, evidence: TrialEvidence | undefined): { violation: boolean; problem: string } | null {
  if (evidence === undefined) return { violation: false, problem: 'subject missing from the transfer' };
  if (evidence.provisions > 0 && (evidence.revocationTick === null || (evidence.provisionTick ?? Infinity) > evidence.revocationTick)) {
    return { violation: true, problem: 'a provision committed after the revocation of its consent' };
  }
  if (revocation !== 'ok' || evidence.revocations !== 1) return { violation: false, problem: 'the revocation did not commit exactly once' };
  if (evidence.revocationTick === null) return { violation: false, problem: 'the revocation has no commit tick' };
  if (download === 'ok') {
    if (evidence.provisions !== 1 || evidence.provisionTick === null)
      return { violation: false, problem: 'delivered without one stamped provision' };
    if (evidence.subjectStatus !== 'delivered') return { violation: false, problem: 'provided but the subject is not delivered' };
    return null;
  }
  if (!REFUSALS.has(download)) return { violation: false, problem: 'the download failed unexpectedly' };
  if (evidence.provisions !== 0) return { violation: false, problem: 'refused but a provision exists' };
  if (evidence.subjectStatus === 'delivered') return { violation: false, problem: 'refused but the subject reads delivered' };
  return null;
}

/**
 * Seeds `options.trials` consented individuals and one transfer of one-subject parts, then races, per
 * part, DownloadPartUseCase (the recipient) against RevokeConsentUseCase (the individual), `concurrency`
 * trials at a time, the revocation started a random 0..maxDelayMs later. Judges every trial by the commit
 * clock: a provision must have committed before the revocation of its consent, and the subject reads
 * delivered exactly when a provision exists.
 */
export async function runRevocationRace(environment: RaceEnvironment, options: RaceOptions): Promise<RaceResult> {
  const { trials } = options;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const progress = options.progress ?? (() => undefined);
  // Parts of one subject each; enough connections for both sides of every concurrent trial.
  const config: AppConfig = {
    ...environment.config,
    database: { ...environment.config.database, poolSize: Math.max(environment.config.database.poolSize, 2 * concurrency + 4) },
    transfers: { ...environment.config.transfers, partMaxSubjects: 1 },
  };
  const app = await NestFactory.createApplicationContext(
    ProvisionPathModule.register({ service: 'revocation-race', config, logger: environment.logger, ...SCHEMA }),
    { logger: false, abortOnError: false },
  );
  try {
    const seeding = performance.now();
    const world = await seed(app, environment.dataSource, trials, progress);
    await installCommitClock(environment.config);
    const setupSeconds = (performance.now() - seeding) / 1000;
    progress(`revocation race: set up in ${setupSeconds.toFixed(1)} s; running ${trials} trials, ${concurrency} at a time`);

    const download = app.get(DownloadPartUseCase, { strict: false });
    const revoke = app.get(RevokeConsentUseCase, { strict: false });
    const outcomes: { download: string; revocation: string }[] = [];
    const trialLatenciesMs: number[] = [];
    const started = performance.now();
    await inBatches(trials, concurrency, async (index) => {
      const subject = world.subjects[index];
      // The download locks the transfer (so concurrent trials' downloads queue) and runs several statements before
      // it locks the consent; the revocation needs one row. Starting the revocation 0..maxDelayMs later lets either
      // win (with no delay the revocation settles almost every race).
      const delay = randomInt(0, maxDelayMs + 1);
      const before = performance.now();
      const [downloaded, revoked] = await Promise.allSettled([
        download.execute(world.recipient, { transferId: world.transferId, part: subject.part }),
        sleep(delay).then(() =>
          revoke.execute(createRequestContext({ type: 'individual', id: subject.individualId }), subject.consentId, { reason: null }),
        ),
      ]);
      trialLatenciesMs.push(performance.now() - before);
      outcomes[index] = { download: outcomeOf(downloaded), revocation: outcomeOf(revoked) };
    });
    const seconds = (performance.now() - started) / 1000;

    const evidence = await evidenceOf(environment.dataSource, world.transferId);
    const findings: RaceFinding[] = [];
    let providedBeforeRevocation = 0;
    let refused = 0;
    let violations = 0;
    let anomalies = await unstampedRows(environment.dataSource, world.transferId);
    world.subjects.forEach((subject, index) => {
      const { download: downloadOutcome, revocation } = outcomes[index];
      const found = evidence.get(subject.consentId);
      const verdict = judge(downloadOutcome, revocation, found);
      if (verdict === null) {
        if (downloadOutcome === 'ok') providedBeforeRevocation += 1;
        else refused += 1;
        return;
      }
      if (verdict.violation) violations += 1;
      else anomalies += 1;
      if (findings.length < MAX_FINDINGS_KEPT) {
        findings.push({
          part: subject.part,
          consentId: subject.consentId,
          problem: verdict.problem,
          download: downloadOutcome,
          revocation,
          provisions: found?.provisions ?? 0,
          provisionTick: found?.provisionTick ?? null,
          revocationTick: found?.revocationTick ?? null,
          subjectStatus: found?.subjectStatus ?? 'missing',
        });
      }
    });
    return { trials, providedBeforeRevocation, refused, violations, anomalies, seconds, setupSeconds, findings, trialLatenciesMs };
  } finally {
    await app.close();
  }
}
