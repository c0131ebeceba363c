import { BankKeyRing } from '@infobank/crypto';
import { createHash } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { openTestDataSource, testConfig } from '../../support/platform';
import { callJson, expectProblem, newIndividual, verifyWithPublishedKeys } from './session-client';

describe('portal: individuals register, sign in and keep a session', () => {
  let running: RunningApp;
  let url: string;
  let portalUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    running = await startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS);
    url = running.url;
    portalUrl = running.config.http.publicUrls.portal;
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await running?.close();
    await dataSource?.destroy();
  });

  const post = (path: string, body: unknown, bearer?: string) => callJson(url, 'POST', path, { body, bearer });
  const me = (bearer?: string) => callJson(url, 'GET', '/v1/me', { bearer });

  async function registered(overrides = {}) {
    const individual = newIndividual(overrides);
    const response = await post('/v1/auth/register', individual);
    expect(response.status).toBe(201);
    return { ...individual, id: response.body.id as string };
  }

  async function signedIn(overrides = {}) {
    const individual = await registered(overrides);
    const login = await post('/v1/auth/login', { email: individual.email, password: individual.password });
    expect(login.status).toBe(200);
    return { ...individual, ...(login.body as { accessToken: string; refreshToken: string; expiresIn: number }) };
  }

  describe('registration', () => {
    it('opens an account (201 with its id) and starts no session', async () => {
      const individual = newIndividual();
      const response = await post('/v1/auth/register', individual);
      expect(response.status).toBe(201);
      expect(Object.keys(response.body)).toEqual(['id']);
      expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const [row] = await dataSource.query(`SELECT kind, email, display_name, language, password_hash FROM accounts WHERE id = $1`, [
        response.body.id,
      ]);
      expect(row).toMatchObject({ kind: 'individual', email: individual.email, display_name: '山田 花子', language: 'ja' });
      expect(row.password_hash).toMatch(new RegExp(`^\\$scrypt\\$v=1\\$ln=${testConfig().hardening.scryptLogN},r=8,p=1\\$`));
      expect(row.password_hash).not.toContain(individual.password);
    });

    it('names each bad field: short password, bad e-mail, unknown language, extra field', async () => {
      const response = await post('/v1/auth/register', {
        ...newIndividual(),
        email: 'nope',
        password: 'short',
        language: 'fr',
        role: 'admin',
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      const paths = response.body.errors.map((error: { path: string }) => error.path);
      expect(new Set(paths)).toEqual(new Set(['/email', '/password', '/language', '/role']));
    });

    it('answers a repeated e-mail like a new one, and leaves the existing account alone', async () => {
      const first = await registered();
      const again = await post('/v1/auth/register', {
        ...newIndividual(),
        email: first.email.toUpperCase(),
        password: 'another password 123',
      });
      expect(again.status).toBe(201);
      expect(Object.keys(again.body)).toEqual(['id']);
      expect(again.body.id).not.toBe(first.id);
      expect((await post('/v1/auth/login', { email: first.email, password: first.password })).status).toBe(200);
      expectProblem(await post('/v1/auth/login', { email: first.email, password: 'another password 123' }), 401, 'INVALID_CREDENTIALS');
    });
  });

  describe('sign-in', () => {
    it('issues a 15-minute EdDSA access token for the portal and an opaque refresh token, not cached', async () => {
      const individual = await registered();
      const login = await post('/v1/auth/login', { email: `  ${individual.email.toUpperCase()} `, password: individual.password });
      expect(login.status).toBe(200);
      expect(login.headers.get('cache-control')).toBe('no-store');
      expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
      expect(login.body.expiresIn).toBe(900);
      expect(login.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const { payload, alg } = await verifyWithPublishedKeys(url, login.body.accessToken, { audience: portalUrl, typ: 'at+jwt' });
      expect(alg).toBe('EdDSA');
      expect(payload).toMatchObject({ sub: individual.id, role: 'individual', iss: portalUrl, aud: portalUrl });
      expect((payload.exp as number) - (payload.iat as number)).toBe(900);
    });

    it('keeps only the SHA-256 of refresh tokens', async () => {
      const session = await signedIn();
      const rows = await dataSource.query(`SELECT token_hash, family_id, expires_at FROM refresh_tokens WHERE account_id = $1`, [
        session.id,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash.equals(createHash('sha256').update(session.refreshToken).digest())).toBe(true);
      const days = (new Date(rows[0].expires_at).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
    });

    it('answers a wrong password and an unknown e-mail identically (401 INVALID_CREDENTIALS)', async () => {
      const individual = await registered();
      const wrongPassword = await post('/v1/auth/login', { email: individual.email, password: 'not the password at all' });
      const unknownEmail = await post('/v1/auth/login', { email: newIndividual().email, password: individual.password });
      expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS');
      expect(unknownEmail.status).toBe(wrongPassword.status);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(unknownEmail.headers.get('content-type')).toBe(wrongPassword.headers.get('content-type'));
    });

    it('refuses a disabled account like a wrong password, and ends its sessions', async () => {
      const session = await signedIn();
      await dataSource.query(`UPDATE accounts SET disabled_at = now() WHERE id = $1`, [session.id]);
      const login = await post('/v1/auth/login', { email: session.email, password: session.password });
      expectProblem(login, 401, 'INVALID_CREDENTIALS');
      expectProblem(await post('/v1/auth/refresh', { refreshToken: session.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await me(session.accessToken), 401, 'UNAUTHENTICATED');
    });
  });

  describe('refresh and logout', () => {
    it('rotates: a new pair, and the old refresh token no longer works', async () => {
      const session = await signedIn();
      const refreshed = await post('/v1/auth/refresh', { refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(200);
      expect(refreshed.headers.get('cache-control')).toBe('no-store');
      expect(refreshed.body.refreshToken).not.toBe(session.refreshToken);
      expect(refreshed.body.accessToken).not.toBe(session.accessToken);
      expect((await me(refreshed.body.accessToken)).body.id).toBe(session.id);
      expectProblem(await post('/v1/auth/refresh', { refreshToken: session.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('revokes the whole family when a spent refresh token comes back, but not the account’s other sessions', async () => {
      const session = await signedIn();
      const otherDevice = await post('/v1/auth/login', { email: session.email, password: session.password });
      const rotated = await post('/v1/auth/refresh', { refreshToken: session.refreshToken });
      expect(rotated.status).toBe(200);

      const reuse = await post('/v1/auth/refresh', { refreshToken: session.refreshToken });
      expectProblem(reuse, 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await post('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
      expect((await post('/v1/auth/refresh', { refreshToken: otherDevice.body.refreshToken })).status).toBe(200);
    });

    it('lets exactly one of two concurrent refreshes with the same token rotate', async () => {
      const session = await signedIn();
      const results = await Promise.all([1, 2].map(() => post('/v1/auth/refresh', { refreshToken: session.refreshToken })));
      expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
    });

    it('logout ends the session: its refresh tokens stop working; logging out again is fine', async () => {
      const session = await signedIn();
      const rotated = await post('/v1/auth/refresh', { refreshToken: session.refreshToken });
      const logout = await post('/v1/auth/logout', { refreshToken: rotated.body.refreshToken });
      expect(logout.status).toBe(204);
      expectProblem(await post('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
      expect((await post('/v1/auth/logout', { refreshToken: rotated.body.refreshToken })).status).toBe(204);
    });

    it('refuses refresh tokens that were never issued', async () => {
      expectProblem(await post('/v1/auth/refresh', { refreshToken: 'A'.repeat(43) }), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await post('/v1/auth/refresh', { refreshToken: 'not a token' }), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await post('/v1/auth/refresh', {}), 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /v1/me', () => {
    it('returns the signed-in individual’s account', async () => {
      const session = await signedIn({ displayName: 'Hanako Yamada', language: 'en' });
      const response = await me(session.accessToken);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: session.id,
        email: session.email,
        displayName: 'Hanako Yamada',
        language: 'en',
        emailVerified: false,
      });
    });

    it('needs a bearer token (401 problem+json with WWW-Authenticate)', async () => {
      const response = await me();
      expectProblem(response, 401, 'UNAUTHENTICATED');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expectProblem(await callJson(url, 'GET', '/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'UNAUTHENTICATED');
    });

    describe('refuses tokens that are not this app’s live access tokens', () => {
      let keyRing: BankKeyRing;
      let accountId: string;
      const claims = { role: 'individual' };

      beforeAll(async () => {
        keyRing = running.app.get(BankKeyRing);
        accountId = (await registered()).id;
      });

      const refused = async (token: string) => {
        const response = await me(token);
        expectProblem(response, 401, 'UNAUTHENTICATED');
        expect(response.headers.get('www-authenticate')).toContain('invalid_token');
      };
      const options = () => ({ typ: 'at+jwt', issuer: portalUrl, audience: portalUrl, subject: accountId });

      it('accepts the control token signed the same way (so each refusal below is for its one difference)', async () => {
        const token = await keyRing.signJwt(claims, { ...options(), expiresIn: 60 });
        expect((await me(token)).status).toBe(200);
      });

      it('an expired token', async () => {
        await refused(await keyRing.signJwt(claims, { ...options(), expiresIn: -60 }));
      });

      it('a token for another audience (the ethics board)', async () => {
        const boardUrl = running.config.http.publicUrls.ethicsBoard;
        await refused(await keyRing.signJwt(claims, { ...options(), audience: boardUrl, expiresIn: 60 }));
      });

      it('a token from another issuer', async () => {
        await refused(await keyRing.signJwt(claims, { ...options(), issuer: 'https://evil.example', expiresIn: 60 }));
      });

      it('a token for another role', async () => {
        await refused(await keyRing.signJwt({ role: 'board_member' }, { ...options(), expiresIn: 60 }));
      });

      it('a token of an account whose sessions were reset after it, or that was disabled, each with its own detail', async () => {
        const token = await keyRing.signJwt(claims, { ...options(), expiresIn: 60 });
        const refusedWith = async (detail: string) => {
          const response = await me(token);
          expectProblem(response, 401, 'UNAUTHENTICATED');
          expect(response.body.detail).toBe(detail);
          expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
        };
        try {
          await dataSource.query(`UPDATE accounts SET sessions_not_before = now() + interval '1 minute' WHERE id = $1`, [accountId]);
          await refusedWith('The session ended; sign in again.');
          await dataSource.query(`UPDATE accounts SET sessions_not_before = NULL, disabled_at = now() WHERE id = $1`, [accountId]);
          await refusedWith('The account is closed or disabled.');
        } finally {
          await dataSource.query(`UPDATE accounts SET sessions_not_before = NULL, disabled_at = NULL WHERE id = $1`, [accountId]);
        }
        expect((await me(token)).status).toBe(200);
      });

      it('a token of another type (a step-up token)', async () => {
        await refused(await keyRing.signJwt(claims, { ...options(), typ: 'step-up+jwt', expiresIn: 60 }));
      });

      it('a foreign token: signed by another key under the bank key’s kid', async () => {
        const { privateKey } = await generateKeyPair('EdDSA');
        const forged = await new SignJWT(claims)
          .setProtectedHeader({ alg: 'EdDSA', kid: keyRing.currentKid, typ: 'at+jwt' })
          .setIssuer(portalUrl)
          .setAudience(portalUrl)
          .setSubject(accountId)
          .setIssuedAt()
          .setExpirationTime('1m')
          .sign(privateKey);
        await refused(forged);
      });

      it('an unsigned token (alg none)', async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        const payload = { ...claims, sub: accountId, iss: portalUrl, aud: portalUrl, iat: now, exp: now + 60 };
        const response = await me(`${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(payload)}.`);
        expectProblem(response, 401, 'UNAUTHENTICATED');
      });
    });
  });

  describe('step-up', () => {
    it('re-checks the password and issues a 5-minute step-up token for this account', async () => {
      const session = await signedIn();
      const response = await post('/v1/auth/step-up', { password: session.password }, session.accessToken);
      expect(response.status).toBe(200);
      expect(response.body.expiresIn).toBe(300);
      const { payload } = await verifyWithPublishedKeys(url, response.body.stepUpToken, { audience: portalUrl, typ: 'step-up+jwt' });
      expect(payload.sub).toBe(session.id);
      expect((payload.exp as number) - (payload.iat as number)).toBe(300);
      // A step-up token is no access token.
      expectProblem(await me(response.body.stepUpToken), 401, 'UNAUTHENTICATED');
    });

    it('refuses a wrong password (401 INVALID_CREDENTIALS) and a caller without an access token', async () => {
      const session = await signedIn();
      expectProblem(
        await post('/v1/auth/step-up', { password: 'not the password at all' }, session.accessToken),
        401,
        'INVALID_CREDENTIALS',
      );
      expectProblem(await post('/v1/auth/step-up', { password: session.password }), 401, 'UNAUTHENTICATED');
    });
  });
});
