import { createHash } from 'node:crypto';
import { ACCOUNT_CLOSED_JOB } from '@infobank/auth';
import { ExpireConsentsUseCase, RevokeConsentsOfClosedAccountUseCase } from '@infobank/consent';
import {
  CreateOfferUseCase,
  RecordReviewOutcomeUseCase,
  SetOffersSuspendedUseCase,
  SubmitOfferUseCase,
  WithdrawOfferUseCase,
  type OfferTerms,
} from '@infobank/offers';
import { createRequestContext, withTransaction } from '@infobank/platform';
import { SealTransparencyLogUseCase, verifyInclusionProofAgainstJwks, type BankJwks } from '@infobank/transparency-log';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { offerTerms } from '../../support/offer-terms';
import { registerOrganisation } from '../../support/organisation-client';
import { eventually, isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';
import { verifyEmailWithoutMail } from '../../support/verified-individual';
import { callJson, expectProblem, newIndividual } from './session-client';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

describe('portal: consents (grant, pause, resume, revoke) with signed receipts', () => {
  let portal: RunningApp;
  let dataSource: DataSource;
  const board = createRequestContext({ type: 'system', name: 'review' });

  const use = <T>(type: new (...args: never[]) => T): T => portal.app.get(type, { strict: false });
  const post = (path: string, bearer: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    callJson(portal.url, 'POST', path, { bearer, body, headers });
  const get = (path: string, bearer: string) => callJson(portal.url, 'GET', path, { bearer });

  async function session(): Promise<{ id: string; accessToken: string; stepUpToken: string }> {
    const individual = newIndividual();
    const { body: registered } = await callJson(portal.url, 'POST', '/v1/auth/register', { body: individual });
    await verifyEmailWithoutMail(portal, registered.id as string);
    const { body: tokens } = await callJson(portal.url, 'POST', '/v1/auth/login', {
      body: { email: individual.email, password: individual.password },
    });
    const { body: stepUp } = await post('/v1/auth/step-up', tokens.accessToken, { password: individual.password });
    return { id: registered.id, accessToken: tokens.accessToken, stepUpToken: stepUp.stepUpToken };
  }

  let lastRecipient = '';

  async function approvedOffer(overrides: Record<string, unknown> = {}): Promise<string> {
    const recipient = (await registerOrganisation(portal, { roles: ['recipient'] })).organisationId;
    lastRecipient = recipient;
    const ctx = createRequestContext({ type: 'organisation', id: recipient, roles: ['recipient'] });
    const { id } = await use(CreateOfferUseCase).execute(ctx, offerTerms(overrides) as unknown as OfferTerms);
    await use(SubmitOfferUseCase).execute(ctx, id);
    await use(RecordReviewOutcomeUseCase).execute(board, {
      offerId: id,
      round: 1,
      outcome: 'approved',
      reasons: ['承認'],
      decidedAt: new Date(),
      caseId: randomUUID(),
      suspended: false,
    });
    return id;
  }

  async function jwks(): Promise<BankJwks> {
    return (await (await fetch(`${portal.url}/.well-known/jwks.json`)).json()) as BankJwks;
  }

  let alice: Awaited<ReturnType<typeof session>>;
  let bob: Awaited<ReturnType<typeof session>>;
  let offerId: string;

  let environment: IsolatedEnvironment;

  beforeAll(async () => {
    // A database of its own: the expiry test sweeps every live consent, and other suites leave consents
    // of made-up offers in the run's shared database.
    environment = await isolatedEnvironment();
    const { name } = environment.config.database;
    portal = await startTestApp(PortalModule, { DATABASE_NAME: name, REDIS_PREFIX: environment.config.redis.prefix }, PORTAL_ERROR_STATUS);
    dataSource = environment.dataSource;
    [alice, bob] = await Promise.all([session(), session()]);
    offerId = await approvedOffer();
  });
  afterAll(async () => {
    await portal?.close();
    await environment?.dispose();
  });

  it('grants a consent whose receipt verifies with jose against /.well-known/jwks.json and carries the ISO/IEC TS 27560 fields', async () => {
    const granted = await post('/v1/me/consents', alice.accessToken, {
      offerId,
      optionalItems: ['purchase.receipts#/store'],
      mode: 'auto',
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ state: 'active', version: 1 });
    const keys = createLocalJWKSet((await jwks()) as Parameters<typeof createLocalJWKSet>[0]);
    const { payload, protectedHeader } = await jwtVerify(granted.body.receipt, keys, {
      algorithms: ['EdDSA', 'ES256', 'PS256'],
      typ: 'consent-receipt+jwt',
    });
    expect(protectedHeader.typ).toBe('consent-receipt+jwt');
    expect(payload).toMatchObject({
      schemaVersion: 'ISO/IEC TS 27560:2023',
      recordId: granted.body.consentId,
      piiPrincipalId: alice.id,
      items: [{ itemId: 'purchase.receipts#/lineItems' }, { itemId: 'purchase.receipts#/store' }],
      processingCountries: ['JP'],
      profiling: false,
      event: { type: 'consent_granted', actor: 'individual', source: 'individual', version: 1 },
      previousReceiptHash: null,
      withdrawalMethod: { url: expect.stringContaining(`/v1/me/consents/${granted.body.consentId}/revoke`) },
    });
    expect((payload.purposes as { dpv: string }[])[0].dpv).toMatch(/^https:\/\/w3id\.org\/dpv#/);
    expect((payload.recipients as { corporateNumber: string }[])[0].corporateNumber).toMatch(/^\d{13}$/);

    const again = await post('/v1/me/consents', alice.accessToken, { offerId, optionalItems: [], mode: 'auto' });
    expectProblem(again, 409, 'CONSENT_EXISTS');
  });

  it('pauses, resumes and revokes, each with a receipt chained to the previous one; revoking twice is 409', async () => {
    const other = await approvedOffer();
    const { body: granted } = await post('/v1/me/consents', alice.accessToken, { offerId: other, optionalItems: [], mode: 'ask' });
    const base = `/v1/me/consents/${granted.consentId}`;
    expect((await post(`${base}/pause`, alice.accessToken)).body).toMatchObject({ state: 'paused', version: 2 });
    expectProblem(await post(`${base}/pause`, alice.accessToken), 409, 'CONSENT_ALREADY_PAUSED');
    expect((await post(`${base}/resume`, alice.accessToken)).body).toMatchObject({ state: 'active', version: 3 });
    const revoked = await post(`${base}/revoke`, alice.accessToken, { reason: 'もう使わない' });
    expect(revoked.body).toMatchObject({ state: 'revoked', version: 4 });
    expectProblem(await post(`${base}/revoke`, alice.accessToken), 409, 'CONSENT_ALREADY_REVOKED');
    expectProblem(await post(`${base}/resume`, alice.accessToken), 409, 'CONSENT_ENDED');

    const { body: receipts } = await get(`${base}/receipts`, alice.accessToken);
    expect(receipts.map((receipt: { type: string }) => receipt.type)).toEqual([
      'consent_granted',
      'consent_paused',
      'consent_resumed',
      'consent_revoked',
    ]);
    for (let index = 1; index < receipts.length; index += 1) {
      const payload = JSON.parse(Buffer.from(receipts[index].receipt.split('.')[1], 'base64url').toString('utf8'));
      expect(payload.previousReceiptHash).toBe(
        createHash('sha256')
          .update(receipts[index - 1].receipt)
          .digest('base64url'),
      );
    }
    const { body: detail } = await get(base, alice.accessToken);
    expect(detail).toMatchObject({
      state: 'revoked',
      revocationReason: 'もう使わない',
      mode: 'ask',
      items: ['purchase.receipts#/lineItems'],
    });

    // After a revocation a new consent to the same offer is allowed.
    expect((await post('/v1/me/consents', alice.accessToken, { offerId: other, optionalItems: [], mode: 'auto' })).status).toBe(201);
  });

  it("never shows or changes another individual's consent (404, like one that does not exist)", async () => {
    const { body: mine } = await get('/v1/me/consents', alice.accessToken);
    const consentId = mine[0].consentId as string;
    expectProblem(await get(`/v1/me/consents/${consentId}`, bob.accessToken), 404, 'CONSENT_NOT_FOUND');
    expectProblem(await get(`/v1/me/consents/${consentId}/receipts`, bob.accessToken), 404, 'CONSENT_NOT_FOUND');
    expectProblem(await get(`/v1/me/consents/${consentId}/proof`, bob.accessToken), 404, 'CONSENT_NOT_FOUND');
    for (const action of ['pause', 'resume', 'revoke']) {
      expectProblem(await post(`/v1/me/consents/${consentId}/${action}`, bob.accessToken), 404, 'CONSENT_NOT_FOUND');
    }
    expectProblem(await get(`/v1/me/consents/${randomUUID()}`, bob.accessToken), 404, 'CONSENT_NOT_FOUND');
    expect((await get('/v1/me/consents', bob.accessToken)).body).toEqual([]);
    expect((await get(`/v1/me/consents/${consentId}`, alice.accessToken)).body.version).toBe(mine[0].version);
  });

  it('refuses a sensitive offer without a step-up (403) and grants it with one', async () => {
    const sensitive = await approvedOffer({ items: [{ itemId: 'health.checkup#/bloodPressure', required: true }] });
    const body = { offerId: sensitive, optionalItems: [], mode: 'auto' };
    expectProblem(await post('/v1/me/consents', bob.accessToken, body), 403, 'CONSENT_STEP_UP_REQUIRED');
    expect((await get('/v1/me/consents', bob.accessToken)).body).toEqual([]);
    const granted = await post('/v1/me/consents', bob.accessToken, body, { 'x-step-up-token': bob.stepUpToken });
    expect(granted.status).toBe(201);
  });

  it('needs the processing countries acknowledged for an offer processed outside Japan', async () => {
    const abroad = await approvedOffer({ processingCountries: ['JP', 'US'] });
    const refused = await post('/v1/me/consents', bob.accessToken, {
      offerId: abroad,
      optionalItems: [],
      mode: 'auto',
      acknowledgedCountries: ['JP'],
    });
    expectProblem(refused, 400, 'VALIDATION_FAILED');
    expect(refused.body.errors[0].path).toBe('/acknowledgedCountries');
    const granted = await post('/v1/me/consents', bob.accessToken, {
      offerId: abroad,
      optionalItems: [],
      mode: 'auto',
      acknowledgedCountries: ['US', 'JP'],
    });
    expect(granted.status).toBe(201);
  });

  it('leaves one consistent state when a revoke and a pause race', async () => {
    const raced = await approvedOffer();
    const { body: granted } = await post('/v1/me/consents', alice.accessToken, { offerId: raced, optionalItems: [], mode: 'auto' });
    const base = `/v1/me/consents/${granted.consentId}`;
    const [revoke, pause] = await Promise.all([post(`${base}/revoke`, alice.accessToken), post(`${base}/pause`, alice.accessToken)]);
    expect(revoke.status).toBe(200);
    const { body: detail } = await get(base, alice.accessToken);
    expect(detail.state).toBe('revoked');
    // Either the pause came first (version 3, both succeeded) or it lost and was refused cleanly.
    if (pause.status === 200)
      expect(detail.events.map((event: { type: string }) => event.type)).toEqual(['consent_granted', 'consent_paused', 'consent_revoked']);
    else {
      expectProblem(pause, 409, 'CONSENT_ENDED');
      expect(detail.events.map((event: { type: string }) => event.type)).toEqual(['consent_granted', 'consent_revoked']);
    }
    expect(detail.version).toBe(detail.events.length);
    expect(detail.events.map((event: { version: number }) => event.version)).toEqual(
      detail.events.map((_: unknown, index: number) => index + 1),
    );
  });

  it('serves an inclusion proof of a consent event once sealed (409 before), verifiable against the JWKS', async () => {
    const proved = await approvedOffer();
    const { body: granted } = await post('/v1/me/consents', alice.accessToken, { offerId: proved, optionalItems: [], mode: 'auto' });
    const path = `/v1/me/consents/${granted.consentId}/proof`;
    const before = await get(path, alice.accessToken);
    if (before.status !== 200) expectProblem(before, 409, 'CONSENT_PROOF_PENDING');
    // Other suites share this database: the sealer waits for their open transactions, so seal until the leaf is in.
    const proof = await eventually('the consent event to be sealed', async () => {
      await dataSource.transaction((manager) => use(SealTransparencyLogUseCase).execute(withTransaction(logCtx, manager)));
      const answer = await get(path, alice.accessToken);
      return answer.status === 200 ? answer : undefined;
    });
    const checkpoint = await verifyInclusionProofAgainstJwks(proof.body, await jwks());
    expect(checkpoint.treeSize).toBeGreaterThan(proof.body.leafIndex);
    const leaf = JSON.parse(Buffer.from(proof.body.leaf, 'base64url').toString('utf8'));
    expect(leaf).toMatchObject({ kind: 'consent_event', consentId: granted.consentId, type: 'consent_granted', version: 1 });
    expect(leaf.receiptHash).toBe(createHash('sha256').update(granted.receipt).digest('base64url'));
    expect(decodeProtectedHeader(proof.body.checkpoint).typ).toBe('checkpoint+jwt');
  });

  it('the expiry job expires consents at expiresAt and when their offer is withdrawn, but not while it is suspended', async () => {
    const worker = createRequestContext({ type: 'system', name: 'schedules' });
    const grant = async (overrides: Record<string, unknown> = {}) =>
      (await post('/v1/me/consents', alice.accessToken, { offerId: await approvedOffer(), optionalItems: [], mode: 'auto', ...overrides }))
        .body.consentId as string;
    const timed = await grant({ expiresAt: new Date(Date.now() + 1500).toISOString() });
    const withdrawn = await grant();
    const withdrawnRecipient = lastRecipient;
    const withdrawnOffer = (await get(`/v1/me/consents/${withdrawn}`, alice.accessToken)).body.offerId as string;
    const suspended = await grant();
    const suspendedOffer = (await get(`/v1/me/consents/${suspended}`, alice.accessToken)).body.offerId as string;
    await use(WithdrawOfferUseCase).execute(
      createRequestContext({ type: 'organisation', id: withdrawnRecipient, roles: ['recipient'] }),
      withdrawnOffer,
    );
    await use(SetOffersSuspendedUseCase).execute(board, { target: { type: 'offer', id: suspendedOffer }, suspended: true });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await use(ExpireConsentsUseCase).execute(worker);
    const state = async (consentId: string) => (await get(`/v1/me/consents/${consentId}`, alice.accessToken)).body;
    expect(await state(timed)).toMatchObject({ state: 'expired', expiryCause: 'expires_at' });
    expect(await state(withdrawn)).toMatchObject({ state: 'expired', expiryCause: 'offer_withdrawn' });
    expect(await state(suspended)).toMatchObject({ state: 'active' });
    const receipts = (await get(`/v1/me/consents/${timed}/receipts`, alice.accessToken)).body;
    expect(receipts.map((receipt: { type: string; actor: string }) => [receipt.type, receipt.actor])).toEqual([
      ['consent_granted', 'individual'],
      ['consent_expired', 'bank'],
    ]);
  });

  it('the expiry job skips a consent whose stored offer snapshot is broken and still expires every other one', async () => {
    const inAnHour = new Date(Date.now() + 3600_000);
    const { body: granted } = await post('/v1/me/consents', alice.accessToken, {
      offerId: await approvedOffer(),
      optionalItems: [],
      mode: 'auto',
      expiresAt: inAnHour.toISOString(),
    });
    // A row no receipt can be signed for: its offer snapshot lost every field.
    const broken = randomUUID();
    await dataSource.query(
      `INSERT INTO "consents" ("id", "individual_id", "offer_id", "recipient_id", "status", "mode", "source", "items", "offer_snapshot",
         "version", "granted_at", "updated_at", "expires_at")
       VALUES ($1, $2, $3, $4, 'active', 'auto', 'individual', ARRAY['a.b#/c'], '{}'::jsonb, 1, now(), now(), now())`,
      [broken, randomUUID(), randomUUID(), randomUUID()],
    );
    const twoHoursLater = new Date(inAnHour.getTime() + 3600_000);
    try {
      const result = await use(ExpireConsentsUseCase).execute(
        createRequestContext({ type: 'system', name: 'schedules' }, undefined, () => twoHoursLater),
      );
      expect(result).toMatchObject({ skipped: 1 });
      expect(result.expired).toBeGreaterThanOrEqual(1);
      expect((await get(`/v1/me/consents/${granted.consentId}`, alice.accessToken)).body).toMatchObject({
        state: 'expired',
        expiryCause: 'expires_at',
      });
      expect(await dataSource.query(`SELECT "status" FROM "consents" WHERE "id" = $1`, [broken])).toEqual([{ status: 'active' }]);
    } finally {
      // Ended, so that later sweeps in this database do not meet it again.
      await dataSource.query(
        `UPDATE "consents" SET "status" = 'expired', "ended_at" = now(), "expiry_cause" = 'expires_at', "version" = 2 WHERE "id" = $1`,
        [broken],
      );
    }
  });

  it('closing the account revokes every live consent in the closing transaction, each with a receipt; the worker’s job then revokes nothing more', async () => {
    const carol = await session();
    const offers = [await approvedOffer(), await approvedOffer()];
    const consentIds: string[] = [];
    for (const id of offers) {
      const granted = await post('/v1/me/consents', carol.accessToken, { offerId: id, optionalItems: [], mode: 'auto' });
      expect(granted.status).toBe(201);
      consentIds.push(granted.body.consentId);
    }
    expect((await post(`/v1/me/consents/${consentIds[1]}/pause`, carol.accessToken)).status).toBeLessThan(300);

    const closed = await callJson(portal.url, 'DELETE', '/v1/me', {
      bearer: carol.accessToken,
      headers: { 'x-step-up-token': carol.stepUpToken },
    });
    expect(closed.status).toBeLessThan(300);
    const announced = await dataSource.query(`SELECT payload FROM "outbox" WHERE job_name = $1`, [ACCOUNT_CLOSED_JOB.name]);
    expect(announced.filter((row: { payload: { individualId: string } }) => row.payload.individualId === carol.id)).toHaveLength(1);

    // Revoked before any worker ran.
    const revokedAtOnce = await dataSource.query(`SELECT id, status FROM consents WHERE individual_id = $1 ORDER BY id`, [carol.id]);
    expect(revokedAtOnce).toEqual([...consentIds].sort().map((id) => ({ id, status: 'revoked' })));
    // What the worker's account.closed handler runs (a safety net): it revokes nothing more, delivered once or twice.
    const worker = createRequestContext({ type: 'system', name: 'worker' });
    await expect(use(RevokeConsentsOfClosedAccountUseCase).execute(worker, { individualId: carol.id })).resolves.toEqual({ revoked: 0 });
    await expect(use(RevokeConsentsOfClosedAccountUseCase).execute(worker, { individualId: carol.id })).resolves.toEqual({ revoked: 0 });
    const states = await dataSource.query(`SELECT id, status FROM consents WHERE individual_id = $1 ORDER BY id`, [carol.id]);
    expect(states).toEqual([...consentIds].sort().map((id) => ({ id, status: 'revoked' })));
    const revocations = await dataSource.query(
      `SELECT count(*)::int AS n FROM consent_events WHERE consent_id = ANY($1::uuid[]) AND type = 'consent_revoked' AND payload->>'reason' = 'account_closed' AND receipt_jws <> ''`,
      [consentIds],
    );
    expect(revocations).toEqual([{ n: 2 }]);
  });

  it('rejects unknown fields and bad values with problem+json and writes nothing', async () => {
    const before = (await get('/v1/me/consents', bob.accessToken)).body.length;
    expectProblem(
      await post('/v1/me/consents', bob.accessToken, { offerId, optionalItems: [], mode: 'sometimes' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await post('/v1/me/consents', bob.accessToken, { offerId, optionalItems: [], mode: 'auto', extra: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await post('/v1/me/consents', bob.accessToken, { offerId, optionalItems: ['purchase.receipts#/lineItems'], mode: 'auto' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await post('/v1/me/consents', bob.accessToken, { offerId, optionalItems: [], mode: 'auto', expiresAt: '2020-01-01T00:00:00Z' }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await get('/v1/me/consents', bob.accessToken)).body.length).toBe(before);
  });
});
