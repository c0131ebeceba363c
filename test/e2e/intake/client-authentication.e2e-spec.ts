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
});
