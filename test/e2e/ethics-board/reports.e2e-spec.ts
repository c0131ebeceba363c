import { randomUUID } from 'node:crypto';
import { BankKeyRing } from '@infobank/crypto';
import { RunLogVerificationPageUseCase } from '@infobank/oversight';
import { createRequestContext, Transactions } from '@infobank/platform';
import { SealTransparencyLogUseCase, TransparencyLogStore } from '@infobank/transparency-log';
import { compactVerify, createLocalJWKSet } from 'jose';
import { chromium } from 'playwright-core';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { seedLogLedgers } from '../../bench/log-ledger-seed';
import { eventually, isolatedEnvironment, type IsolatedEnvironment } from '../../support/platform';
import { callJson, expectProblem, newIndividual } from '../portal/session-client';
import { asMember, signedInMember, type SignedInMember } from './cases-support';

const MINUTE = 60_000;
/** October 2025 in Japan time runs from 2025-09-30T15:00Z to 2025-10-31T15:00Z. */
const PERIOD = '2025-10';
const MID_OCTOBER = new Date('2025-10-15T03:00:00Z');

// A database of its own: the report counts everything in its month, and the log is verified whole.
describe('ethics board: periodic reports (定期報告) and log verification over HTTP', () => {
  jest.setTimeout(60_000);
  let environment: IsolatedEnvironment;
  let board: RunningApp;
  let portal: RunningApp;
  let members: SignedInMember[];
  const recipientId = randomUUID();

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    const overrides = { DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix };
    [board, portal] = await Promise.all([
      startTestApp(EthicsBoardModule, overrides, ETHICS_BOARD_ERROR_STATUS),
      startTestApp(PortalModule, overrides, PORTAL_ERROR_STATUS),
    ]);
    members = [await signedInMember(board, 'engineer', false), await signedInMember(board, 'security', false)];

    // In October (JST): 3 individual consent events (granted, paused, resumed) and 2 provisions at one recipient;
    // 1 standing-condition grant at 01:00 JST on 1 October (still 30 September in UTC).
    await seedLogLedgers(environment.dataSource, { consentEvents: 3, provisions: 2 }, { at: MID_OCTOBER });
    await seedLogLedgers(
      environment.dataSource,
      { consentEvents: 1, provisions: 0 },
      { at: new Date('2025-09-30T16:00:00Z'), source: 'standing_condition' },
    );
    // In November (JST) already: not in the report.
    await seedLogLedgers(environment.dataSource, { consentEvents: 2, provisions: 1 }, { at: new Date('2025-10-31T15:00:00Z') });
    // One stop-use order proposed and confirmed by two members; two notices, one attested after 30 minutes, one overdue.
    await environment.dataSource.query(
      `INSERT INTO "stop_use_orders" ("id", "target_type", "target_id", "reason", "status", "proposed_by", "proposed_at", "confirmed_by", "confirmed_at")
       VALUES ($1, 'recipient', $2, '漏えいの報告', 'effective', $3, $4, $5, $6)`,
      [randomUUID(), recipientId, members[0].id, new Date('2025-10-10T01:00:00Z'), members[1].id, new Date('2025-10-11T01:00:00Z')],
    );
    const notice = (issuedAt: Date, attestedAt: Date | null, overdueAt: Date | null) =>
      environment.dataSource.query(
        `INSERT INTO "withdrawal_notices" ("id", "recipient_id", "kind", "source_key", "offer_id", "reason", "subjects", "transfers", "status",
                                           "issued_at", "due_at", "overdue_at", "attested_at", "attestation_jws")
         VALUES ($1, $2, 'consent_revoked', $3, NULL, '同意が撤回されました', '{}', '{}', $4, $5, $6, $7, $8, $9)`,
        [
          randomUUID(),
          recipientId,
          `test:${randomUUID()}`,
          attestedAt ? 'attested' : 'overdue',
          issuedAt,
          new Date(issuedAt.getTime() + 60 * MINUTE),
          overdueAt,
          attestedAt,
          attestedAt ? 'a.b.c' : null,
        ],
      );
    await notice(MID_OCTOBER, new Date(MID_OCTOBER.getTime() + 30 * MINUTE), null);
    await notice(MID_OCTOBER, null, new Date('2025-10-20T00:00:00Z'));
  });
  afterAll(async () => {
    await board?.close();
    await portal?.close();
    await environment?.dispose();
  });

  it('writes a month’s report once, with the numbers of what happened in that month (Japan time)', async () => {
    const created = await asMember(board, members[0], 'POST', '/v1/reports', { period: PERIOD });
    expect(created.status).toBe(201);
    const { tables } = created.body.report;
    expect(tables.consents).toEqual([
      { event: 'granted', source: 'individual', count: 1 },
      { event: 'granted', source: 'standing_condition', count: 1 },
      { event: 'paused', source: 'individual', count: 1 },
      { event: 'resumed', source: 'individual', count: 1 },
    ]);
    expect(tables.provisions).toEqual([
      { recipientId: expect.any(String), recipientName: null, purposeCode: 'marketing', provisions: 2, individuals: 2, records: 2 },
    ]);
    expect(tables.stopUseOrders).toEqual([
      { event: 'effective', targetType: 'recipient', count: 1 },
      { event: 'proposed', targetType: 'recipient', count: 1 },
    ]);
    expect(tables.notices).toEqual([
      { kind: 'consent_revoked', issued: 2, attested: 1, overdue: 1, medianMinutesToAttest: 30, p95MinutesToAttest: 30 },
    ]);
    expect(tables.overdueRecipients).toEqual([{ recipientId, recipientName: null, overdueNotices: 1 }]);
    expect(tables.offerReviews).toEqual([]);
    expect(tables.transfers).toEqual([]);
    expect(tables.denialReasons).toEqual([]);
    expect(tables.boardCompositionWarnings.map((warning: { code: string }) => warning.code)).toEqual([
      'EXPERTISE_MISSING',
      'EXPERTISE_MISSING',
      'EXPERTISE_MISSING',
      'EXPERTISE_MISSING',
      'TOO_FEW_EXTERNAL',
    ]);
    expect(created.body.report.absent.map((item: { section: string }) => item.section)).toEqual(['disclosureRequests', 'complaints']);

    const again = await asMember(board, members[1], 'POST', '/v1/reports', { period: PERIOD });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    const listed = await asMember(board, members[0], 'GET', '/v1/reports');
    expect(listed.body.reports).toEqual([{ id: created.body.id, period: PERIOD, trigger: 'board', generatedAt: created.body.generatedAt }]);
  });

  it('signs the report’s JSON so that it verifies with the published JWKS', async () => {
    const report = await reportOf(PERIOD);
    const jwks = createLocalJWKSet((await callJson(board.url, 'GET', '/.well-known/jwks.json')).body);
    const verified = await compactVerify(report.jws, jwks, { algorithms: ['EdDSA'] });
    expect(verified.protectedHeader.typ).toBe('periodic-report+jwt');
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(report.report);
    const schema = await callJson(board.url, 'GET', '/v1/reports/schema.json');
    expect(schema.body.$id).toBe(report.report.$schema);
  });

  it('serves one table as CSV', async () => {
    const report = await reportOf(PERIOD);
    const response = await fetch(`${board.url}/v1/reports/${report.id}?format=csv&table=consents`, {
      headers: { authorization: `Bearer ${members[0].accessToken}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await response.text()).toBe(
      'event,source,count\r\ngranted,individual,1\r\ngranted,standing_condition,1\r\npaused,individual,1\r\nresumed,individual,1\r\n',
    );
    const noTable = await asMember(board, members[0], 'GET', `/v1/reports/${report.id}?format=csv`);
    expectProblem(noTable, 400, 'VALIDATION_FAILED');
  });

  it('renders the printable Japanese page in Chromium without console errors or CSP violations', async () => {
    const report = await reportOf(PERIOD);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ extraHTTPHeaders: { authorization: `Bearer ${members[0].accessToken}` } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      // Chromium asks for /favicon.ico on its own; the board app has none (the web console will).
      await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
      const response = await page.goto(`${board.url}/v1/reports/${report.id}?format=html`);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('load');
      expect(await page.locator('h1').textContent()).toContain(`定期報告（${PERIOD}）`);
      expect(await page.locator('section h2').first().textContent()).toBe('審査したオファーと結果');
      // The served stylesheet applied (an inline one would have been refused by the CSP).
      expect(
        await page
          .locator('table')
          .first()
          .evaluate(
            (table) =>
              (globalThis as unknown as { getComputedStyle(element: unknown): { borderCollapse: string } }).getComputedStyle(table)
                .borderCollapse,
          ),
      ).toBe('collapse');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('refuses a month that has not ended, and anyone who is not a board member (no token, an individual)', async () => {
    expectProblem(await asMember(board, members[0], 'POST', '/v1/reports', { period: '2999-01' }), 409, 'REPORT_PERIOD_NOT_ENDED');
    expectProblem(await asMember(board, members[0], 'POST', '/v1/reports', { period: '2025-13' }), 400, 'VALIDATION_FAILED');
    expectProblem(await callJson(board.url, 'GET', '/v1/reports'), 401, 'UNAUTHENTICATED');
    const individual = newIndividual();
    await callJson(portal.url, 'POST', '/v1/auth/register', { body: individual });
    const login = await callJson(portal.url, 'POST', '/v1/auth/login', {
      body: { email: individual.email, password: individual.password },
    });
    expect(login.status).toBe(200);
    const asIndividual = { bearer: login.body.accessToken as string };
    expectProblem(await callJson(board.url, 'GET', '/v1/reports', asIndividual), 401, 'UNAUTHENTICATED');
    expectProblem(await callJson(board.url, 'POST', '/v1/reports', { ...asIndividual, body: { period: PERIOD } }), 401, 'UNAUTHENTICATED');
    expectProblem(await callJson(board.url, 'POST', '/v1/audit/log-verifications', { ...asIndividual, body: {} }), 401, 'UNAUTHENTICATED');
  });

  it('starts a log verification for the worker and shows its progress, then its signed result', async () => {
    const keyRing = board.app.get(BankKeyRing);
    await eventually('the log sealed', async () => {
      const outcome = await new SealTransparencyLogUseCase(
        keyRing,
        new Transactions(environment.dataSource),
        new TransparencyLogStore(environment.dataSource),
      ).execute(createRequestContext({ type: 'system', name: 'test' }));
      return outcome.outcome !== 'busy' && outcome.treeSize === 9;
    });
    const started = await asMember(board, members[0], 'POST', '/v1/audit/log-verifications', {});
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', trigger: 'board', fromSize: 0, toSize: 9, checkedSize: 0 });
    const [job] = await environment.dataSource.query(`SELECT "payload" FROM "outbox" WHERE "job_name" = 'log-verifications.run-page'`);
    expect(job.payload).toEqual({ verificationId: started.body.id });

    // What the worker's job does (one page holds the whole of this small log).
    await board.app
      .get(RunLogVerificationPageUseCase)
      .execute(createRequestContext({ type: 'system', name: 'e2e' }), started.body.id, { enqueueNext: true });
    const done = await asMember(board, members[0], 'GET', `/v1/audit/log-verifications/${started.body.id}`);
    expect(done.body).toMatchObject({ status: 'passed', checkedSize: 9, failureCount: 0, result: expect.any(String) });
    expectProblem(await asMember(board, members[0], 'POST', '/v1/audit/log-verifications', { toSize: 10 }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await asMember(board, members[0], 'GET', `/v1/audit/log-verifications/${randomUUID()}`),
      404,
      'LOG_VERIFICATION_NOT_FOUND',
    );
    expect((await asMember(board, members[0], 'GET', '/v1/board/notifications')).body).toEqual({ notifications: [] });
  });

  async function reportOf(period: string): Promise<{ id: string; jws: string; report: Record<string, any> }> {
    const listed = await asMember(board, members[0], 'GET', '/v1/reports');
    const summary = listed.body.reports.find((candidate: { period: string }) => candidate.period === period);
    return (await asMember(board, members[0], 'GET', `/v1/reports/${summary.id}`)).body;
  }
});
