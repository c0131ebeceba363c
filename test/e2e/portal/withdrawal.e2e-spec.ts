import { randomUUID } from 'node:crypto';
import type { OrganisationClient } from '../../support/organisation-client';
import { attest, postAttestation, seedNotice, type SeededNotice } from '../gateway/notice-world';
import { TransferWorld, type Recipient } from '../gateway/transfer-world';
import type { Individual } from '../intake/link-world';

const HOUR = 3600 * 1000;

describe('portal: where the withdrawal of my consent stands at each recipient, and the notice when all have attested', () => {
  let world: TransferWorld;
  let provider: OrganisationClient;
  let recipient: Recipient;
  let offerId: string;

  beforeAll(async () => {
    world = await TransferWorld.start();
    provider = await world.provider();
    recipient = await world.recipient({ ja: '撤回テスト株式会社', en: 'Withdrawal Test KK' });
    offerId = await world.approvedOffer(recipient);
  });
  afterAll(async () => {
    await world?.close();
  });

  const withdrawal = (individual: Individual, consentId: string) =>
    world.links.atPortal(individual, 'GET', `/v1/me/consents/${consentId}/withdrawal`);
  const withdrawalNotifications = async (individual: Individual) => {
    const inbox = await world.links.atPortal(individual, 'GET', '/v1/me/notifications');
    expect(inbox.status).toBe(200);
    return (inbox.body as Array<{ kind: string }>).filter((notification) => notification.kind === 'withdrawal_attested');
  };

  it('shows each notice of a revoked consent, and tells the individual once, when the last one is attested', async () => {
    const individual = await world.individualWithRecords(provider);
    const consentId = await world.consent(individual, offerId);
    const revoked = await world.links.atPortal(individual, 'POST', `/v1/me/consents/${consentId}/revoke`, { reason: '利用をやめたい' });
    expect(revoked.status).toBe(200);
    const covers = [{ consentId, individualId: individual.id }];
    const dataLife: SeededNotice = await seedNotice(world.gateway, {
      recipientId: recipient.client.organisationId,
      kind: 'data_life_ended',
      offerId,
      issuedAt: new Date(Date.now() - 2 * HOUR),
      consents: covers,
    });
    const revocation = await seedNotice(world.gateway, {
      recipientId: recipient.client.organisationId,
      kind: 'consent_revoked',
      offerId,
      issuedAt: new Date(Date.now() - HOUR),
      consents: covers,
    });

    const before = await withdrawal(individual, consentId);
    expect(before.status).toBe(200);
    const consent = await world.links.atPortal(individual, 'GET', `/v1/me/consents/${consentId}`);
    expect(before.body).toEqual({
      consentId,
      state: 'revoked',
      withdrawnAt: consent.body.endedAt,
      recipients: [
        {
          recipient: { id: recipient.client.organisationId, name: { ja: '撤回テスト株式会社', en: 'Withdrawal Test KK' } },
          notices: [
            {
              kind: 'data_life_ended',
              status: 'open',
              issuedAt: dataLife.issuedAt.toISOString(),
              dueAt: expect.any(String),
              attestedAt: null,
            },
            {
              kind: 'consent_revoked',
              status: 'open',
              issuedAt: revocation.issuedAt.toISOString(),
              dueAt: expect.any(String),
              attestedAt: null,
            },
          ],
        },
      ],
    });
    expect(before.body.withdrawnAt).not.toBeNull();

    expect((await attest(recipient.client, revocation)).response.status).toBe(200);
    expect(await withdrawalNotifications(individual)).toEqual([]);
    const halfway = await withdrawal(individual, consentId);
    expect(halfway.body.recipients[0].notices.map((notice: { status: string }) => notice.status)).toEqual(['open', 'attested']);

    const { response, jws } = await attest(recipient.client, dataLife);
    expect(response.status).toBe(200);
    const after = await withdrawal(individual, consentId);
    expect(after.body.recipients[0].notices).toEqual([
      expect.objectContaining({ kind: 'data_life_ended', status: 'attested', attestedAt: response.body.attestedAt }),
      expect.objectContaining({ kind: 'consent_revoked', status: 'attested', attestedAt: expect.any(String) }),
    ]);
    const told = await withdrawalNotifications(individual);
    expect(told).toEqual([
      expect.objectContaining({
        kind: 'withdrawal_attested',
        subject: { type: 'consent', id: consentId },
        message: expect.objectContaining({
          title: { ja: 'すべての提供先がデータの削除を報告しました', en: 'Every recipient has reported deleting your data' },
        }),
      }),
    ]);
    // The recipient sending the same attestation again tells nobody twice.
    expect((await postAttestation(recipient.client, dataLife.id, jws)).status).toBe(200);
    expect(await withdrawalNotifications(individual)).toHaveLength(1);
  });

  it('tells the individual exactly once when the last two notices are attested at the same moment', async () => {
    const individual = await world.individualWithRecords(provider);
    const consentIds: string[] = [];
    for (let trial = 0; trial < 5; trial += 1) {
      const consentId = await world.consent(individual, offerId);
      consentIds.push(consentId);
      expect((await world.links.atPortal(individual, 'POST', `/v1/me/consents/${consentId}/revoke`, {})).status).toBe(200);
      const covers = [{ consentId, individualId: individual.id }];
      const notices = await Promise.all(
        (['consent_revoked', 'data_life_ended'] as const).map((kind) =>
          seedNotice(world.gateway, { recipientId: recipient.client.organisationId, kind, offerId, consents: covers }),
        ),
      );
      const answers = await Promise.all(notices.map((notice) => attest(recipient.client, notice)));
      expect(answers.map(({ response }) => response.status)).toEqual([200, 200]);
    }
    const told = (await withdrawalNotifications(individual)) as unknown as Array<{ subject: { id: string } }>;
    expect(told.map((notification) => notification.subject.id).sort()).toEqual(consentIds.sort());
  });

  it('shows a live consent as not withdrawn, with no notices', async () => {
    const individual = await world.individualWithRecords(provider);
    const consentId = await world.consent(individual, offerId);
    const response = await withdrawal(individual, consentId);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ consentId, state: 'active', withdrawnAt: null, recipients: [] });
  });

  it('reads another individual’s consent, or none, as not found', async () => {
    const owner = await world.individualWithRecords(provider);
    const stranger = await world.links.individual();
    const consentId = await world.consent(owner, offerId);
    for (const id of [consentId, randomUUID()]) {
      const response = await withdrawal(stranger, id);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'CONSENT_NOT_FOUND' });
    }
    const malformed = await withdrawal(stranger, 'not-a-uuid');
    expect({ status: malformed.status, code: malformed.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await world.links.atPortal(null, 'GET', `/v1/me/consents/${consentId}/withdrawal`)).status).toBe(401);
  });
});
