// The DPoP nonce dance (RFC 9449 §8 and §9) against a loopback server that demands one: the bank
// sends no nonce today, so a small server plays an authorisation and resource server that does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { InfobankClient } from './client.js';
import { generateSigningKey } from './keys.js';

interface Seen {
  path: string;
  nonce: unknown;
}

/** A server that answers `use_dpop_nonce` to any proof without its current nonce, and otherwise 200. */
async function nonceDemandingServer(first: string): Promise<{ url: string; seen: Seen[]; server: Server; rotate: (next: string) => void }> {
  const seen: Seen[] = [];
  let nonce = first;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      void (async () => {
        const proof = String(request.headers.dpop);
        const { jwk } = decodeProtectedHeader(proof) as { jwk: JWK };
        // The proof must verify under the key it carries.
        const { payload } = await jwtVerify(proof, await importJWK(jwk, 'ES256'), { typ: 'dpop+jwt' });
        const path = request.url ?? '';
        seen.push({ path, nonce: payload.nonce });
        const json = { 'content-type': 'application/json', 'dpop-nonce': nonce };
        if (payload.nonce !== nonce && path === '/oauth/token') {
          response.writeHead(400, json).end(JSON.stringify({ error: 'use_dpop_nonce', error_description: 'Send the nonce' }));
        } else if (payload.nonce !== nonce) {
          response
            .writeHead(401, { ...json, 'www-authenticate': 'DPoP error="use_dpop_nonce"' })
            .end(JSON.stringify({ code: 'USE_DPOP_NONCE' }));
        } else if (path === '/oauth/token') {
          response.writeHead(200, json).end(JSON.stringify({ access_token: 'token-1', token_type: 'DPoP', expires_in: 600 }));
        } else {
          response.writeHead(200, json).end(JSON.stringify({ ok: true }));
        }
      })().catch(() => response.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server, rotate: (next) => (nonce = next) };
}

describe('InfobankClient and DPoP nonces', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('takes the nonce the token endpoint asks for, sends the request again once, and puts the nonce in later proofs', async () => {
    const running = await nonceDemandingServer('nonce-A');
    server = running.server;
    const client = await InfobankClient.create({
      apiUrl: running.url,
      organisationId: 'org-1',
      signingKey: await generateSigningKey('ES256'),
    });
    await expect(client.call('GET', '/v1/organisation')).resolves.toEqual({ ok: true });
    expect(running.seen).toEqual([
      { path: '/oauth/token', nonce: undefined },
      { path: '/oauth/token', nonce: 'nonce-A' },
      { path: '/v1/organisation', nonce: 'nonce-A' },
    ]);
  });

  it('answers a resource server’s nonce challenge (401, WWW-Authenticate use_dpop_nonce) by sending once more with the new nonce', async () => {
    const running = await nonceDemandingServer('nonce-A');
    server = running.server;
    const client = await InfobankClient.create({
      apiUrl: running.url,
      organisationId: 'org-1',
      signingKey: await generateSigningKey('ES256'),
    });
    await client.call('GET', '/v1/organisation');
    // The server moves on to another nonce while the client holds its token.
    running.rotate('nonce-B');
    await expect(client.call('GET', '/v1/offers')).resolves.toEqual({ ok: true });
    expect(running.seen.slice(3)).toEqual([
      { path: '/v1/offers', nonce: 'nonce-A' },
      { path: '/v1/offers', nonce: 'nonce-B' },
    ]);
  });

  it('builds assertions with iss = sub = the organisation and aud = the token endpoint, signed by the registered key', async () => {
    const signingKey = await generateSigningKey('EdDSA');
    const client = await InfobankClient.create({ apiUrl: 'https://intake.bank.example.jp/', organisationId: 'org-9', signingKey });
    const assertion = await client.clientAssertion();
    const { payload, protectedHeader } = await jwtVerify(assertion, signingKey.publicKey, { algorithms: ['EdDSA'] });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: signingKey.kid, typ: 'client-authentication+jwt' });
    expect(payload).toMatchObject({ iss: 'org-9', sub: 'org-9', aud: 'https://intake.bank.example.jp/oauth/token' });
    expect((payload.exp as number) - (payload.iat as number)).toBe(60);
    const proof = await client.dpopProof('GET', 'https://intake.bank.example.jp/v1/links?x=1', 'token');
    expect(decodeJwt(proof)).toMatchObject({ htm: 'GET', htu: 'https://intake.bank.example.jp/v1/links', ath: expect.any(String) });
  });
});
