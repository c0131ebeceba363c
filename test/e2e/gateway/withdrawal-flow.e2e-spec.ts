import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PseudonymousIds } from '@infobank/crypto';
import { createRequestContext } from '@infobank/platform';
import { MarkOverdueNoticesUseCase } from '@infobank/revocation';
import { compactVerify, createLocalJWKSet, type JWK } from 'jose';
import { generateOrganisationKey } from '../../support/organisation-client';
import { eventually } from '../../support/platform';
import type { Individual } from '../intake/link-world';
import { attestationPayload, postAttestation, signAttestation, type SeededNotice } from './notice-world';
import { TransferWorld, type Recipient } from './transfer-world';

/** A recipient's webhook endpoint on this machine: it keeps what it receives. */
class WebhookReceiver {
  readonly received: { contentType: string; body: string }[] = [];
  private server: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        this.received.push({ contentType: String(request.headers['content-type']), body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/infobank/notices`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('withdrawal reaches the recipient: revoke → notice (gateway and webhook) → signed attestation → the individual sees it', () => {
  let world: TransferWorld;
  let receiver: WebhookReceiver;
  let recipient: Recipient;
  let provider: Awaited<ReturnType<TransferWorld['provider']>>;
  let offerId: string;

  const notices = async (query = '') => {
    const response = await recipient.client.call('GET', `/v1/notices${query}`);
    expect(response.status).toBe(200);
    return response.body.notices as {
      noticeId: string;
      kind: string;
      subjects: string[];
      transfers: string[];
      status: string;
      issuedAt: string;
    }[];
  };

  /** An individual whose data reached the recipient under a consent; returns them, the consent and the transfer. */
  async function provided(): Promise<{ individual: Individual; consentId: string; transferId: string }> {
    const individual = await world.individualWithRecords(provider);
    const consentId = await world.consent(individual, offerId);
    const transferId = await world.requested(recipient, { offerId, subjects: [subjectOf(individual)] });
    await world.until(recipient, transferId, 'ready');
    expect((await world.download(recipient, transferId, 1)).status).toBe(200);
    return { individual, consentId, transferId };
  }
  const subjectOf = (individual: Individual) => world.use(PseudonymousIds).forRecipient(recipient.client.organisationId, individual.id);

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    const webhookUrl = await receiver.start();
    // The real worker runs: it builds transfers, propagates the revocation and sends the webhook.
    world = await TransferWorld.start({ worker: true, config: { WEBHOOK_ALLOW_LOCAL: 'true', NOTICE_DUE_MINUTES: '1' } });
    provider = await world.provider();
    recipient = await world.recipient({ ja: '株式会社みらい分析', en: 'Mirai Analytics K.K.' }, webhookUrl);
    offerId = await world.approvedOffer(recipient);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await receiver?.close();
  });

  it('revocation → one notice at the gateway and a signed webhook → a forged attestation is refused → the real one attests it → the individual sees it attested and is told', async () => {
    const { individual, consentId, transferId } = await provided();
    const revoked = await world.links.atPortal(individual, 'POST', `/v1/me/consents/${consentId}/revoke`, {});
    expect(revoked.status).toBe(200);

    const [notice] = await eventually(
      'the notice at the gateway',
      async () => {
        const found = (await notices()).filter((entry) => entry.transfers.includes(transferId));
        return found.length > 0 ? found : undefined;
      },
      20_000,
    );
    expect(notice).toMatchObject({ kind: 'consent_revoked', subjects: [subjectOf(individual)], transfers: [transferId], status: 'open' });
    expect(JSON.stringify(notice)).not.toContain(individual.id);

    const delivery = await eventually('the webhook', async () => receiver.received.find((entry) => entry.body.includes('.')), 20_000);
    expect(delivery.contentType).toMatch(/^application\/jose/);
    const jwks = (await fetch(`${world.gateway.url}/.well-known/jwks.json`).then((response) => response.json())) as { keys: JWK[] };
    const verified = await compactVerify(delivery.body, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toMatchObject({
      noticeId: notice.noticeId,
      kind: 'consent_revoked',
      subjects: [subjectOf(individual)],
      transfers: [transferId],
    });

    const withdrawal = async () => (await world.links.atPortal(individual, 'GET', `/v1/me/consents/${consentId}/withdrawal`)).body;
    const before = await withdrawal();
    expect(before.withdrawnAt).not.toBeNull();
    expect(before.recipients).toEqual([
      expect.objectContaining({ notices: [expect.objectContaining({ kind: 'consent_revoked', status: 'open', attestedAt: null })] }),
    ]);

    const seeded: SeededNotice = {
      id: notice.noticeId,
      subjects: notice.subjects,
      transfers: notice.transfers,
      issuedAt: new Date(notice.issuedAt),
    };
    const forged = await signAttestation(recipient.client, attestationPayload(seeded), {
      key: await generateOrganisationKey('ES256'),
      kid: recipient.client.signingKey.kid,
    });
    const refused = await postAttestation(recipient.client, notice.noticeId, forged);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('ATTESTATION_SIGNATURE_INVALID');
    expect((await notices()).find((entry) => entry.noticeId === notice.noticeId)?.status).toBe('open');

    const other = await world.recipient();
    const foreign = await postAttestation(other.client, notice.noticeId, await signAttestation(other.client, attestationPayload(seeded)));
    expect(foreign.status).toBe(404);

    const attested = await postAttestation(
      recipient.client,
      notice.noticeId,
      await signAttestation(recipient.client, attestationPayload(seeded)),
    );
    expect(attested.status).toBe(200);
    const after = await withdrawal();
    expect(after.recipients[0].notices[0]).toMatchObject({ status: 'attested', attestedAt: expect.any(String) });
    const inbox = await world.links.atPortal(individual, 'GET', '/v1/me/notifications');
    expect(inbox.body.map((entry: { kind: string }) => entry.kind)).toContain('withdrawal_attested');
  });

  it('a notice left unattested past NOTICE_DUE_MINUTES becomes overdue', async () => {
    const { individual, consentId, transferId } = await provided();
    expect((await world.links.atPortal(individual, 'POST', `/v1/me/consents/${consentId}/revoke`, {})).status).toBe(200);
    const notice = await eventually(
      'the notice',
      async () => (await notices()).find((entry) => entry.transfers.includes(transferId)),
      20_000,
    );
    const dueAt = new Date((await recipient.client.call('GET', `/v1/notices/${notice.noticeId}`)).body.dueAt);
    expect(dueAt.getTime() - new Date(notice.issuedAt).getTime()).toBe(60_000);

    const marked = await world
      .use(MarkOverdueNoticesUseCase)
      .execute(createRequestContext({ type: 'system', name: 'test' }, undefined, () => new Date(dueAt.getTime() + 1000)));
    expect(marked).toBeGreaterThanOrEqual(1);
    expect((await notices('?status=overdue')).map((entry) => entry.noticeId)).toContain(notice.noticeId);
  });
});
