import { PORTAL_ERROR_STATUS } from '../../../apps/portal/src/portal.errors';
import { PortalModule } from '../../../apps/portal/src/portal.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { registerOrganisation, suspendOrganisation } from '../../support/organisation-client';
import { callJson, expectProblem, signedInWithId } from './session-client';

describe('portal: my settings (設定) and the providers I may link (データ)', () => {
  let portal: RunningApp;

  beforeAll(async () => {
    portal = await startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('changes my language, and only mine', async () => {
    const [me, other] = await Promise.all([signedInWithId(portal.url), signedInWithId(portal.url)]);
    const changed = await callJson(portal.url, 'PATCH', '/v1/me', { bearer: me.token, body: { language: 'en' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: me.individualId, language: 'en' });
    expect((await callJson(portal.url, 'GET', '/v1/me', { bearer: me.token })).body.language).toBe('en');
    expect((await callJson(portal.url, 'GET', '/v1/me', { bearer: other.token })).body.language).toBe('ja');
  });

  it('refuses a language the bank does not speak, any other field, and anonymous callers, changing nothing', async () => {
    const me = await signedInWithId(portal.url);
    const patch = (body: unknown) => callJson(portal.url, 'PATCH', '/v1/me', { bearer: me.token, body });
    expectProblem(await patch({ language: 'fr' }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch({ language: 'en', email: 'someone.else@example.jp' }), 400, 'VALIDATION_FAILED');
    expectProblem(await callJson(portal.url, 'PATCH', '/v1/me', { body: { language: 'en' } }), 401, 'UNAUTHENTICATED');
    expect((await callJson(portal.url, 'GET', '/v1/me', { bearer: me.token })).body.language).toBe('ja');
  });

  it('lists the active providers to link, not recipients or suspended providers', async () => {
    const [provider, both, recipientOnly, suspended] = await Promise.all([
      registerOrganisation(portal, { roles: ['provider'], name: { ja: 'あおば銀行株式会社', en: 'Aoba Bank K.K.' } }),
      registerOrganisation(portal, { roles: ['provider', 'recipient'] }),
      registerOrganisation(portal, { roles: ['recipient'] }),
      registerOrganisation(portal, { roles: ['provider'] }),
    ]);
    await suspendOrganisation(portal, suspended.organisationId);
    const { token } = await signedInWithId(portal.url);
    const response = await callJson(portal.url, 'GET', '/v1/providers', { bearer: token });
    expect(response.status).toBe(200);
    const ids = response.body.map((entry: { providerId: string }) => entry.providerId);
    expect(ids).toEqual(expect.arrayContaining([provider.organisationId, both.organisationId]));
    expect(ids).not.toContain(recipientOnly.organisationId);
    expect(ids).not.toContain(suspended.organisationId);
    expect(response.body.find((entry: { providerId: string }) => entry.providerId === provider.organisationId)).toEqual({
      providerId: provider.organisationId,
      name: { ja: 'あおば銀行株式会社', en: 'Aoba Bank K.K.' },
      corporateNumber: expect.stringMatching(/^\d{13}$/),
      country: 'JP',
    });
    // The id is what linking takes.
    const link = await callJson(portal.url, 'POST', '/v1/me/links', {
      bearer: token,
      body: { providerId: provider.organisationId, categories: ['purchase.receipts'] },
    });
    expect(link.status).toBe(201);
    expectProblem(await callJson(portal.url, 'GET', '/v1/providers'), 401, 'UNAUTHENTICATED');
  });
});
