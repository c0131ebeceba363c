import { Module } from '@nestjs/common';
import { BankKeysHttpModule } from '@infobank/crypto';
import { DataSource } from 'typeorm';
import { PortalAuthModule } from '../../../apps/portal/src/auth/portal-auth.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { hashPassword, parsePasswordHash, verifyPassword } from '../../../libs/identity/src/accounts/domain/password-hash';
import { RunningApp, startTestApp } from '../../support/http-app';
import { openTestDataSource } from '../../support/platform';
import { callJson, expectProblem, newIndividual } from './session-client';

@Module({ imports: [BankKeysHttpModule, PortalAuthModule.forRoot()] })
class Portal {}

describe('portal: password hashes and the scrypt work behind them', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });
  afterAll(() => dataSource?.destroy());

  const storedHash = async (email: string): Promise<string> =>
    (await dataSource.query('SELECT "password_hash" FROM "accounts" WHERE "email" = $1', [email]))[0].password_hash;

  describe('the upgrade of older hashes at the next sign-in', () => {
    let running: RunningApp;

    beforeAll(async () => {
      running = await startTestApp(Portal, { SCRYPT_LOG_N: '16' }, PORTAL_ERROR_STATUS);
    });
    afterAll(() => running?.close());

    it('hashes new passwords at the configured cost', async () => {
      const individual = newIndividual();
      expect((await callJson(running.url, 'POST', '/v1/auth/register', { body: individual })).status).toBe(201);
      expect(parsePasswordHash(await storedHash(individual.email))?.parameters).toEqual({ logN: 16, r: 8, p: 1 });
    });

    it('replaces a hash made at a lower cost when the right password signs in, and not after a wrong one', async () => {
      const individual = newIndividual();
      expect((await callJson(running.url, 'POST', '/v1/auth/register', { body: individual })).status).toBe(201);
      const older = await hashPassword(individual.password, { logN: 14, r: 8, p: 1 });
      await dataSource.query('UPDATE "accounts" SET "password_hash" = $1 WHERE "email" = $2', [older, individual.email]);

      const wrong = await callJson(running.url, 'POST', '/v1/auth/login', {
        body: { email: individual.email, password: 'not the password' },
      });
      expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
      expect(await storedHash(individual.email)).toBe(older);

      const right = await callJson(running.url, 'POST', '/v1/auth/login', {
        body: { email: individual.email, password: individual.password },
      });
      expect(right.status).toBe(200);
      const upgraded = await storedHash(individual.email);
      expect(parsePasswordHash(upgraded)?.parameters).toEqual({ logN: 16, r: 8, p: 1 });
      await expect(verifyPassword(individual.password, upgraded)).resolves.toBe(true);
      const again = await callJson(running.url, 'POST', '/v1/auth/login', {
        body: { email: individual.email, password: individual.password },
      });
      expect(again.status).toBe(200);
      expect(await storedHash(individual.email)).toBe(upgraded);
    });
  });

  describe('a registration flood', () => {
    let running: RunningApp;
    const member = newIndividual();
    const signIn = async () => {
      const started = performance.now();
      const response = await callJson(running.url, 'POST', '/v1/auth/login', {
        body: { email: member.email, password: member.password },
        headers: { 'x-forwarded-for': '198.51.100.20' },
      });
      return { status: response.status, ms: performance.now() - started };
    };

    beforeAll(async () => {
      running = await startTestApp(
        Portal,
        { TRUSTED_PROXIES: '127.0.0.1,::1', REGISTRATIONS_PER_HOUR: '3', SCRYPT_MAX_CONCURRENCY: '2' },
        PORTAL_ERROR_STATUS,
      );
      const register = await callJson(running.url, 'POST', '/v1/auth/register', {
        body: member,
        headers: { 'x-forwarded-for': '198.51.100.20' },
      });
      expect(register.status).toBe(201);
    });
    afterAll(() => running?.close());

    it('is throttled per address, while a sign-in still succeeds within its normal time', async () => {
      await signIn(); // warm-up
      const normal: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) normal.push((await signIn()).ms);
      const normalMs = Math.max(...normal);

      // 10 from one address (3 allowed), and 60 from as many addresses (each within its own limit).
      const sources = [
        ...Array.from({ length: 10 }, () => '203.0.113.7'),
        ...Array.from({ length: 60 }, (_, index) => `192.0.2.${index + 1}`),
      ];
      const flood = Promise.all(
        sources.map((client) =>
          callJson(running.url, 'POST', '/v1/auth/register', { body: newIndividual(), headers: { 'x-forwarded-for': client } }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const during = await signIn();
      const answers = await flood;

      process.stdout.write(`sign-in alone: ${normal.map(Math.round).join(', ')} ms; during the flood: ${Math.round(during.ms)} ms\n`);
      expect(during.status).toBe(200);
      expect(during.ms).toBeLessThan(normalMs * 4 + 500);
      const fromOneAddress = answers.slice(0, 10).map((answer) => answer.status);
      expect(fromOneAddress.filter((status) => status === 429)).toHaveLength(7);
      const limited = answers.find((answer) => answer.status === 429);
      expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
      // Whatever the gate could not queue was refused at once, never left to pile up: 201 or 503 only.
      for (const answer of answers.slice(10)) expect([201, 503]).toContain(answer.status);
    });
  });
});
