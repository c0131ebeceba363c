import { Module } from '@nestjs/common';
import type { LoginRateLimits } from '@infobank/auth';
import { BankKeysHttpModule } from '@infobank/crypto';
import { Redis } from 'ioredis';
import { PortalAuthModule } from '../../../apps/portal/src/auth/portal-auth.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { RunningApp, startTestApp } from '../../support/http-app';
import { freePort } from '../../support/private-redis';
import { callJson, expectProblem, newIndividual } from './session-client';

// Long enough that four scrypt sign-ins fit inside one window even on a loaded 2-core machine.
const WINDOW_MS = 5_000;

/** The portal's sign-in with small limits (the defaults are 5 per account and 20 per address per 15 minutes). */
function throttledPortal(limits: LoginRateLimits) {
  @Module({ imports: [BankKeysHttpModule, PortalAuthModule.forRoot({ loginRateLimits: limits })] })
  class ThrottledPortal {}
  return ThrottledPortal;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('portal: sign-in throttling in Redis', () => {
  describe('per account, shared by every instance', () => {
    const Portal = throttledPortal({
      perAccount: { maxFailures: 3, windowMs: WINDOW_MS },
      perAddress: { maxFailures: 1_000, windowMs: WINDOW_MS },
    });
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

    async function registered() {
      const individual = newIndividual();
      expect((await callJson(first.url, 'POST', '/v1/auth/register', { body: individual })).status).toBe(201);
      return individual;
    }

    it('trips after 3 failures spread over two instances, then refuses even the right password with 429 and Retry-After', async () => {
      const { email, password } = await registered();
      for (const app of [first, second, first]) expectProblem(await login(app, email, 'wrong password, again'), 401, 'INVALID_CREDENTIALS');
      const limited = await login(second, email, password);
      expectProblem(limited, 429, 'RATE_LIMITED');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / 1000));
    });

    it('keeps its counters under the run’s key prefix, with an expiry, and without e-mail addresses in the keys', async () => {
      const { email } = await registered();
      await login(first, email, 'wrong password, again');
      const redis = new Redis({ host: first.config.redis.host, port: first.config.redis.port, lazyConnect: true });
      try {
        await redis.connect();
        const keys = await redis.keys(`${overrides.REDIS_PREFIX}:login-failures:individual:*`);
        expect(keys.some((key) => key.includes(':account:'))).toBe(true);
        expect(keys.some((key) => key.includes(':address:'))).toBe(true);
        expect(keys.join(' ')).not.toContain('example.jp');
        for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);
      } finally {
        redis.disconnect();
      }
    });

    it('recovers once the window has passed', async () => {
      const { email, password } = await registered();
      for (let attempt = 0; attempt < 3; attempt += 1) await login(first, email, 'wrong password, again');
      expectProblem(await login(first, email, password), 429, 'RATE_LIMITED');
      await sleep(WINDOW_MS + 200);
      expect((await login(first, email, password)).status).toBe(200);
    });

    it('throttles an unknown e-mail exactly like a known one', async () => {
      const { email } = newIndividual();
      for (let attempt = 0; attempt < 3; attempt += 1)
        expectProblem(await login(first, email, 'any password at all'), 401, 'INVALID_CREDENTIALS');
      expectProblem(await login(second, email, 'any password at all'), 429, 'RATE_LIMITED');
    });

    it('counts failures, not successful sign-ins', async () => {
      const { email, password } = await registered();
      await login(first, email, 'wrong password, again');
      await login(first, email, 'wrong password, again');
      expect((await login(first, email, password)).status).toBe(200);
      expectProblem(await login(second, email, 'wrong password, again'), 401, 'INVALID_CREDENTIALS');
      expectProblem(await login(second, email, password), 429, 'RATE_LIMITED');
    });
  });

  describe('per client address', () => {
    const Portal = throttledPortal({
      perAccount: { maxFailures: 1_000, windowMs: WINDOW_MS },
      perAddress: { maxFailures: 4, windowMs: WINDOW_MS },
    });
    let running: RunningApp;

    beforeAll(async () => {
      running = await startTestApp(Portal, { REDIS_PREFIX: `${process.env.REDIS_PREFIX}_per_address` }, PORTAL_ERROR_STATUS);
    });
    afterAll(() => running?.close());

    it('trips after 4 failures from one address, whatever the e-mails, and recovers after the window', async () => {
      const login = (email: string) => callJson(running.url, 'POST', '/v1/auth/login', { body: { email, password: 'guessing passwords' } });
      for (let attempt = 0; attempt < 4; attempt += 1) expectProblem(await login(newIndividual().email), 401, 'INVALID_CREDENTIALS');
      const limited = await login(newIndividual().email);
      expectProblem(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await sleep(WINDOW_MS + 200);
      expectProblem(await login(newIndividual().email), 401, 'INVALID_CREDENTIALS');
    });
  });

  describe('without Redis', () => {
    let running: RunningApp;

    beforeAll(async () => {
      running = await startTestApp(
        throttledPortal({ perAccount: { maxFailures: 3, windowMs: WINDOW_MS }, perAddress: { maxFailures: 3, windowMs: WINDOW_MS } }),
        {
          REDIS_PORT: String(await freePort()),
        },
        PORTAL_ERROR_STATUS,
      );
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
