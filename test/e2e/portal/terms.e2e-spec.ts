import { EvaluateStandingConditionsUseCase, FIRST_INDIVIDUAL_CURSOR } from '@infobank/consent';
import { PseudonymousIds } from '@infobank/crypto';
import { createRequestContext } from '@infobank/platform';
import { PublishTermsUseCase } from '@infobank/rights';
import type { OrganisationClient } from '../../support/organisation-client';
import type { Individual } from '../intake/link-world';
import { TransferWorld, type Recipient } from '../gateway/transfer-world';
import { verifyEmailWithoutMail } from '../../support/verified-individual';
import { callJson, newIndividual } from './session-client';

// Its own database (TransferWorld): once a terms version is published there, every individual must accept it.
describe('portal: terms (利用規約・委任契約) and their acceptance', () => {
  let world: TransferWorld;
  let provider: OrganisationClient;
  let recipient: Recipient;
  // Registered before any version is published (the suites' registration helper accepts none).
  let hanako: Individual;
  let approving: Individual;
  let denying: Individual;
  let delegating: Individual;
  const operator = createRequestContext({ type: 'operator', name: 'e2e' });

  const publish = (version: string) =>
    world
      .use(PublishTermsUseCase)
      .execute(operator, { audience: 'individual', version, ja: `利用規約 第${version}版`, en: `Terms of use, version ${version}` });
  const grant = (individual: Individual, offerId: string, mode: 'auto' | 'ask' = 'auto') =>
    world.links.atPortal(individual, 'POST', '/v1/me/consents', { offerId, optionalItems: [], mode });
  const subjectStatus = async (transferId: string, individual: Individual) => {
    const pseudonym = world.use(PseudonymousIds).forRecipient(recipient.client.organisationId, individual.id);
    const subjects = (await world.transfer(recipient, transferId)).body.subjects as { subject: string; status: string }[];
    return subjects.find((subject) => subject.subject === pseudonym)?.status;
  };

  beforeAll(async () => {
    world = await TransferWorld.start();
    provider = await world.provider();
    recipient = await world.recipient({ ja: '株式会社規約テスト', en: 'Terms Test K.K.' });
    [hanako, approving, denying, delegating] = [
      await world.individualWithRecords(provider),
      await world.individualWithRecords(provider),
      await world.individualWithRecords(provider),
      await world.individualWithRecords(provider),
    ];
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('a new terms version blocks a new consent until accepted, existing consents still deliver', async () => {
    const [earlierOffer, laterOffer] = [await world.approvedOffer(recipient), await world.approvedOffer(recipient)];
    // Before any version is published nothing is required: registration and consent as always.
    expect((await callJson(world.portal.url, 'GET', '/v1/terms/current')).body.code).toBe('TERMS_NOT_PUBLISHED');
    await world.consent(hanako, earlierOffer);

    await publish('2026-12');
    const current = await callJson(world.portal.url, 'GET', '/v1/terms/current');
    expect(current.status).toBe(200);
    expect(current.body).toEqual({
      audience: 'individual',
      version: '2026-12',
      publishedAt: expect.any(String),
      ja: '利用規約 第2026-12版',
      en: 'Terms of use, version 2026-12',
    });

    const refused = await grant(hanako, laterOffer);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'TERMS_ACCEPTANCE_REQUIRED', version: '2026-12', audience: 'individual' });
    const consents = await world.links.atPortal(hanako, 'GET', '/v1/me/consents');
    expect((consents.body as { offerId: string }[]).map((consent) => consent.offerId)).toEqual([earlierOffer]);

    // The consent given before the new version keeps delivering: a real transfer, built and downloaded.
    const transferId = await world.requested(recipient, { offerId: earlierOffer });
    await world.build(transferId);
    const part = await world.download(recipient, transferId, 1);
    expect(part.status).toBe(200);
    const { payload } = await world.open(recipient, part.body);
    expect(payload.subjects).toHaveLength(1);
    expect(await subjectStatus(transferId, hanako)).toBe('delivered');

    const pending = await world.links.atPortal(hanako, 'GET', '/v1/me/terms');
    expect(pending.body).toMatchObject({ current: { version: '2026-12' }, acceptanceRequired: '2026-12', acceptances: [] });
    const stale = await world.links.atPortal(hanako, 'POST', '/v1/me/terms/accept', { version: '2026-01' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'TERMS_VERSION_NOT_CURRENT', currentVersion: '2026-12' });

    const accepted = await world.links.atPortal(hanako, 'POST', '/v1/me/terms/accept', { version: '2026-12' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      acceptanceRequired: null,
      acceptances: [{ audience: 'individual', version: '2026-12', method: 'portal', acceptedAt: expect.any(String) }],
    });
    expect((await grant(hanako, laterOffer)).status).toBe(201);
  });

  it('approving an ask-mode request and setting standing conditions wait for the newest version too; denying does not', async () => {
    const offerId = await world.approvedOffer(recipient);
    await publish('2027-01');
    for (const individual of [approving, denying]) {
      expect((await world.links.atPortal(individual, 'POST', '/v1/me/terms/accept', { version: '2027-01' })).status).toBe(200);
      expect((await grant(individual, offerId, 'ask')).status).toBe(201);
    }
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    await publish('2027-02');

    const approvalOf = async (individual: Individual) =>
      (await world.links.atPortal(individual, 'GET', '/v1/me/approvals?status=pending')).body[0].approvalRequestId as string;
    const approveId = await approvalOf(approving);
    const refused = await world.links.atPortal(approving, 'POST', `/v1/me/approvals/${approveId}`, { decision: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'TERMS_ACCEPTANCE_REQUIRED', version: '2027-02' });
    expect(await subjectStatus(transferId, approving)).toBe('awaiting_approval');
    const denyId = await approvalOf(denying);
    expect((await world.links.atPortal(denying, 'POST', `/v1/me/approvals/${denyId}`, { decision: 'deny' })).status).toBe(200);

    const put = (body: unknown) => callJson(world.portal.url, 'PUT', '/v1/me/standing-conditions', { bearer: approving.accessToken, body });
    const conditions = { purposes: ['marketing'], allowCrossBorder: false, allowProfiling: false, excludedRecipients: [], mode: 'ask' };
    expect((await put(conditions)).body).toMatchObject({ code: 'TERMS_ACCEPTANCE_REQUIRED', version: '2027-02' });

    expect((await world.links.atPortal(approving, 'POST', '/v1/me/terms/accept', { version: '2027-02' })).status).toBe(200);
    expect((await world.links.atPortal(approving, 'POST', `/v1/me/approvals/${approveId}`, { decision: 'approve' })).status).toBe(200);
    expect((await put(conditions)).status).toBe(200);
    const history = await world.links.atPortal(approving, 'GET', '/v1/me/terms');
    expect((history.body.acceptances as { version: string }[]).map((acceptance) => acceptance.version)).toEqual(['2027-02', '2027-01']);
  });

  it('registration records the version accepted on the form, and refuses a missing or stale one without opening an account', async () => {
    await publish('2027-03');
    const register = (body: Record<string, unknown>) => callJson(world.portal.url, 'POST', '/v1/auth/register', { body });
    const details = newIndividual();
    const missing = await register(details);
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ code: 'TERMS_VERSION_NOT_CURRENT', currentVersion: '2027-03' });
    expect((await register({ ...details, acceptedTermsVersion: '2027-02' })).body.code).toBe('TERMS_VERSION_NOT_CURRENT');
    const notOpened = await callJson(world.portal.url, 'POST', '/v1/auth/login', {
      body: { email: details.email, password: details.password },
    });
    expect(notOpened.status).toBe(401);

    const registered = await register({ ...details, acceptedTermsVersion: '2027-03' });
    expect(registered.status).toBe(201);
    const login = await callJson(world.portal.url, 'POST', '/v1/auth/login', {
      body: { email: details.email, password: details.password },
    });
    const mine = await callJson(world.portal.url, 'GET', '/v1/me/terms', { bearer: login.body.accessToken });
    expect(mine.body).toMatchObject({
      acceptanceRequired: null,
      acceptances: [{ version: '2027-03', method: 'registration' }],
    });
    // Consent also needs a verified address (test/e2e/portal/mail.e2e-spec.ts); this test is about terms.
    await verifyEmailWithoutMail(world.portal, registered.body.id);
    const offerId = await world.approvedOffer(recipient);
    const granted = await world.links.atPortal({ id: registered.body.id, accessToken: login.body.accessToken }, 'POST', '/v1/me/consents', {
      offerId,
      optionalItems: [],
      mode: 'auto',
    });
    expect(granted.status).toBe(201);
  });

  it('the bank grants nothing on standing conditions while the newest version waits for acceptance, and grants once it is accepted', async () => {
    const current = (await world.links.atPortal(delegating, 'GET', '/v1/me/terms')).body.current.version as string;
    expect((await world.links.atPortal(delegating, 'POST', '/v1/me/terms/accept', { version: current })).status).toBe(200);
    const conditions = await callJson(world.portal.url, 'PUT', '/v1/me/standing-conditions', {
      bearer: delegating.accessToken,
      body: { purposes: ['marketing'] },
    });
    expect(conditions.status).toBe(200);
    await publish('2027-04');

    const evaluate = (offerId: string) =>
      world.environment.dataSource.transaction((transaction) =>
        world.portal.app
          .get(EvaluateStandingConditionsUseCase, { strict: false })
          .execute(
            { ...createRequestContext({ type: 'system', name: 'worker' }), transaction },
            { offerId, afterIndividualId: FIRST_INDIVIDUAL_CURSOR },
          ),
      );
    const consentedOffers = async () =>
      ((await world.links.atPortal(delegating, 'GET', '/v1/me/consents')).body as { offerId: string }[]).map((consent) => consent.offerId);
    const waiting = await world.approvedOffer(recipient);
    expect((await evaluate(waiting)).granted).toBe(0);
    expect(await consentedOffers()).toEqual([]);

    expect((await world.links.atPortal(delegating, 'POST', '/v1/me/terms/accept', { version: '2027-04' })).status).toBe(200);
    const accepted = await world.approvedOffer(recipient);
    expect((await evaluate(accepted)).granted).toBe(1);
    expect(await consentedOffers()).toEqual([accepted]);
  });
});
