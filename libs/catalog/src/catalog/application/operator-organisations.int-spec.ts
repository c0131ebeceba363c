import { generateKeyPairJwk } from '@infobank/crypto';
import { createRequestContext, Transactions } from '@infobank/platform';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../../test/support/platform';
import { validCorporateNumber } from '../domain/corporate-number';
import { OrganisationStore } from '../infrastructure/organisation.store';
import { CreateOrganisationUseCase } from './create-organisation.use-case';
import { SetEncryptionKeyUseCase, SetWebhookUseCase } from './operator-organisation-settings.use-case';
import { GetOrganisationUseCase, ListOrganisationsUseCase } from './operator-organisation-views.use-case';

describe("the operator's organisation views and settings over Postgres", () => {
  const operator = createRequestContext({ type: 'operator', name: 'test' });
  let dataSource: DataSource;
  let organisationId: string;
  let list: ListOrganisationsUseCase;
  let get: GetOrganisationUseCase;
  let setKey: SetEncryptionKeyUseCase;
  let productionWebhook: SetWebhookUseCase;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const organisations = new OrganisationStore(dataSource);
    const transactions = new Transactions(dataSource);
    list = new ListOrganisationsUseCase(organisations);
    get = new GetOrganisationUseCase(organisations);
    setKey = new SetEncryptionKeyUseCase(transactions, organisations);
    productionWebhook = new SetWebhookUseCase(transactions, organisations, { allowLocalWebhooks: false });
    const signing = await generateKeyPairJwk('EdDSA');
    ({ id: organisationId } = await new CreateOrganisationUseCase(transactions, organisations).execute(operator, {
      corporateNumber: validCorporateNumber(String(randomInt(0, 1e12)).padStart(12, '0')),
      name: { ja: '設定株式会社' },
      country: 'JP',
      roles: ['recipient'],
      signingKeys: [signing.publicJwk],
      termsVersion: '2026-04',
    }));
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('refuses anyone but the operator or the bank’s processes', async () => {
    const organisation = createRequestContext({ type: 'organisation', id: organisationId, roles: ['recipient'] });
    await expect(list.execute(organisation)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(get.execute(organisation, { organisationId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(productionWebhook.execute(organisation, { organisationId, webhookUrl: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a private key as the encryption key and a local webhook outside development, changing nothing', async () => {
    const pair = await generateKeyPairJwk('ECDH-ES+A256KW');
    await expect(setKey.execute(operator, { organisationId, jwk: pair.privateJwk })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ path: expect.stringMatching(/^\/jwk/) })],
    });
    await expect(productionWebhook.execute(operator, { organisationId, webhookUrl: 'http://localhost:8080/hook' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ path: '/webhookUrl' })],
    });
    expect(await get.execute(operator, { organisationId })).toMatchObject({ encryptionKey: null, webhookUrl: null });
    expect((await list.execute(operator)).find((organisation) => organisation.id === organisationId)).toMatchObject({
      hasEncryptionKey: false,
      hasWebhook: false,
    });
    await expect(get.execute(operator, { organisationId: randomUUID() })).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
  });
});
