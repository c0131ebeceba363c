import { Controller, Module, Post } from '@nestjs/common';
import { hashPassword } from '../../../libs/identity/src/accounts/domain/password-hash';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { postRaw, RunningApp, startTestApp } from '../../support/http-app';
import { callJson, expectProblem, newIndividual } from '../portal/session-client';

// A failed INSERT carrying personal data, as a bug would cause one: the second row breaks the
// unique (kind, e-mail) constraint, so Postgres refuses it with the e-mail in its detail.
const leaky = { email: `leak.${randomUUID()}@example.jp`, displayName: '漏洩 テスト', hash: '' };

@Controller('probe')
class FailingInsertController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('failing-insert')
  async insertTwice(): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await this.dataSource.query(
        `INSERT INTO "accounts" ("id", "kind", "email", "password_hash", "display_name", "language") VALUES ($1, 'individual', $2, $3, $4, 'ja')`,
        [randomUUID(), leaky.email, leaky.hash, leaky.displayName],
      );
    }
  }
}

@Module({ imports: [PortalModule], controllers: [FailingInsertController] })
class PortalWithFailingInsert {}

describe('bodies and errors: every bad input is a 400, and no log line carries personal data or SQL parameters', () => {
  let running: RunningApp;
  let token: string;
  const individual = newIndividual();

  beforeAll(async () => {
    leaky.hash = await hashPassword('a password that must never be logged', { logN: 14, r: 8, p: 1 });
    running = await startTestApp(PortalWithFailingInsert, { JSON_MAX_DEPTH: '32' }, PORTAL_ERROR_STATUS);
    expect((await callJson(running.url, 'POST', '/v1/auth/register', { body: individual })).status).toBe(201);
    const login = await callJson(running.url, 'POST', '/v1/auth/login', {
      body: { email: individual.email, password: individual.password },
    });
    token = login.body.accessToken as string;
  });
  afterAll(() => running.close());

  it('answers a NUL character in a string field with 400 naming the field (and creates no account)', async () => {
    const withNul = newIndividual({ displayName: 'Hanako\u0000Yamada' });
    const response = await callJson(running.url, 'POST', '/v1/auth/register', { body: withNul });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ path: '/displayName', message: 'must not contain a NUL character' }]);
    const signIn = await callJson(running.url, 'POST', '/v1/auth/login', { body: { email: withNul.email, password: withNul.password } });
    expectProblem(signIn, 401, 'INVALID_CREDENTIALS');
  });

  it('answers a NUL character in a query string with 400 naming the parameter', async () => {
    const response = await callJson(running.url, 'GET', '/v1/offers?purpose=market%00ing', { bearer: token });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ path: '/purpose', message: 'must not contain a NUL character' }]);
  });

  it.each([
    ['GET', '/v1/me/consents/not-a-uuid'],
    ['POST', '/v1/me/consents/not-a-uuid/pause'],
    ['POST', '/v1/me/consents/not-a-uuid/resume'],
    ['POST', '/v1/me/consents/123/revoke'],
    ['GET', '/v1/me/consents/not-a-uuid/withdrawal'],
    ['GET', '/v1/offers/not-a-uuid'],
    ['DELETE', '/v1/me/links/not-a-uuid'],
    ['GET', '/v1/me/provisions/not-a-uuid/proof'],
  ] as const)('answers %s %s with 400 naming the path parameter', async (method, path) => {
    const response = await callJson(running.url, method, path, { bearer: token, ...(method === 'POST' ? { body: {} } : {}) });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors).toEqual([
      { path: expect.stringMatching(/^\/(consentId|id|linkId|provisionId)$/), message: 'must be a UUID' },
    ]);
    expect(response.body.detail).toMatch(/path parameter \w+ must be a UUID/);
  });

  it('answers JSON nested 10,000 deep with 400, and JSON at the limit as usual', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const response = await postRaw(`${running.url}/v1/auth/register`, deep);
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'MALFORMED_REQUEST', detail: 'The JSON body is nested deeper than 32 levels.' });
    const deepInsideAnObject = JSON.stringify({ ...newIndividual(), extra: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) });
    expect((await postRaw(`${running.url}/v1/auth/register`, deepInsideAnObject)).status).toBe(400);
    const brackets = JSON.stringify({ ...newIndividual(), displayName: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ Hanako' });
    expect((await postRaw(`${running.url}/v1/auth/register`, brackets)).status).toBe(201);
  });

  it('logs a failed INSERT under an errorId without its parameters, e-mail, name or password hash', async () => {
    const response = await postRaw(`${running.url}/probe/failing-insert`, '{}');
    expect(response.status).toBe(500);
    const logged = running.log.entries().find((entry) => entry.errorId === response.body.errorId);
    expect(logged).toMatchObject({ level: 'error', err: expect.objectContaining({ constraint: expect.any(String) }) });
    expect(JSON.stringify(logged)).toContain('INSERT INTO');
  });

  it('leaves no e-mail address, password hash or SQL parameter anywhere in the run’s log', () => {
    const text = running.log.lines.join('\n');
    expect(running.log.lines.length).toBeGreaterThan(10);
    for (const personal of [leaky.email, leaky.displayName, leaky.hash, individual.email, individual.password]) {
      expect(text).not.toContain(personal);
    }
    expect(text).not.toMatch(/[\w.+-]+@example\.jp/);
    expect(text).not.toMatch(/\$scrypt\$/);
    expect(text).not.toContain('"parameters"');
  });
});
