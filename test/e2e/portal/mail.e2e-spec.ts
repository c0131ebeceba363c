// E-mail that really leaves the bank (issue 16): the portal and the worker run against a real SMTP server on
// loopback inside this test (smtp-server, no mocks). Verification links, password reset, the takeover of an
// address someone else registered, approval-request mails and their one reminder, and e-mail preferences.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { REMIND_APPROVAL_JOB, RemindApprovalUseCase, RequestApprovalUseCase } from '@infobank/consent';
import { SCHEMA } from '@infobank/migrations';
import { createRequestContext, OutboxMessageEntity, QueueRegistry } from '@infobank/platform';
import { accountTokenDigest, SEND_MAIL_JOB } from '@infobank/rights';
import { randomUUID } from 'node:crypto';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { eventually, isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../../support/platform';
import { SmtpInbox, tokenInMail } from '../../support/smtp-inbox';
import { callJson, expectProblem, newIndividual } from './session-client';
import { approvedOffer } from './standing-conditions-world';

const PORTAL_PUBLIC_URL = 'https://portal.example.jp';
const HOUR_MS = 60 * 60 * 1000;

describe('portal: e-mail through a real SMTP exchange (verification, reset, approval requests and reminders)', () => {
  let inbox: SmtpInbox;
  let environment: IsolatedEnvironment;
  let portal: RunningApp;
  let worker: INestApplicationContext;

  const post = (path: string, body?: unknown, bearer?: string) => callJson(portal.url, 'POST', path, { body, bearer });
  const get = (path: string, bearer: string) => callJson(portal.url, 'GET', path, { bearer });
  const use = <T>(type: new (...args: never[]) => T): T => portal.app.get(type, { strict: false });

  /** Registers a new individual and signs in; answers the details, tokens and id. */
  async function registered(overrides: Partial<ReturnType<typeof newIndividual>> = {}) {
    const details = newIndividual(overrides);
    expect((await post('/v1/auth/register', details)).status).toBe(201);
    const login = await post('/v1/auth/login', { email: details.email, password: details.password });
    expect(login.status).toBe(200);
    const me = await get('/v1/me', login.body.accessToken);
    return {
      ...details,
      id: me.body.id as string,
      accessToken: login.body.accessToken as string,
      refreshToken: login.body.refreshToken as string,
    };
  }

  /** Registers, then verifies through the link of the verification mail. */
  async function verified(overrides: Partial<ReturnType<typeof newIndividual>> = {}) {
    const person = await registered(overrides);
    const { token } = tokenInMail(await inbox.nthMailTo(person.email, 1), 'verify-email');
    expect((await post('/v1/auth/verify-email', { token })).status).toBe(200);
    return person;
  }

  beforeAll(async () => {
    inbox = await SmtpInbox.start({ refuse: (address) => address.startsWith('bounce.') });
    const mail = {
      MAIL_TRANSPORT: 'smtp',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(inbox.port),
      SMTP_SECURE: 'false',
      SMTP_FROM: 'Infobank <no-reply@bank.example.jp>',
      PORTAL_PUBLIC_URL,
      ACCOUNT_MAILS_PER_HOUR: '3',
      APPROVAL_REMINDER_MINUTES: '1440',
    };
    environment = await isolatedEnvironment(mail);
    portal = await startTestApp(
      PortalModule,
      { ...mail, DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix },
      PORTAL_ERROR_STATUS,
    );
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ service: 'worker', config: environment.config, logger: testLogger('worker'), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
  });
  afterAll(async () => {
    await worker?.close();
    await portal?.close();
    await environment?.dispose();
    await inbox?.stop();
  });

  it('registration mails a Japanese verification link to the portal page, with the token in the fragment only', async () => {
    const person = await registered();
    const mail = await inbox.nthMailTo(person.email, 1);
    expect(mail.subject).toBe('【Infobank】メールアドレスの確認');
    expect(mail.from?.text).toContain('no-reply@bank.example.jp');
    const { url, token } = tokenInMail(mail, 'verify-email');
    expect(url.startsWith(`${PORTAL_PUBLIC_URL}/verify-email#token=`)).toBe(true);
    expect(mail.html).toContain(`href="${PORTAL_PUBLIC_URL}/verify-email#token=${token}"`);
    expect(mail.html).toContain('<html lang="ja">');
    // The queue carried the mail's id only; the database holds the token's digest only.
    const jobs = await environment.dataSource.getRepository(OutboxMessageEntity).find({ where: { jobName: SEND_MAIL_JOB.name } });
    expect(jobs.every((job) => Object.keys(job.payload).join() === 'mailId')).toBe(true);
    expect(JSON.stringify(jobs)).not.toContain(person.email);
    const stored = await environment.dataSource.query(`SELECT "token_hash" FROM "account_tokens" WHERE "account_id" = $1`, [person.id]);
    expect(stored).toEqual([{ token_hash: accountTokenDigest(token) }]);
  });

  it('an unverified individual signs in but cannot consent (403 EMAIL_VERIFICATION_REQUIRED) until the link is used, once', async () => {
    const person = await registered({ language: 'en' });
    const offerId = await approvedOffer(portal);
    expect((await get('/v1/me', person.accessToken)).body.emailVerified).toBe(false);
    expectProblem(
      await post('/v1/me/consents', { offerId, optionalItems: [], mode: 'auto' }, person.accessToken),
      403,
      'EMAIL_VERIFICATION_REQUIRED',
    );
    const conditions = { purposes: ['marketing'], allowCrossBorder: false, allowProfiling: false, excludedRecipients: [], mode: 'auto' };
    expectProblem(
      await callJson(portal.url, 'PUT', '/v1/me/standing-conditions', { bearer: person.accessToken, body: conditions }),
      403,
      'EMAIL_VERIFICATION_REQUIRED',
    );
    expect((await get('/v1/me/consents', person.accessToken)).body).toEqual([]);

    const mail = await inbox.nthMailTo(person.email, 1);
    expect(mail.subject).toBe('Infobank: confirm your e-mail address');
    const { token } = tokenInMail(mail, 'verify-email');
    expect((await post('/v1/auth/verify-email', { token })).body).toEqual({ verified: true });
    expect((await get('/v1/me', person.accessToken)).body.emailVerified).toBe(true);
    expect((await post('/v1/me/consents', { offerId, optionalItems: [], mode: 'auto' }, person.accessToken)).status).toBe(201);

    expectProblem(await post('/v1/auth/verify-email', { token }), 400, 'ACCOUNT_TOKEN_INVALID');
    expectProblem(await post('/v1/auth/verify-email', { token: 'A'.repeat(43) }), 400, 'ACCOUNT_TOKEN_INVALID');
    expectProblem(await post('/v1/auth/verify-email', {}), 400, 'VALIDATION_FAILED');
    // Verified: no new link is sent.
    expect((await post('/v1/auth/verify-email/resend', undefined, person.accessToken)).body).toEqual({ status: 'already_verified' });
  });

  it('resends a verification link on request, within the hourly limit (429 RATE_LIMITED with Retry-After beyond it)', async () => {
    const person = await registered();
    await inbox.nthMailTo(person.email, 1);
    for (let sent = 2; sent <= 4; sent += 1) {
      expect((await post('/v1/auth/verify-email/resend', undefined, person.accessToken)).body).toEqual({ status: 'sent' });
      await inbox.nthMailTo(person.email, sent);
    }
    const refused = await post('/v1/auth/verify-email/resend', undefined, person.accessToken);
    expectProblem(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Any of the links still works (each verification link is its own).
    const { token } = tokenInMail(inbox.mailsTo(person.email)[3], 'verify-email');
    expect((await post('/v1/auth/verify-email', { token })).status).toBe(200);
  });

  it('password reset: the same answer for unknown addresses; the link works once, sets the password, ends every session and verifies the address', async () => {
    const person = await registered();
    await inbox.nthMailTo(person.email, 1);
    const stranger = `nobody.${randomUUID()}@example.jp`;
    const unknown = await post('/v1/auth/password-reset', { email: stranger });
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: 202, body: { status: 'accepted' } });
    const known = await post('/v1/auth/password-reset', { email: person.email.toUpperCase() });
    expect({ status: known.status, body: known.body }).toEqual({ status: 202, body: { status: 'accepted' } });

    const mail = await inbox.nthMailTo(person.email, 2);
    expect(mail.subject).toBe('【Infobank】パスワードの再設定');
    const { url, token } = tokenInMail(mail, 'reset-password');
    expect(url.startsWith(`${PORTAL_PUBLIC_URL}/reset-password#token=`)).toBe(true);
    expect(inbox.mailsTo(stranger)).toEqual([]);

    expectProblem(await post('/v1/auth/password-reset/complete', { token, password: 'short' }), 400, 'VALIDATION_FAILED');
    expect((await get('/v1/me', person.accessToken)).status).toBe(200);
    // Tokens date themselves in whole seconds: let the second the old session was issued in pass.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const newPassword = 'a brand new passphrase';
    expect((await post('/v1/auth/password-reset/complete', { token, password: newPassword })).status).toBe(204);
    // Old sessions end: the refresh token is revoked, and the access token no longer admits anyone.
    expectProblem(await post('/v1/auth/refresh', { refreshToken: person.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    expectProblem(await get('/v1/me', person.accessToken), 401, 'UNAUTHENTICATED');
    expectProblem(await post('/v1/auth/login', { email: person.email, password: person.password }), 401, 'INVALID_CREDENTIALS');
    const login = await post('/v1/auth/login', { email: person.email, password: newPassword });
    expect(login.status).toBe(200);
    expect((await get('/v1/me', login.body.accessToken)).body.emailVerified).toBe(true);
    // Single use.
    expectProblem(
      await post('/v1/auth/password-reset/complete', { token, password: 'yet another passphrase' }),
      400,
      'ACCOUNT_TOKEN_INVALID',
    );
    expect((await post('/v1/auth/login', { email: person.email, password: newPassword })).status).toBe(200);
  });

  it('refuses an expired reset link (ACCOUNT_TOKEN_EXPIRED) and changes nothing; a newer link spends older ones', async () => {
    const person = await registered();
    await inbox.nthMailTo(person.email, 1);
    await post('/v1/auth/password-reset', { email: person.email });
    const older = tokenInMail(await inbox.nthMailTo(person.email, 2), 'reset-password').token;
    await post('/v1/auth/password-reset', { email: person.email });
    const newer = tokenInMail(await inbox.nthMailTo(person.email, 3), 'reset-password').token;
    expectProblem(
      await post('/v1/auth/password-reset/complete', { token: older, password: 'a brand new passphrase' }),
      400,
      'ACCOUNT_TOKEN_INVALID',
    );

    // Thirty minutes and one second later (the row's times moved back, as the clock would have moved on).
    await environment.dataSource.query(
      `UPDATE "account_tokens" SET "created_at" = "created_at" - interval '31 minutes', "expires_at" = "expires_at" - interval '31 minutes' WHERE "token_hash" = $1`,
      [accountTokenDigest(newer)],
    );
    expectProblem(
      await post('/v1/auth/password-reset/complete', { token: newer, password: 'a brand new passphrase' }),
      400,
      'ACCOUNT_TOKEN_EXPIRED',
    );
    expect((await post('/v1/auth/login', { email: person.email, password: person.password })).status).toBe(200);
    expect((await post('/v1/auth/refresh', { refreshToken: person.refreshToken })).status).toBe(200);
  });

  it('throttles reset requests per address (429 RATE_LIMITED), counting unknown addresses alike', async () => {
    const email = `nobody.${randomUUID()}@example.jp`;
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await post('/v1/auth/password-reset', { email })).status).toBe(202);
    expectProblem(await post('/v1/auth/password-reset', { email }), 429, 'RATE_LIMITED');
  });

  it("registering someone else's address does not block its owner: they are told, reset, and the account is theirs", async () => {
    const owner = `owner.${randomUUID()}@example.jp`;
    const squatter = await registered({ email: owner, password: 'the squatter password' });
    await inbox.nthMailTo(owner, 1);
    // The owner tries to register: the same answer as for a new address, and a mail saying how to take over.
    expect((await post('/v1/auth/register', newIndividual({ email: owner }))).status).toBe(201);
    const told = await inbox.nthMailTo(owner, 2);
    expect(told.subject).toBe('【Infobank】このメールアドレスは登録済みです');
    expect(told.text).toContain(`${PORTAL_PUBLIC_URL}/forgot-password`);

    await post('/v1/auth/password-reset', { email: owner });
    const { token } = tokenInMail(await inbox.nthMailTo(owner, 3), 'reset-password');
    expect((await post('/v1/auth/password-reset/complete', { token, password: 'the owner passphrase' })).status).toBe(204);
    expectProblem(await post('/v1/auth/refresh', { refreshToken: squatter.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    expectProblem(await post('/v1/auth/login', { email: owner, password: 'the squatter password' }), 401, 'INVALID_CREDENTIALS');
    const login = await post('/v1/auth/login', { email: owner, password: 'the owner passphrase' });
    expect((await get('/v1/me', login.body.accessToken)).body).toMatchObject({ id: squatter.id, emailVerified: true });
  });

  it('an approval request reaches the person by e-mail, and is reminded of once before it expires', async () => {
    const person = await verified();
    const offerId = await approvedOffer(portal);
    const consent = await post('/v1/me/consents', { offerId, optionalItems: [], mode: 'ask' }, person.accessToken);
    expect(consent.status).toBe(201);
    const transfers = createRequestContext({ type: 'system', name: 'transfers' });
    const request = await use(RequestApprovalUseCase).execute(transfers, { consentId: consent.body.consentId, reference: randomUUID() });

    const asked = await inbox.nthMailTo(person.email, 2);
    expect(asked.subject).toContain('データの提供を求めています');
    expect(asked.text).toContain('72時間以内に承認または拒否してください');
    expect(asked.text).toContain(`${PORTAL_PUBLIC_URL}/notifications`);

    // The reminder is due 24 hours (APPROVAL_REMINDER_MINUTES) before the timeout.
    const reminders = await environment.dataSource
      .getRepository(OutboxMessageEntity)
      .find({ where: { jobName: REMIND_APPROVAL_JOB.name } });
    const reminder = reminders.find((row) => row.payload.approvalRequestId === request.approvalRequestId);
    expect(reminder?.availableAt.getTime()).toBe(new Date(request.expiresAt).getTime() - 24 * HOUR_MS);
    // Its time comes (the row made available now, as the clock would).
    await environment.dataSource.query(`UPDATE "outbox" SET "available_at" = now() WHERE "id" = $1`, [reminder?.id]);
    const reminded = await inbox.nthMailTo(person.email, 3);
    expect(reminded.subject).toContain('【再送・期限が近づいています】');
    expect(reminded.subject).toContain('データの提供を求めています');

    // Once only: running the reminder again sends nothing more.
    expect(await use(RemindApprovalUseCase).execute(transfers, { approvalRequestId: request.approvalRequestId })).toBe('not_needed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.mailsTo(person.email)).toHaveLength(3);
  });

  it('an answered request is not reminded of; approval mails can be turned off, and other kinds on', async () => {
    const person = await verified();
    const offerId = await approvedOffer(portal);
    const consent = await post('/v1/me/consents', { offerId, optionalItems: [], mode: 'ask' }, person.accessToken);
    const transfers = createRequestContext({ type: 'system', name: 'transfers' });
    const first = await use(RequestApprovalUseCase).execute(transfers, { consentId: consent.body.consentId, reference: randomUUID() });
    await inbox.nthMailTo(person.email, 2);
    expect((await post(`/v1/me/approvals/${first.approvalRequestId}`, { decision: 'deny' }, person.accessToken)).status).toBe(200);
    expect(await use(RemindApprovalUseCase).execute(transfers, { approvalRequestId: first.approvalRequestId })).toBe('not_needed');

    const defaults = await get('/v1/me/notification-preferences', person.accessToken);
    expect(defaults.body.preferences).toEqual(
      expect.arrayContaining([
        { kind: 'approval_requested', email: true },
        { kind: 'withdrawal_attested', email: false },
      ]),
    );
    const put = (preferences: unknown) =>
      callJson(portal.url, 'PUT', '/v1/me/notification-preferences', { bearer: person.accessToken, body: { preferences } });
    expectProblem(await put([{ kind: 'no_such_kind', email: true }]), 400, 'VALIDATION_FAILED');
    expectProblem(await put([{ kind: 'approval_requested' }]), 400, 'VALIDATION_FAILED');
    const changed = await put([
      { kind: 'approval_requested', email: false },
      { kind: 'withdrawal_attested', email: true },
    ]);
    expect(changed.status).toBe(200);
    expect(changed.body.preferences).toEqual(
      expect.arrayContaining([
        { kind: 'approval_requested', email: false },
        { kind: 'withdrawal_attested', email: true },
      ]),
    );
    const second = await use(RequestApprovalUseCase).execute(transfers, { consentId: consent.body.consentId, reference: randomUUID() });
    await eventually(
      'the second notification',
      async () => (await get('/v1/me/notifications/unread-count', person.accessToken)).body.unread === 2,
    );
    const mails = await environment.dataSource.query(
      `SELECT m."id" FROM "mail_messages" m JOIN "notifications" n ON n."id" = m."notification_id" WHERE n."subject_id" = $1`,
      [second.approvalRequestId],
    );
    expect(mails).toEqual([]);
    expect(inbox.mailsTo(person.email)).toHaveLength(2);
  });

  it('a mail the SMTP server refuses for good is not retried, and its failure names no address (log, Redis)', async () => {
    const email = `bounce.${randomUUID()}@example.jp`;
    const person = await registered({ email });
    const [mail] = await environment.dataSource.query(`SELECT "id" FROM "mail_messages" WHERE "account_id" = $1`, [person.id]);
    const jobs = await environment.dataSource.getRepository(OutboxMessageEntity).find({ where: { jobName: SEND_MAIL_JOB.name } });
    const job = jobs.find((row) => row.payload.mailId === mail.id);
    const queues = new QueueRegistry(environment.config);
    try {
      const failed = await eventually('the refused mail job to fail', async () => {
        const queued = await queues.get('notifications').getJob(job?.id as string);
        return queued !== undefined && (await queued.isFailed()) ? queued : null;
      });
      expect(failed.attemptsMade).toBe(1);
      expect(failed.failedReason).toBe('SMTP delivery failed (EENVELOPE, reply 550)');
      expect(JSON.stringify({ reason: failed.failedReason, stack: failed.stacktrace })).not.toContain(email);
    } finally {
      await queues.close();
    }
    const [row] = await environment.dataSource.query(`SELECT "sent_at" FROM "mail_messages" WHERE "id" = $1`, [mail.id]);
    expect(row.sent_at).toBeNull();
  });

  it('marks notifications read one by one and all at once, and counts the unread', async () => {
    const person = await verified();
    const offerId = await approvedOffer(portal);
    const consent = await post('/v1/me/consents', { offerId, optionalItems: [], mode: 'ask' }, person.accessToken);
    const transfers = createRequestContext({ type: 'system', name: 'transfers' });
    for (let index = 0; index < 3; index += 1) {
      await use(RequestApprovalUseCase).execute(transfers, { consentId: consent.body.consentId, reference: randomUUID() });
    }
    const unread = async () => (await get('/v1/me/notifications/unread-count', person.accessToken)).body.unread as number;
    expect(await unread()).toBe(3);
    const [newest] = (await get('/v1/me/notifications', person.accessToken)).body;
    expect((await post(`/v1/me/notifications/${newest.notificationId}/read`, undefined, person.accessToken)).status).toBe(204);
    expect(await unread()).toBe(2);
    expect((await post('/v1/me/notifications/read', undefined, person.accessToken)).body).toEqual({ marked: 2 });
    expect(await unread()).toBe(0);
  });
});
