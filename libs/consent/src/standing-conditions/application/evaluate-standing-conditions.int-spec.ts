import { createHash, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BankKeyRing } from '@infobank/crypto';
import { SCHEMA } from '@infobank/migrations';
import { createRequestContext } from '@infobank/platform';
import { SEND_MAIL_JOB } from '@infobank/rights';
import type { DataSource } from 'typeorm';
import { isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../../../../test/support/platform';
import {
  approveOffer,
  ConsentGrantingModule,
  seedStandingConditionIndividuals,
  submittedMarketingOffer,
} from '../../../../../test/bench/consent-granting';
import { GrantConsentUseCase } from '../../consents/application/grant-consent.use-case';
import { CONSENT_RECEIPT_TYPE } from '../../consents/domain/consent-receipt';
import { consentLeafBody } from '../../consents/domain/consent-leaf';
import { ConsentExistsError, EmailVerificationRequiredError } from '../../consent.errors';
import { EVALUATE_STANDING_CONDITIONS_JOB } from '../standing-conditions.jobs';
import { EvaluateStandingConditionsUseCase, FIRST_INDIVIDUAL_CURSOR } from './evaluate-standing-conditions.use-case';

const KIND = 'consent_granted_by_standing_condition';

/** Individual ids that sort after every id seeded before (pages run in id order). */
function idsInOrder(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}-${String(index).padStart(4, '0')}-4000-8000-${randomUUID().slice(-12)}`);
}

describe('standing conditions grant a page of individuals at once (EvaluateStandingConditionsUseCase over Postgres)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let evaluate: EvaluateStandingConditionsUseCase;
  let grant: GrantConsentUseCase;
  let keyRing: BankKeyRing;
  let offerId: string;
  /** The explanation evaluation writes for the seeded conditions and the offer. */
  let fitting: { ja: string[]; en: string[] };
  const worker = createRequestContext({ type: 'system', name: 'standing-conditions' });
  const count = async (sql: string, values: unknown[] = []): Promise<number> => (await dataSource.query(sql, values))[0].n as number;

  /** Everything one grant left behind, with what differs between any two grants (ids, times, the individual) taken out. */
  async function whatTheGrantLeft(consentId: string): Promise<Record<string, unknown>> {
    const [consent] = await dataSource.query(
      `SELECT "status", "mode", "source", "items", "explanation", "offer_snapshot", "version", "expires_at", "ended_at", "offer_id"
         FROM "consents" WHERE "id" = $1`,
      [consentId],
    );
    const events: Record<string, unknown>[] = await dataSource.query(
      `SELECT "id", "version", "type", "payload", "actor", "occurred_at", "receipt_jws", "receipt_hash", "leaf_id"
         FROM "consent_events" WHERE "consent_id" = $1`,
      [consentId],
    );
    expect(events).toHaveLength(1);
    const [event] = events as {
      id: string;
      version: number;
      type: 'consent_granted';
      payload: Record<string, unknown>;
      actor: string;
      occurred_at: Date;
      receipt_jws: string;
      receipt_hash: string;
      leaf_id: string;
    }[];
    // The receipt verifies against the bank's keys (what GET /v1/me/consents/:id/receipts serves) and its hash is the one stored.
    const verified = await keyRing.verifyBankJws(event.receipt_jws, { typ: CONSENT_RECEIPT_TYPE });
    expect(createHash('sha256').update(event.receipt_jws).digest('base64url')).toBe(event.receipt_hash);
    const receipt = verified.payload as Record<string, unknown> & { validity: object; event: object; withdrawalMethod: { url: string } };
    expect(receipt).toMatchObject({ recordId: consentId, event: { id: event.id, type: 'consent_granted', version: 1 } });
    // The log leaf is exactly the event's canonical leaf.
    const [leaf] = await dataSource.query(`SELECT "kind", "body" FROM "transparency_log_leaves" WHERE "id" = $1`, [event.leaf_id]);
    expect(leaf.body.toString('utf8')).toBe(
      consentLeafBody({
        consentId,
        eventId: event.id,
        version: 1,
        type: 'consent_granted',
        occurredAt: event.occurred_at,
        receiptHash: event.receipt_hash,
      }),
    );
    const { consentId: _consent, individualId: _individual, ...terms } = event.payload;
    const {
      recordId: _record,
      receiptId: _receipt,
      piiPrincipalId: _principal,
      validity,
      event: receiptEvent,
      withdrawalMethod,
      ...rest
    } = receipt;
    return {
      consent,
      event: { version: event.version, type: event.type, actor: event.actor, terms },
      receipt: {
        ...rest,
        validity: { ...validity, from: 'granted-at' },
        event: { ...receiptEvent, id: 'event-id', time: 'granted-at' },
        withdrawalMethod: { ...withdrawalMethod, url: withdrawalMethod.url.replace(consentId, ':id') },
      },
      leafKind: leaf.kind,
    };
  }

  async function consentOf(individualId: string): Promise<string | undefined> {
    const rows: { id: string }[] = await dataSource.query(`SELECT "id" FROM "consents" WHERE "individual_id" = $1 AND "offer_id" = $2`, [
      individualId,
      offerId,
    ]);
    expect(rows.length).toBeLessThanOrEqual(1);
    return rows[0]?.id;
  }

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    app = await NestFactory.createApplicationContext(
      ConsentGrantingModule.register({ service: 'grants-test', config: environment.config, logger: testLogger(), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
    dataSource = environment.dataSource;
    evaluate = app.get(EvaluateStandingConditionsUseCase, { strict: false });
    grant = app.get(GrantConsentUseCase, { strict: false });
    keyRing = app.get(BankKeyRing, { strict: false });
    ({ offerId } = await submittedMarketingOffer(app));
    await approveOffer(app, offerId);
    fitting = await evaluateExplanation();
  });
  afterAll(async () => {
    await app?.close();
    await environment?.dispose();
  });

  it('leaves for each individual of the page exactly what a single grant leaves, notifies each once, and a re-run grants nothing twice', async () => {
    const page = idsInOrder(5, '10000000');
    const [single, ...bulk] = page;
    await seedStandingConditionIndividuals((text, values) => dataSource.query(text, values), { ids: page });
    // One of them wants this kind of notification by e-mail.
    await dataSource.query(
      `INSERT INTO "notification_email_preferences" ("individual_id", "kind", "email", "updated_at") VALUES ($1, $2, true, now())`,
      [bulk[0], KIND],
    );
    // The single grant, as the bank grants on one individual's standing conditions.
    const singleResult = await grant.execute(worker, {
      offerId,
      optionalItems: [],
      mode: 'auto',
      acknowledgedCountries: [],
      source: 'standing_condition',
      explanation: fitting,
      individualId: single,
    });
    const outboxBefore = await count(`SELECT count(*)::int AS n FROM "outbox"`);

    const result = await evaluate.execute(worker, { offerId, afterIndividualId: '10000000-0000-0000-0000-000000000000' }, 10);

    expect(result).toEqual({ evaluated: 5, granted: 4, nextAfterIndividualId: null });
    const expected = await whatTheGrantLeft(singleResult.consentId);
    for (const individualId of bulk) {
      const consentId = await consentOf(individualId);
      expect(consentId).toBeDefined();
      expect(await whatTheGrantLeft(consentId as string)).toEqual(expected);
      const notifications = await dataSource.query(
        `SELECT "subject_type", "subject_id", "message" FROM "notifications" WHERE "individual_id" = $1 AND "kind" = $2`,
        [individualId, KIND],
      );
      expect(notifications).toEqual([
        {
          subject_type: 'consent',
          subject_id: consentId,
          message: expect.objectContaining({ lines: expect.objectContaining({ ja: [...fitting.ja, expect.stringContaining('撤回')] }) }),
        },
      ]);
    }
    // The one who asked for e-mail gets one mail, through the outbox; nobody else does.
    const mails = await dataSource.query(`SELECT "id", "account_id" FROM "mail_messages" WHERE "purpose" = 'notification'`);
    expect(mails).toEqual([{ id: expect.any(String), account_id: bulk[0] }]);
    expect(
      await count(`SELECT count(*)::int AS n FROM "outbox" WHERE "job_name" = $1 AND "payload"->>'mailId' = $2`, [
        SEND_MAIL_JOB.name,
        mails[0].id,
      ]),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM "outbox"`)).toBe(outboxBefore + 1);

    const tables = ['consents', 'consent_events', 'transparency_log_leaves', 'notifications', 'mail_messages', 'outbox'];
    const before = await Promise.all(tables.map((table) => count(`SELECT count(*)::int AS n FROM "${table}"`)));
    const again = await evaluate.execute(worker, { offerId, afterIndividualId: '10000000-0000-0000-0000-000000000000' }, 10);
    expect(again).toEqual({ evaluated: 5, granted: 0, nextAfterIndividualId: null });
    expect(await Promise.all(tables.map((table) => count(`SELECT count(*)::int AS n FROM "${table}"`)))).toEqual(before);
  });

  it('a full page enqueues the next page through the outbox, after the last individual of the page', async () => {
    const ids = idsInOrder(3, '30000000');
    await seedStandingConditionIndividuals((text, values) => dataSource.query(text, values), { ids, mode: 'ask' });
    const result = await evaluate.execute(worker, { offerId, afterIndividualId: '30000000-0000-0000-0000-000000000000' }, 2);
    expect(result).toMatchObject({ evaluated: 2, nextAfterIndividualId: ids[1] });
    expect(
      await count(`SELECT count(*)::int AS n FROM "outbox" WHERE "job_name" = $1 AND "payload"->>'afterIndividualId' = $2`, [
        EVALUATE_STANDING_CONDITIONS_JOB.name,
        ids[1],
      ]),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM "consents" WHERE "individual_id" = ANY($1::uuid[]) AND "mode" = 'ask'`, [ids])).toBe(
      2,
    );
  });

  // Last: it publishes terms that every later grant would have to wait for.
  it('skips individuals who may not consent (address not verified, current terms not accepted, account closed) and grants the others', async () => {
    const [unverified, eligible, noTerms, closed, acceptedTerms] = idsInOrder(5, 'f0000000');
    const seed = (ids: string[], verified = true) =>
      seedStandingConditionIndividuals((text, values) => dataSource.query(text, values), { ids, verified });
    await seed([unverified], false);
    await seed([eligible, noTerms, closed, acceptedTerms]);
    await dataSource.query(`UPDATE "accounts" SET "disabled_at" = now() WHERE "id" = $1`, [closed]);
    // Terms published from now on: everyone of this test but `acceptedTerms` (and `eligible`, who accepted them too) must accept them first.
    const termsId = randomUUID();
    await dataSource.query(
      `INSERT INTO "terms_versions" ("id", "audience", "version", "text_ja", "text_en", "published_at", "published_by")
       VALUES ($1, 'individual', '2099-01', '規約', 'Terms', now(), 'test')`,
      [termsId],
    );
    await dataSource.query(
      `INSERT INTO "terms_acceptances" ("id", "terms_version_id", "party_id", "accepted_at", "method")
       SELECT gen_random_uuid(), $1, id, now(), 'portal' FROM unnest($2::uuid[]) AS t(id)`,
      [termsId, [eligible, acceptedTerms]],
    );

    const result = await evaluate.execute(worker, { offerId, afterIndividualId: 'f0000000-0000-0000-0000-000000000000' }, 10);

    expect(result).toEqual({ evaluated: 5, granted: 2, nextAfterIndividualId: null });
    for (const individualId of [unverified, noTerms, closed]) {
      expect(await consentOf(individualId)).toBeUndefined();
      expect(await count(`SELECT count(*)::int AS n FROM "notifications" WHERE "individual_id" = $1`, [individualId])).toBe(0);
    }
    expect(await consentOf(eligible)).toBeDefined();
    expect(await consentOf(acceptedTerms)).toBeDefined();
    // The single grant refuses the same individuals with the same errors as before.
    const command = { offerId, optionalItems: [], mode: 'auto' as const, acknowledgedCountries: [], source: 'standing_condition' as const };
    const explanation = fitting;
    await expect(grant.execute(worker, { ...command, explanation, individualId: unverified })).rejects.toBeInstanceOf(
      EmailVerificationRequiredError,
    );
    await expect(grant.execute(worker, { ...command, explanation, individualId: noTerms })).rejects.toMatchObject({
      code: 'TERMS_ACCEPTANCE_REQUIRED',
    });
    await expect(grant.execute(worker, { ...command, explanation, individualId: eligible })).rejects.toBeInstanceOf(ConsentExistsError);
  });

  /** The explanation evaluation writes for these individuals' conditions and the offer (read from a grant it made). */
  async function evaluateExplanation(): Promise<{ ja: string[]; en: string[] }> {
    const probe = idsInOrder(1, '00000001');
    await seedStandingConditionIndividuals((text, values) => dataSource.query(text, values), { ids: probe });
    expect(await evaluate.execute(worker, { offerId, afterIndividualId: FIRST_INDIVIDUAL_CURSOR }, 1)).toMatchObject({ granted: 1 });
    const [row] = await dataSource.query(`SELECT "explanation" FROM "consents" WHERE "individual_id" = $1`, [probe[0]]);
    return row.explanation;
  }
});
