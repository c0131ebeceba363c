import type { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { openTestDataSource } from '../../support/platform';
import { callJson, expectProblem, newIndividual, type JsonResponse } from './session-client';

const COOKIE_ATTRIBUTES = 'HttpOnly; Secure; SameSite=Strict; Path=/v1/auth';
const LISTED_ORIGIN = 'https://app.example.jp';

describe('portal: the browser’s cookie session, its Origin check and the Content-Security-Policy', () => {
  let portal: RunningApp;
  let ownOrigin: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    // The test client is the trusted proxy, so forwarded proto and host can be exercised on the same app.
    portal = await startTestApp(
      PortalModule,
      { WEB_ALLOWED_ORIGINS: LISTED_ORIGIN, TRUSTED_PROXIES: '127.0.0.1,::1' },
      PORTAL_ERROR_STATUS,
    );
    ownOrigin = new URL(portal.url).origin;
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await Promise.all([portal?.close(), dataSource?.destroy()]);
  });

  /** A POST as the web app sends it: cookie-session header, its Origin, the cookie if it has one. */
  const browserPost = (path: string, options: { cookie?: string; origin?: string | null; body?: unknown; bearer?: string } = {}) => {
    const headers: Record<string, string> = { 'x-infobank-session': 'cookie' };
    const origin = options.origin === undefined ? ownOrigin : options.origin;
    if (origin !== null) headers.origin = origin;
    if (options.cookie !== undefined) headers.cookie = `infobank_refresh=${options.cookie}`;
    return callJson(portal.url, 'POST', path, { body: options.body, bearer: options.bearer, headers });
  };
  const setCookies = (response: JsonResponse) => response.headers.getSetCookie();
  const cookieFrom = (response: JsonResponse): string => {
    const [header] = setCookies(response);
    const match = /^infobank_refresh=([A-Za-z0-9_-]{43}); /.exec(header ?? '');
    if (match === null) throw new Error(`no refresh cookie in ${JSON.stringify(setCookies(response))}`);
    return match[1];
  };
  const clearedCookie = `infobank_refresh=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
  const liveTokens = async (accountId: string): Promise<number> =>
    Number(
      (
        await dataSource.query(
          `SELECT count(*) AS n FROM refresh_tokens WHERE account_id = $1 AND revoked_at IS NULL AND used_at IS NULL`,
          [accountId],
        )
      )[0].n,
    );

  async function registered() {
    const individual = newIndividual();
    const response = await callJson(portal.url, 'POST', '/v1/auth/register', { body: individual });
    expect(response.status).toBe(201);
    return { email: individual.email, password: individual.password, id: response.body.id as string };
  }
  async function browserSignedIn() {
    const individual = await registered();
    const login = await browserPost('/v1/auth/login', { body: { email: individual.email, password: individual.password } });
    expect(login.status).toBe(200);
    return { ...individual, cookie: cookieFrom(login), accessToken: login.body.accessToken as string };
  }

  it('signs in with the refresh token only in an HttpOnly, Secure, SameSite=Strict cookie on /v1/auth, never in the body', async () => {
    const individual = await registered();
    const login = await browserPost('/v1/auth/login', { body: { email: individual.email, password: individual.password } });
    expect(login.status).toBe(200);
    expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(setCookies(login)).toEqual([expect.stringMatching(/^infobank_refresh=[A-Za-z0-9_-]{43}; /)]);
    expect(setCookies(login)[0]).toBe(`infobank_refresh=${cookieFrom(login)}; ${COOKIE_ATTRIBUTES}; Max-Age=2592000`);
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect((await callJson(portal.url, 'GET', '/v1/me', { bearer: login.body.accessToken })).body.id).toBe(individual.id);
    // Without the header the JSON API answers as before: tokens in the body, no cookie.
    const json = await callJson(portal.url, 'POST', '/v1/auth/login', { body: { email: individual.email, password: individual.password } });
    expect(Object.keys(json.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(setCookies(json)).toEqual([]);
  });

  it('refreshes from the cookie and rotates it; the replayed old cookie ends the session and is cleared', async () => {
    const { cookie: first } = await browserSignedIn();
    const refreshed = await browserPost('/v1/auth/refresh', { cookie: first });
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    const second = cookieFrom(refreshed);
    expect(second).not.toBe(first);
    expect(setCookies(refreshed)[0]).toBe(`infobank_refresh=${second}; ${COOKIE_ATTRIBUTES}; Max-Age=2592000`);

    const replay = await browserPost('/v1/auth/refresh', { cookie: first });
    expectProblem(replay, 401, 'INVALID_REFRESH_TOKEN');
    expect(setCookies(replay)).toEqual([clearedCookie]);
    // Reuse ended the whole session: the cookie the rotation handed out no longer works either.
    expectProblem(await browserPost('/v1/auth/refresh', { cookie: second }), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('answers a refresh without a cookie, or with one it never issued, 401 and clears the cookie', async () => {
    const missing = await browserPost('/v1/auth/refresh');
    expectProblem(missing, 401, 'INVALID_REFRESH_TOKEN');
    expect(setCookies(missing)).toEqual([clearedCookie]);
    const unknown = await browserPost('/v1/auth/refresh', { cookie: 'A'.repeat(43) });
    expectProblem(unknown, 401, 'INVALID_REFRESH_TOKEN');
    expect(setCookies(unknown)).toEqual([clearedCookie]);
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const { cookie, id } = await browserSignedIn();
    const logout = await browserPost('/v1/auth/logout', { cookie });
    expect(logout.status).toBe(204);
    expect(setCookies(logout)).toEqual([clearedCookie]);
    expect(await liveTokens(id)).toBe(0);
    expectProblem(await browserPost('/v1/auth/refresh', { cookie }), 401, 'INVALID_REFRESH_TOKEN');
    expect((await browserPost('/v1/auth/logout')).status).toBe(204);
  });

  it('logs out everywhere: every session of the account ends, the cookie is cleared, other accounts keep theirs', async () => {
    const browser = await browserSignedIn();
    const phone = await callJson(portal.url, 'POST', '/v1/auth/login', { body: { email: browser.email, password: browser.password } });
    const someoneElse = await browserSignedIn();
    expect(await liveTokens(browser.id)).toBe(2);

    const everywhere = await browserPost('/v1/auth/logout-everywhere', { cookie: browser.cookie, bearer: browser.accessToken });
    expect(everywhere.status).toBe(204);
    expect(setCookies(everywhere)).toEqual([clearedCookie]);
    expect(await liveTokens(browser.id)).toBe(0);
    expectProblem(await browserPost('/v1/auth/refresh', { cookie: browser.cookie }), 401, 'INVALID_REFRESH_TOKEN');
    const phoneRefresh = await callJson(portal.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: phone.body.refreshToken } });
    expectProblem(phoneRefresh, 401, 'INVALID_REFRESH_TOKEN');
    expect((await browserPost('/v1/auth/refresh', { cookie: someoneElse.cookie })).status).toBe(200);

    expectProblem(await callJson(portal.url, 'POST', '/v1/auth/logout-everywhere'), 401, 'UNAUTHENTICATED');
  });

  it('refuses cookie-session requests from another Origin or none with 403 ORIGIN_REFUSED, changing nothing', async () => {
    const individual = await registered();
    const credentials = { email: individual.email, password: individual.password };
    for (const origin of ['http://evil.example', null, 'null', ownOrigin.replace(/:\d+$/, ':1')]) {
      const login = await browserPost('/v1/auth/login', { body: credentials, origin });
      expectProblem(login, 403, 'ORIGIN_REFUSED');
      expect(setCookies(login)).toEqual([]);
    }
    expect(await liveTokens(individual.id)).toBe(0);

    const { cookie, id, accessToken } = await browserSignedIn();
    // The cookie alone (no header) is enough to require the Origin: a forged JSON-mode request changes nothing either.
    const forgedRefresh = await callJson(portal.url, 'POST', '/v1/auth/refresh', {
      headers: { cookie: `infobank_refresh=${cookie}`, origin: 'http://evil.example' },
      body: { refreshToken: cookie },
    });
    expectProblem(forgedRefresh, 403, 'ORIGIN_REFUSED');
    expectProblem(await browserPost('/v1/auth/refresh', { cookie, origin: 'http://evil.example' }), 403, 'ORIGIN_REFUSED');
    expectProblem(await browserPost('/v1/auth/logout', { cookie, origin: null }), 403, 'ORIGIN_REFUSED');
    const everywhere = await browserPost('/v1/auth/logout-everywhere', { cookie, bearer: accessToken, origin: 'http://evil.example' });
    expectProblem(everywhere, 403, 'ORIGIN_REFUSED');
    expect(await liveTokens(id)).toBe(1);
    // The cookie was neither spent nor revoked by any of those.
    expect((await browserPost('/v1/auth/refresh', { cookie })).status).toBe(200);
  });

  it('accepts an origin from WEB_ALLOWED_ORIGINS, and the origin a trusted proxy forwarded', async () => {
    const individual = await registered();
    const credentials = { email: individual.email, password: individual.password };
    expect((await browserPost('/v1/auth/login', { body: credentials, origin: LISTED_ORIGIN })).status).toBe(200);
    const forwarded = { 'x-infobank-session': 'cookie', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'bank.example.jp' };
    const proxied = await callJson(portal.url, 'POST', '/v1/auth/login', {
      body: credentials,
      headers: { ...forwarded, origin: 'https://bank.example.jp' },
    });
    expect(proxied.status).toBe(200);
    const notTheProxiedHost = await callJson(portal.url, 'POST', '/v1/auth/login', {
      body: credentials,
      headers: { ...forwarded, origin: ownOrigin },
    });
    expectProblem(notTheProxiedHost, 403, 'ORIGIN_REFUSED');
  });

  it('sends a strict Content-Security-Policy on every response, relaxed for styles on /docs only', async () => {
    const directives = (response: Response) =>
      new Map(
        (response.headers.get('content-security-policy') ?? '')
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .filter((parts) => parts[0] !== '')
          .map(([name, ...values]) => [name, values.join(' ')]),
      );
    const strict = new Map([
      ['default-src', "'self'"],
      ['script-src', "'self'"],
      ['style-src', "'self'"],
      ['img-src', "'self' data:"],
      ['connect-src', "'self'"],
      ['font-src', "'self'"],
      ['object-src', "'none'"],
      ['base-uri', "'none'"],
      ['frame-ancestors', "'none'"],
      ['form-action', "'self'"],
    ]);
    for (const path of ['/health', '/v1/me', '/no/such/route']) {
      expect([path, directives(await fetch(`${portal.url}${path}`))]).toEqual([path, strict]);
    }
    const docsPage = await fetch(`${portal.url}/docs`);
    const docs = directives(docsPage);
    expect(docs.get('script-src')).toBe("'self'");
    expect(docs.get('style-src')).toBe("'self' 'unsafe-inline'");
    // The explorer still works under script-src 'self': every script of its page is a file.
    const scripts = (await docsPage.text()).match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !/\ssrc=/.test(tag))).toEqual([]);
  });
});
