import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from '../../../apps/intake/src/intake.module';
import { RunningApp } from '../../support/http-app';
import {
  generateOrganisationKey,
  nowSeconds,
  OrganisationClient,
  registerOrganisation,
  startOrganisationApi,
  suspendOrganisation,
} from '../../support/organisation-client';
import { expectRefused } from '../../support/refusals';

function decodeJwtPart(jwt: string, index: 0 | 1): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[index], 'base64url').toString('utf8'));
}

describe('gateway client authentication (private_key_jwt + DPoP)', () => {
  let gateway: RunningApp;
  let intake: RunningApp;
  let recipient: OrganisationClient;

  beforeAll(async () => {
    [gateway, intake] = await Promise.all([
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS),
      startOrganisationApi(IntakeModule, 'intake', INTAKE_HTTP_OPTIONS),
    ]);
    recipient = await registerOrganisation(gateway, { roles: ['recipient'], name: { ja: '受領株式会社', en: 'Recipient K.K.' } });
  });
  afterAll(async () => {
    await Promise.all([gateway?.close(), intake?.close()]);
  });

  describe('happy path', () => {
    it('issues a DPoP-bound access token for the gateway, not cacheable', async () => {
      const response = await recipient.requestToken();

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.body).toEqual({ access_token: expect.any(String), token_type: 'DPoP', expires_in: 600 });
      const header = decodeJwtPart(response.body.access_token, 0);
      const claims = decodeJwtPart(response.body.access_token, 1);
      expect(header).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt', kid: expect.any(String) });
      expect(claims).toMatchObject({
        iss: gateway.url,
        aud: gateway.url,
        sub: recipient.organisationId,
        roles: ['recipient'],
        cnf: { jkt: recipient.dpopKey.kid },
        jti: expect.any(String),
      });
      expect(claims.exp - claims.iat).toBe(600);
    });

    it('lets the organisation call a resource route with the token and a fresh proof', async () => {
      const response = await recipient.call('GET', '/v1/organisation');

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: recipient.organisationId,
        roles: ['recipient'],
        name: { ja: '受領株式会社', en: 'Recipient K.K.' },
      });
    });

    it('accepts a query string on the request (htu compares without it)', async () => {
      const response = await recipient.call('GET', '/v1/organisation?lang=ja');

      expect(response.status).toBe(200);
    });

    it('never logs the assertion, the proof or the token', async () => {
      const assertion = await recipient.clientAssertion();
      const response = await recipient.requestToken({ assertion });
      expect(response.status).toBe(200);
      await recipient.call('GET', '/v1/organisation', { accessToken: response.body.access_token });

      const logged = gateway.log.lines.join('\n');
      expect(logged).not.toContain(assertion.split('.')[2]);
      expect(logged).not.toContain(response.body.access_token.split('.')[2]);
    });
  });

  describe('token endpoint refuses', () => {
    it('a request without a client assertion (400 VALIDATION_FAILED)', async () => {
      expectRefused(await recipient.requestToken({ assertion: null }), 400, 'VALIDATION_FAILED');
    });

    it('a grant type other than client_credentials (400 UNSUPPORTED_GRANT_TYPE)', async () => {
      expectRefused(await recipient.requestToken({ form: { grant_type: 'password' } }), 400, 'UNSUPPORTED_GRANT_TYPE');
    });

    it('a client_assertion_type other than jwt-bearer (400 VALIDATION_FAILED)', async () => {
      const response = await recipient.requestToken({ form: { client_assertion_type: 'urn:example:secret' } });
      expectRefused(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ path: '/client_assertion_type' })]);
    });

    it('a JSON body instead of a form (415)', async () => {
      expectRefused(await recipient.requestToken({ contentType: 'application/json' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('an expired assertion', async () => {
      const assertion = await recipient.clientAssertion({ issuedAt: nowSeconds() - 600, expiresAt: nowSeconds() - 300 });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('an assertion that expires more than 5 minutes ahead', async () => {
      const assertion = await recipient.clientAssertion({ expiresAt: nowSeconds() + 600 });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('a future-dated assertion (iat ahead of the clock)', async () => {
      const assertion = await recipient.clientAssertion({ issuedAt: nowSeconds() + 120, expiresAt: nowSeconds() + 180 });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('an assertion without exp', async () => {
      const assertion = await recipient.clientAssertion({ expiresAt: null });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('an assertion for another audience (the intake token endpoint)', async () => {
      const assertion = await recipient.clientAssertion({ audience: `${intake.url}/oauth/token` });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('an assertion whose sub is not the issuer', async () => {
      const other = await registerOrganisation(gateway, { roles: ['recipient'] });
      const assertion = await recipient.clientAssertion({ subject: other.organisationId });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('an unsigned assertion (alg: none)', async () => {
      expectRefused(await recipient.requestToken({ assertion: await recipient.unsecuredAssertion() }), 401, 'INVALID_CLIENT');
    });

    it('an assertion HMAC-signed (HS256) with the registered public key', async () => {
      expectRefused(await recipient.requestToken({ assertion: await recipient.hmacWithPublicKeyAssertion() }), 401, 'INVALID_CLIENT');
    });

    it('an assertion naming an unknown kid', async () => {
      const assertion = await recipient.clientAssertion({ kid: 'not-a-registered-key' });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('an assertion signed by a key the organisation never registered', async () => {
      const stranger = await generateOrganisationKey('ES256');
      const assertion = await recipient.clientAssertion({ key: stranger, kid: recipient.signingKey.kid });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('an assertion from an organisation the bank does not know', async () => {
      const assertion = await recipient.clientAssertion({
        issuer: '00000000-0000-4000-8000-000000000000',
        subject: '00000000-0000-4000-8000-000000000000',
      });
      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('a replayed assertion jti', async () => {
      const assertion = await recipient.clientAssertion();
      expect((await recipient.requestToken({ assertion })).status).toBe(200);

      expectRefused(await recipient.requestToken({ assertion }), 401, 'INVALID_CLIENT');
    });

    it('a request without a DPoP proof', async () => {
      expectRefused(await recipient.requestToken({ proof: null }), 401, 'INVALID_DPOP_PROOF');
    });

    it('two DPoP headers', async () => {
      expectRefused(await recipient.requestToken({ extraProofs: [await recipient.dpopProof()] }), 401, 'INVALID_DPOP_PROOF');
    });

    it('a DPoP proof for another method (htm)', async () => {
      expectRefused(await recipient.requestToken({ proof: await recipient.dpopProof({ method: 'GET' }) }), 401, 'INVALID_DPOP_PROOF');
    });

    it('a DPoP proof for another URL (htu)', async () => {
      const proof = await recipient.dpopProof({ url: `${intake.url}/oauth/token` });
      expectRefused(await recipient.requestToken({ proof }), 401, 'INVALID_DPOP_PROOF');
    });

    it('a stale DPoP proof (iat two minutes ago)', async () => {
      const proof = await recipient.dpopProof({ issuedAt: nowSeconds() - 120 });
      expectRefused(await recipient.requestToken({ proof }), 401, 'INVALID_DPOP_PROOF');
    });

    it('a DPoP proof dated two minutes ahead', async () => {
      const proof = await recipient.dpopProof({ issuedAt: nowSeconds() + 120 });
      expectRefused(await recipient.requestToken({ proof }), 401, 'INVALID_DPOP_PROOF');
    });

    it('a DPoP proof with the wrong typ', async () => {
      expectRefused(await recipient.requestToken({ proof: await recipient.dpopProof({ typ: 'JWT' }) }), 401, 'INVALID_DPOP_PROOF');
    });

    it('a replayed DPoP proof jti', async () => {
      const proof = await recipient.dpopProof();
      expect((await recipient.requestToken({ proof })).status).toBe(200);

      expectRefused(await recipient.requestToken({ proof }), 401, 'INVALID_DPOP_PROOF');
    });

    it('a provider asking the recipients’ gateway for a token (400 UNAUTHORIZED_CLIENT)', async () => {
      const provider = await registerOrganisation(gateway, { roles: ['provider'] });
      expectRefused(await provider.requestToken(), 400, 'UNAUTHORIZED_CLIENT');
    });
  });

  describe('resource routes refuse', () => {
    let accessToken: string;

    beforeAll(async () => {
      accessToken = await recipient.accessToken();
    });

    it('a request without credentials, with a bare DPoP challenge', async () => {
      const response = await recipient.call('GET', '/v1/organisation', { accessToken: null, proof: null });
      expectRefused(response, 401, 'INVALID_TOKEN');
      expect(response.headers.get('www-authenticate')).toMatch(/^DPoP algs="[^"]*EdDSA[^"]*"$/);
    });

    it('the token under the Bearer scheme', async () => {
      const response = await recipient.call('GET', '/v1/organisation', { accessToken, authorization: `Bearer ${accessToken}` });
      expectRefused(response, 401, 'INVALID_TOKEN');
      expect(response.headers.get('www-authenticate')).toMatch(/^DPoP error="invalid_token"/);
    });

    it('a token the bank did not sign', async () => {
      const forged = `${accessToken.split('.').slice(0, 2).join('.')}.${Buffer.alloc(64).toString('base64url')}`;
      expectRefused(await recipient.call('GET', '/v1/organisation', { accessToken: forged }), 401, 'INVALID_TOKEN');
    });

    it('a request without a DPoP proof', async () => {
      const response = await recipient.call('GET', '/v1/organisation', { accessToken, proof: null });
      expectRefused(response, 401, 'INVALID_DPOP_PROOF');
      expect(response.headers.get('www-authenticate')).toMatch(/^DPoP error="invalid_dpop_proof"/);
    });

    it('a DPoP proof for another method (htm)', async () => {
      const response = await recipient.call('GET', '/v1/organisation', { accessToken, proofOptions: { method: 'POST' } });
      expectRefused(response, 401, 'INVALID_DPOP_PROOF');
    });

    it('a DPoP proof for another URL (htu)', async () => {
      const response = await recipient.call('GET', '/v1/organisation', { accessToken, proofOptions: { url: `${gateway.url}/v1/other` } });
      expectRefused(response, 401, 'INVALID_DPOP_PROOF');
    });

    it('a DPoP proof without ath', async () => {
      const response = await recipient.call('GET', '/v1/organisation', { accessToken, proofOptions: { ath: null } });
      expectRefused(response, 401, 'INVALID_DPOP_PROOF');
    });

    it('a DPoP proof whose ath hashes another token', async () => {
      const otherToken = await recipient.accessToken();
      const response = await recipient.call('GET', '/v1/organisation', { accessToken, proofOptions: { accessToken: otherToken } });
      expectRefused(response, 401, 'INVALID_DPOP_PROOF');
    });

    it('a stale DPoP proof (iat two minutes ago)', async () => {
      const response = await recipient.call('GET', '/v1/organisation', { accessToken, proofOptions: { issuedAt: nowSeconds() - 120 } });
      expectRefused(response, 401, 'INVALID_DPOP_PROOF');
    });

    it('a replayed DPoP proof jti', async () => {
      const proof = await recipient.dpopProof({ method: 'GET', url: `${gateway.url}/v1/organisation`, accessToken });
      expect((await recipient.call('GET', '/v1/organisation', { accessToken, proof })).status).toBe(200);

      expectRefused(await recipient.call('GET', '/v1/organisation', { accessToken, proof }), 401, 'INVALID_DPOP_PROOF');
    });

    it('a token bound to another DPoP key', async () => {
      const thief = recipient.withDpopKey(await generateOrganisationKey('EdDSA'));
      const response = await thief.call('GET', '/v1/organisation', { accessToken });
      expectRefused(response, 401, 'INVALID_TOKEN');
      expect(response.headers.get('www-authenticate')).toMatch(/^DPoP error="invalid_token"/);
    });

    it('a provider’s intake token at the gateway', async () => {
      const provider = await registerOrganisation(intake, { roles: ['provider'] });
      const intakeToken = await provider.accessToken();

      expectRefused(await provider.at(gateway.url).call('GET', '/v1/organisation', { accessToken: intakeToken }), 401, 'INVALID_TOKEN');
    });

    it('a recipient’s gateway token at intake', async () => {
      expectRefused(await recipient.at(intake.url).call('GET', '/v1/organisation', { accessToken }), 401, 'INVALID_TOKEN');
    });
  });

  describe('a suspended organisation', () => {
    it('gets no token, and its live token stops working', async () => {
      const organisation = await registerOrganisation(gateway, { roles: ['recipient'] });
      const liveToken = await organisation.accessToken();
      expect((await organisation.call('GET', '/v1/organisation', { accessToken: liveToken })).status).toBe(200);

      await suspendOrganisation(gateway, organisation.organisationId);

      expectRefused(await organisation.requestToken(), 401, 'INVALID_CLIENT');
      expectRefused(await organisation.call('GET', '/v1/organisation', { accessToken: liveToken }), 401, 'INVALID_TOKEN');
    });
  });
});
