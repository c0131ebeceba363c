import { createRequestContext } from '@infobank/platform';
import { PublishTermsUseCase, RecordPaperAcceptanceUseCase, type ContractAudience } from '@infobank/rights';
import { offerTerms } from '../../support/offer-terms';
import type { OrganisationClient } from '../../support/organisation-client';
import { TransferWorld } from './transfer-world';

// Its own database (TransferWorld): once a recipient contract is published there, every recipient must accept it.
describe('gateway and intake: organisations accept their contract; a recipient submits offers only under the current one', () => {
  let world: TransferWorld;
  const operator = createRequestContext({ type: 'operator', name: 'e2e' });

  const publish = (audience: ContractAudience, version: string) =>
    world.use(PublishTermsUseCase).execute(operator, {
      audience,
      version,
      ja: audience === 'recipient' ? `提供先契約 ${version}。提供先はデータを第三者に再提供してはならない。` : `提供元契約 ${version}`,
      en:
        audience === 'recipient'
          ? `Recipient contract ${version}. No onward transfer of the data is allowed.`
          : `Provider contract ${version}`,
    });
  const draftAndSubmit = async (recipient: OrganisationClient) => {
    const drafted = await recipient.call('POST', '/v1/offers', { body: offerTerms() });
    expect(drafted.status).toBe(201);
    return { offerId: drafted.body.id as string, submitted: await recipient.call('POST', `/v1/offers/${drafted.body.id}/submit`) };
  };

  beforeAll(async () => {
    world = await TransferWorld.start();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('a recipient that has not accepted the current contract cannot submit an offer (CONTRACT_ACCEPTANCE_REQUIRED) until it accepts', async () => {
    const { client: recipient } = await world.recipient();
    const before = await recipient.call('GET', '/v1/organisation/contract');
    expect(before.body).toEqual({ audience: 'recipient', current: null, acceptanceRequired: null, acceptances: [] });
    expect((await draftAndSubmit(recipient)).submitted.status).toBe(200);

    await publish('recipient', 'rc-2026-12');
    const { offerId, submitted: refused } = await draftAndSubmit(recipient);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'CONTRACT_ACCEPTANCE_REQUIRED', audience: 'recipient', version: 'rc-2026-12' });
    expect((await recipient.call('GET', `/v1/offers/${offerId}`)).body.status).toBe('draft');

    const contract = await recipient.call('GET', '/v1/organisation/contract');
    expect(contract.body).toMatchObject({ audience: 'recipient', current: { version: 'rc-2026-12' }, acceptanceRequired: 'rc-2026-12' });
    expect(contract.body.current.ja).toContain('再提供');
    const stale = await recipient.call('POST', '/v1/organisation/contract/accept', { body: { version: 'rc-2026-01' } });
    expect(stale.body).toMatchObject({ code: 'TERMS_VERSION_NOT_CURRENT', currentVersion: 'rc-2026-12' });
    const accepted = await recipient.call('POST', '/v1/organisation/contract/accept', { body: { version: 'rc-2026-12' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      acceptanceRequired: null,
      acceptances: [{ audience: 'recipient', version: 'rc-2026-12', method: 'api', acceptedAt: expect.any(String) }],
    });
    const resubmitted = await recipient.call('POST', `/v1/offers/${offerId}/submit`);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('in_review');

    // A newer version asks again.
    await publish('recipient', 'rc-2027-04');
    expect((await draftAndSubmit(recipient)).submitted.body).toMatchObject({ code: 'CONTRACT_ACCEPTANCE_REQUIRED', version: 'rc-2027-04' });
  });

  it('the operator records a contract signed on paper; the recipient may then submit', async () => {
    await publish('recipient', 'rc-2027-05');
    const { client: recipient } = await world.recipient();
    expect((await draftAndSubmit(recipient)).submitted.status).toBe(403);
    const recorded = await world
      .use(RecordPaperAcceptanceUseCase)
      .execute(operator, { organisationId: recipient.organisationId, audience: 'recipient', version: 'rc-2027-05' });
    expect(recorded).toMatchObject({ organisationId: recipient.organisationId, version: 'rc-2027-05' });
    expect((await recipient.call('GET', '/v1/organisation/contract')).body.acceptances).toEqual([
      expect.objectContaining({ version: 'rc-2027-05', method: 'paper' }),
    ]);
    expect((await draftAndSubmit(recipient)).submitted.status).toBe(200);
    // A provider contract cannot be recorded for an organisation that is no provider.
    await publish('provider', 'pc-2027-05');
    await expect(
      world
        .use(RecordPaperAcceptanceUseCase)
        .execute(operator, { organisationId: recipient.organisationId, audience: 'provider', version: 'pc-2027-05' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('a provider reads and accepts its own contract at intake', async () => {
    await publish('provider', 'pc-2027-06');
    const provider = await world.provider();
    const contract = await provider.call('GET', '/v1/organisation/contract');
    expect(contract.status).toBe(200);
    expect(contract.body).toMatchObject({
      audience: 'provider',
      current: { version: 'pc-2027-06', ja: '提供元契約 pc-2027-06' },
      acceptanceRequired: 'pc-2027-06',
    });
    const accepted = await provider.call('POST', '/v1/organisation/contract/accept', { body: { version: 'pc-2027-06' } });
    expect(accepted.body).toMatchObject({ acceptanceRequired: null, acceptances: [{ version: 'pc-2027-06', method: 'api' }] });
    const bad = await provider.call('POST', '/v1/organisation/contract/accept', { body: { version: '../x' } });
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});
