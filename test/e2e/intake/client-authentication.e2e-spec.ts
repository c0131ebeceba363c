import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { INTAKE_HTTP_OPTIONS, IntakeModule } from '../../../apps/intake/src/intake.module';
import { RunningApp } from '../../support/http-app';
import {
  generateOrganisationKey,
  nowSeconds,
  OrganisationClient,
  registerOrganisation,
  send,
  startOrganisationApi,
  suspendOrganisation,
  unencodedPayloadJws,
} from '../../support/organisation-client';
import { sendHeadAndFirstBytes } from '../../support/raw-http';
import { expectRefused } from '../../support/refusals';
import { postDeposit, signBatch } from './deposits-client';

// The gateway suite holds the full hostile matrix; intake runs the same code, so this checks its wiring:
// its own audience and URL, the provider role, and a few refusals.
describe('intake client authentication (private_key_jwt + DPoP)', () => {
  let intake: RunningApp;
  let gateway: RunningApp;
  let provider: OrganisationClient;

  beforeAll(async () => {
    [intake, gateway] = await Promise.all([
      startOrganisationApi(IntakeModule, 'intake', INTAKE_HTTP_OPTIONS),
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS),
    ]);
    provider = await registerOrganisation(intake, {
      roles: ['provider'],
      signingKeys: [await generateOrganisationKey('EdDSA')],
      name: { ja: '提供元株式会社' },
    });
  });
  afterAll(async () => {
    await Promise.all([intake?.close(), gateway?.close()]);
  });

  it('issues a provider an intake token and answers who it is', async () => {
    const token = await provider.requestToken();
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'DPoP', expires_in: 600 });
    const claims = JSON.parse(Buffer.from(token.body.access_token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ iss: intake.url, aud: intake.url, sub: provider.organisationId, roles: ['provider'] });

    const response = await provider.call('GET', '/v1/organisation', { accessToken: token.body.access_token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: provider.organisationId, roles: ['provider'], name: { ja: '提供元株式会社' } });
  });

  it('accepts PS256 assertions from an organisation that registered an RSA key', async () => {
    const rsaProvider = await registerOrganisation(intake, { roles: ['provider'], signingKeys: [await generateOrganisationKey('PS256')] });
    expect((await rsaProvider.requestToken()).status).toBe(200);
  });

  it('refuses a recipient a token (400 UNAUTHORIZED_CLIENT)', async () => {
    const recipient = await registerOrganisation(intake, { roles: ['recipient'] });
    expectRefused(await recipient.requestToken(), 400, 'UNAUTHORIZED_CLIENT');
  });

  it('refuses a recipient’s gateway token', async () => {
    const recipient = (await registerOrganisation(gateway, { roles: ['recipient'] })).at(gateway.url);
    const gatewayToken = await recipient.accessToken();
    expectRefused(await recipient.at(intake.url).call('GET', '/v1/organisation', { accessToken: gatewayToken }), 401, 'INVALID_TOKEN');
  });

  it('refuses an assertion addressed to the gateway', async () => {
    const assertion = await provider.clientAssertion({ audience: `${gateway.url}/oauth/token` });
    expectRefused(await provider.requestToken({ assertion }), 401, 'INVALID_CLIENT');
  });

  it('refuses a stale DPoP proof at a resource route', async () => {
    const response = await provider.call('GET', '/v1/organisation', { proofOptions: { issuedAt: nowSeconds() - 120 } });
    expectRefused(response, 401, 'INVALID_DPOP_PROOF');
  });

  it('lets an organisation with both roles in, and stops a suspended one', async () => {
    const both = await registerOrganisation(intake, { roles: ['provider', 'recipient'] });
    const liveToken = await both.accessToken();
    expect((await both.call('GET', '/v1/organisation', { accessToken: liveToken })).body.roles).toEqual(['provider', 'recipient']);

    await suspendOrganisation(intake, both.organisationId);

    expectRefused(await both.requestToken(), 401, 'INVALID_CLIENT');
    expectRefused(await both.call('GET', '/v1/organisation', { accessToken: liveToken }), 401, 'INVALID_TOKEN');
  });

  describe('as FAPI 2.0 expects of organisation clients', () => {
    it('serves RFC 8414 metadata on intake and the gateway: issuer, token endpoint, signing and DPoP algorithms', async () => {
      for (const api of [intake, gateway]) {
        const response = await send(`${api.url}/.well-known/oauth-authorization-server`, { method: 'GET' });
        expect(response.status).toBe(200);
        expect(response.contentType).toMatch(/^application\/json/);
        expect(response.body).toMatchObject({
          issuer: api.url,
          token_endpoint: `${api.url}/oauth/token`,
          jwks_uri: `${api.url}/.well-known/jwks.json`,
          grant_types_supported: ['client_credentials'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
          token_endpoint_auth_signing_alg_values_supported: expect.arrayContaining(['EdDSA', 'ES256', 'PS256']),
          dpop_signing_alg_values_supported: expect.arrayContaining(['EdDSA', 'ES256', 'PS256']),
        });
        expect(response.body.token_endpoint_auth_signing_alg_values_supported).not.toContain('HS256');
      }
    });

    it('accepts an assertion whose aud is the issuer identifier, alone or beside the token URL', async () => {
      expect((await provider.requestToken({ assertion: await provider.clientAssertion({ audience: intake.url }) })).status).toBe(200);
      const both = await provider.clientAssertion({ audience: [intake.url, `${intake.url}/oauth/token`] });
      expect((await provider.requestToken({ assertion: both })).status).toBe(200);
    });

    it('refuses an aud array that also names another server (jose alone accepts any match), and the gateway’s issuer', async () => {
      const withStranger = await provider.clientAssertion({ audience: [`${intake.url}/oauth/token`, 'https://attacker.example'] });
      expectRefused(await provider.requestToken({ assertion: withStranger }), 401, 'INVALID_CLIENT');
      expectRefused(
        await provider.requestToken({ assertion: await provider.clientAssertion({ audience: gateway.url }) }),
        401,
        'INVALID_CLIENT',
      );
    });

    it('refuses a deposit JWS (or any JWS without typ client-authentication+jwt) as a client assertion', async () => {
      // Signed with the registered key and carrying every claim an assertion needs: only its typ says what it is.
      for (const typ of ['deposit-batch+jws', 'deletion-attestation+jws', 'JWT', null]) {
        const assertion = await provider.clientAssertion({ typ });
        const response = await provider.requestToken({ assertion });
        try {
          expectRefused(response, 401, 'INVALID_CLIENT');
        } catch (error) {
          throw new Error(`typ ${typ}: ${(error as Error).message}`, { cause: error });
        }
      }
    });

    it('refuses a client assertion sent as a deposit', async () => {
      const assertion = await provider.clientAssertion();
      expectRefused(await postDeposit(provider, assertion), 400, 'DEPOSIT_JWS_INVALID');
    });

    it('answers token refusals in the RFC 6749 §5.2 form (error, error_description) beside the problem fields', async () => {
      const cases: [Promise<Awaited<ReturnType<OrganisationClient['requestToken']>>>, number, string, string][] = [
        [
          provider.requestToken({ assertion: await provider.clientAssertion({ audience: 'https://attacker.example' }) }),
          401,
          'INVALID_CLIENT',
          'invalid_client',
        ],
        [provider.requestToken({ form: { grant_type: 'password' } }), 400, 'UNSUPPORTED_GRANT_TYPE', 'unsupported_grant_type'],
        [provider.requestToken({ assertion: null }), 400, 'VALIDATION_FAILED', 'invalid_request'],
        [provider.requestToken({ contentType: 'application/json' }), 415, 'UNSUPPORTED_MEDIA_TYPE', 'invalid_request'],
        [provider.requestToken({ proof: null }), 401, 'INVALID_DPOP_PROOF', 'invalid_dpop_proof'],
      ];
      const recipient = await registerOrganisation(intake, { roles: ['recipient'] });
      cases.push([recipient.requestToken(), 400, 'UNAUTHORIZED_CLIENT', 'unauthorized_client']);
      for (const [request, status, code, error] of cases) {
        const response = await request;
        expectRefused(response, status, code);
        expect(response.body).toMatchObject({ error, error_description: expect.stringMatching(/^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/) });
        expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
      }
    });
  });

  describe('large bodies', () => {
    it('refuses a deposit signed with an unencoded payload (b64: false under crit)', async () => {
      const jws = await unencodedPayloadJws(provider.signingKey, { batchId: 'batch-unencoded', records: [] }, { typ: 'deposit-batch+jws' });
      expectRefused(await postDeposit(provider, jws), 400, 'DEPOSIT_JWS_INVALID');
      // The same batch with an ordinary header passes the signature checks (and is judged on its payload).
      expectRefused(
        await postDeposit(provider, await signBatch(provider, { batchId: 'batch-unencoded', records: [] })),
        400,
        'DEPOSIT_PAYLOAD_INVALID',
      );
    });

    it('refuses an unauthenticated 10 MB deposit on its headers, answering 401 before reading the body', async () => {
      const headers = { 'content-type': 'application/jose', 'content-length': String(10 * 1024 * 1024) };
      // Only a few bytes of the announced 10 MB are ever sent: a server that reads the body first never answers.
      const anonymous = await sendHeadAndFirstBytes(`${intake.url}/v1/deposits`, { method: 'POST', headers, bodyStart: 'eyJh' }, 5_000);
      expect({ status: anonymous.status, code: anonymous.body.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(anonymous.headers['www-authenticate']).toMatch(/^DPoP algs=/);

      const forged = await sendHeadAndFirstBytes(
        `${intake.url}/v1/deposits`,
        {
          method: 'POST',
          headers: { ...headers, authorization: 'DPoP not.a-token.at-all', dpop: await provider.dpopProof() },
          bodyStart: 'eyJh',
        },
        5_000,
      );
      expect({ status: forged.status, code: forged.body.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
    });
  });
});
