import { Module } from '@nestjs/common';
import type { LoginRateLimits, ProgressiveDelay } from '@infobank/auth';
import { BankKeysHttpModule } from '@infobank/crypto';
import { Redis } from 'ioredis';
import { PortalAuthModule } from '../../../apps/portal/src/auth/portal-auth.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { RunningApp, startTestApp } from '../../support/http-app';
import { freePort } from '../../support/private-redis';
import { callJson, expectProblem, JsonResponse, newIndividual } from './session-client';

const FORGET_AFTER_MS = 60_000;
// No delay worth the name: for the tier a test is not about.
const LOOSE: ProgressiveDelay = { freeFailures: 1_000, baseDelayMs: 1, maxDelayMs: 1 };

/** The portal's sign-in with small delays (the defaults: 5 free per account, 20 per address, then 1 s doubling to 1 minute). */
function throttledPortal(limits: Partial<LoginRateLimits>) {
  @Module({
    imports: [BankKeysHttpModule, PortalAuthModule.forRoot({ loginRateLimits: { forgetAfterMs: FORGET_AFTER_MS, ...limits } })],
  })
  class ThrottledPortal {}
  return ThrottledPortal;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retryAfter = (response: JsonResponse) => Number(response.headers.get('retry-after'));

describe('portal: sign-in throttling by progressive delay in Redis', () => {
  describe('per account, shared by every instance', () => {
    const Portal = throttledPortal({ perAccount: { freeFailures: 2, baseDelayMs: 1_000, maxDelayMs: 4_000 }, perAddress: LOOSE });
    // Two instances on one Redis prefix of this suite's own, as two processes behind a load balancer.
    const overrides = { REDIS_PREFIX: `${process.env.REDIS_PREFIX}_per_account` };
    let first: RunningApp;
    let second: RunningApp;

    beforeAll(async () => {
      [first, second] = await Promise.all([
        startTestApp(Portal, overrides, PORTAL_ERROR_STATUS),
        startTestApp(Portal, overrides, PORTAL_ERROR_STATUS),
      ]);
    });
    afterAll(async () => {
      await Promise.all([first?.close(), second?.close()]);
    });

    const login = (app: RunningApp, email: string, password: string) =>
      callJson(app.url, 'POST', '/v1/auth/login', { body: { email, password } });
    const wrong = 'wrong password, again';

    async function registered() {
      const individual = newIndividual();
      expect((await callJson(first.url, 'POST', '/v1/auth/register', { body: individual })).status).toBe(201);
      return individual;
    }

    it('delays after the free failures (over both instances), doubling up to the maximum, and never locks the account out for longer', async () => {
      const { email, password } = await registered();
      for (const app of [first, second]) expectProblem(await login(app, email, wrong), 401, 'INVALID_CREDENTIALS');
      const delays: number[] = [];
      for (const wait of [1_000, 2_000, 4_000, 4_000]) {
        const early = await login(second, email, password);
        expectProblem(early, 429, 'RATE_LIMITED');
        delays.push(retryAfter(early));
        await sleep(wait + 150);
        // Asking early did not lengthen the wait: the attempt after it is admitted (and fails again).
        expectProblem(await login(first, email, wrong), 401, 'INVALID_CREDENTIALS');
      }
      expect(delays).toEqual([1, 2, 4, 4]);
      await sleep(4_150);
      expect((await login(second, email, password)).status).toBe(200);
    }, 60_000);

    it('keeps its counters under the run’s key prefix, with an expiry, and without e-mail addresses in the keys', async () => {
      const { email } = await registered();
      await login(first, email, wrong);
      const redis = new Redis({ host: first.config.redis.host, port: first.config.redis.port, lazyConnect: true });
      try {
        await redis.connect();
        const keys = await redis.keys(`${overrides.REDIS_PREFIX}:login-delays:{individual}:*`);
        expect(keys.some((key) => key.includes(':account:'))).toBe(true);
        expect(keys.some((key) => key.includes(':address:'))).toBe(true);
        expect(keys.join(' ')).not.toContain('example.jp');
        for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
      } finally {
        redis.disconnect();
      }
    });

    it('delays an unknown e-mail exactly like a known one', async () => {
      const { email } = newIndividual();
      for (let attempt = 0; attempt < 2; attempt += 1)
        expectProblem(await login(first, email, 'any password at all'), 401, 'INVALID_CREDENTIALS');
      const limited = await login(second, email, 'any password at all');
      expectProblem(limited, 429, 'RATE_LIMITED');
      expect(retryAfter(limited)).toBe(1);
    });

    it('counts consecutive failures: a successful sign-in starts the account afresh', async () => {
      const { email, password } = await registered();
      await login(first, email, wrong);
      expect((await login(first, email, password)).status).toBe(200);
      await login(second, email, wrong);
      expectProblem(await login(second, email, wrong), 401, 'INVALID_CREDENTIALS');
      expectProblem(await login(first, email, password), 429, 'RATE_LIMITED');
    });
  });

  describe('per client address', () => {
    const Portal = throttledPortal({ perAccount: LOOSE, perAddress: { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 2_000 } });
    let running: RunningApp;

    beforeAll(async () => {
      running = await startTestApp(Portal, { REDIS_PREFIX: `${process.env.REDIS_PREFIX}_per_address` }, PORTAL_ERROR_STATUS);
    });
    afterAll(() => running?.close());

    it('delays an address after its free failures, whatever the e-mails, and only for the delay', async () => {
      const login = (email: string) => callJson(running.url, 'POST', '/v1/auth/login', { body: { email, password: 'guessing passwords' } });
      for (let attempt = 0; attempt < 3; attempt += 1) expectProblem(await login(newIndividual().email), 401, 'INVALID_CREDENTIALS');
      const limited = await login(newIndividual().email);
      expectProblem(limited, 429, 'RATE_LIMITED');
      expect(retryAfter(limited)).toBe(1);
      await sleep(1_150);
      expectProblem(await login(newIndividual().email), 401, 'INVALID_CREDENTIALS');
      expect(retryAfter(await login(newIndividual().email))).toBe(2);
    });
  });

  describe('behind a trusted reverse proxy (TRUSTED_PROXIES)', () => {
    const Portal = throttledPortal({
      perAccount: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 4_000 },
      perAddress: { freeFailures: 3, baseDelayMs: 30_000, maxDelayMs: 60_000 },
    });
    const viaProxy = (client: string) => ({ 'x-forwarded-for': client });
    let behindProxy: RunningApp;
    let direct: RunningApp;

    beforeAll(async () => {
      [behindProxy, direct] = await Promise.all([
        startTestApp(
          Portal,
          { REDIS_PREFIX: `${process.env.REDIS_PREFIX}_proxy`, TRUSTED_PROXIES: '127.0.0.1/32,::1' },
          PORTAL_ERROR_STATUS,
        ),
        startTestApp(Portal, { REDIS_PREFIX: `${process.env.REDIS_PREFIX}_no_proxy` }, PORTAL_ERROR_STATUS),
      ]);
    });
    afterAll(async () => {
      await Promise.all([behindProxy?.close(), direct?.close()]);
    });

    it('does not let one client’s failures lock out another client behind the same proxy', async () => {
      const member = newIndividual();
      const register = await callJson(behindProxy.url, 'POST', '/v1/auth/register', { body: member, headers: viaProxy('198.51.100.20') });
      expect(register.status).toBe(201);
      const attacker = viaProxy('203.0.113.7');
      const guess = (email: string) =>
        callJson(behindProxy.url, 'POST', '/v1/auth/login', { body: { email, password: 'guessing passwords' }, headers: attacker });
      // The attacker guesses at the member's account and at others until its own address is delayed.
      for (const email of [member.email, member.email, newIndividual().email])
        expectProblem(await guess(email), 401, 'INVALID_CREDENTIALS');
      const attackerLimited = await guess(newIndividual().email);
      expectProblem(attackerLimited, 429, 'RATE_LIMITED');
      expect(retryAfter(attackerLimited)).toBeGreaterThanOrEqual(29);

      const started = Date.now();
      const memberSignIn = await callJson(behindProxy.url, 'POST', '/v1/auth/login', {
        body: { email: member.email, password: member.password },
        headers: viaProxy('198.51.100.20'),
      });
      expect(memberSignIn.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('ignores X-Forwarded-For from a peer that is not a trusted proxy, so a client cannot dodge its delay', async () => {
      const guess = (client: string) =>
        callJson(direct.url, 'POST', '/v1/auth/login', {
          body: { email: newIndividual().email, password: 'guessing passwords' },
          headers: viaProxy(client),
        });
      for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) expectProblem(await guess(client), 401, 'INVALID_CREDENTIALS');
      expectProblem(await guess('203.0.113.4'), 429, 'RATE_LIMITED');
    });
  });

  describe('without Redis', () => {
    let running: RunningApp;

    beforeAll(async () => {
      running = await startTestApp(throttledPortal({}), { REDIS_PORT: String(await freePort()) }, PORTAL_ERROR_STATUS);
    });
    afterAll(() => running?.close());

    it('refuses sign-in with 503 rather than leaving it unthrottled', async () => {
      const response = await callJson(running.url, 'POST', '/v1/auth/login', {
        body: { email: newIndividual().email, password: 'any password at all' },
      });
      expectProblem(response, 503, 'SERVICE_UNAVAILABLE');
    });
  });
});
