// @infobank/sdk against the started platform: a provider links a customer and deposits, a recipient
// requests a transfer, opens its parts and attests the deletion a webhook asked for, all through the
// SDK alone (its own DPoP keys, tokens and retries), as an integrator's code would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PseudonymousIds } from '@infobank/crypto';
import { InfobankApiError, InfobankClient, ProviderClient, RecipientClient, type FetchFunction } from '@infobank/sdk';
import { DataSource } from 'typeorm';
import { offerTerms } from '../../support/offer-terms';
import type { OrganisationClient } from '../../support/organisation-client';
import { eventually } from '../../support/platform';
import { receiptRecord } from '../intake/deposits-client';
import { newCustomerRef } from '../intake/link-world';
import { daysAgo, TransferWorld, type Recipient } from '../gateway/transfer-world';

/** A recipient's webhook endpoint on this machine: it keeps the bodies it receives. */
class WebhookReceiver {
  readonly bodies: string[] = [];
  private server: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        this.bodies.push(body);
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

/** A fetch that counts what it sends, and can lose the answer to a request after the bank handled it. */
function recordingFetch() {
  const sent: { method: string; path: string }[] = [];
  let loseNextAnswerTo: string | null = null;
  const fetchFunction: FetchFunction = async (input, init) => {
    const path = new URL(input).pathname;
    sent.push({ method: init.method ?? 'GET', path });
    const response = await fetch(input, init);
    if (loseNextAnswerTo === path) {
      loseNextAnswerTo = null;
      await response.text();
      throw new TypeError('fetch failed (the answer was lost on the way back)');
    }
    return response;
  };
  return {
    fetchFunction,
    sent,
    loseNextAnswerTo: (path: string) => (loseNextAnswerTo = path),
    count: (path: string) => sent.filter((entry) => entry.path === path).length,
  };
}

describe('@infobank/sdk against a started platform', () => {
  let world: TransferWorld;
  let receiver: WebhookReceiver;
  let recipient: Recipient;
  let registered: OrganisationClient;
  let providerId: string;
  let provider: ProviderClient;
  let recipientSdk: RecipientClient;
  let intakeFetch: ReturnType<typeof recordingFetch>;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    const webhookUrl = await receiver.start();
    // The real worker builds transfers and sends the webhook.
    world = await TransferWorld.start({ worker: true, config: { WEBHOOK_ALLOW_LOCAL: 'true' } });
    registered = await world.provider();
    providerId = registered.organisationId;
    intakeFetch = recordingFetch();
    // Only the registered signing key is shared with the test's registration; the SDK makes its own DPoP key.
    provider = new ProviderClient(
      await InfobankClient.create({
        apiUrl: registered.apiUrl,
        organisationId: providerId,
        signingKey: registered.signingKey,
        fetch: intakeFetch.fetchFunction,
      }),
    );
    recipient = await world.recipient({ ja: '株式会社エスディーケー', en: 'SDK K.K.' }, webhookUrl);
    recipientSdk = new RecipientClient(
      await InfobankClient.create({
        apiUrl: world.gateway.url,
        organisationId: recipient.client.organisationId,
        signingKey: recipient.client.signingKey,
      }),
      recipient.decryptionKey,
    );
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await receiver?.close();
  });

  it('holds one token for many calls, and asks for a new one when it is about to expire', async () => {
    const counted = recordingFetch();
    const options = { apiUrl: world.gateway.url, organisationId: recipient.client.organisationId, signingKey: recipient.client.signingKey };
    const gateway = new RecipientClient(await InfobankClient.create({ ...options, fetch: counted.fetchFunction }));
    await gateway.listOffers();
    await gateway.listNotices();
    expect(counted.count('/oauth/token')).toBe(1);
    // The bank's tokens last 600 s: renewing 600 s before the end means a token is never held.
    const impatient = new RecipientClient(
      await InfobankClient.create({ ...options, fetch: counted.fetchFunction, renewBeforeSeconds: 600 }),
    );
    await impatient.listOffers();
    await impatient.listNotices();
    expect(counted.count('/oauth/token')).toBe(3);
  });

  it('links a customer with the code they bring (a used code is LINK_CODE_INVALID), and unlinks them', async () => {
    const individual = await world.links.individual();
    const { linkCode } = await world.links.createLink(individual, providerId, ['purchase.receipts']);
    const customerRef = newCustomerRef();
    await expect(provider.redeemLinkCode(linkCode, customerRef)).resolves.toEqual({
      linkId: expect.any(String),
      categories: ['purchase.receipts'],
    });
    expect(await world.links.activeLink(providerId, customerRef)).toBeDefined();
    const again = await provider.redeemLinkCode(linkCode, newCustomerRef()).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(InfobankApiError);
    expect(again).toMatchObject({ status: 400, code: 'LINK_CODE_INVALID' });

    await provider.unlink(customerRef);
    expect(await world.links.activeLink(providerId, customerRef)).toBeUndefined();
    await expect(provider.unlink(customerRef)).rejects.toMatchObject({ status: 404, code: 'LINK_NOT_FOUND' });
  });

  it('deposits a signed batch; when the answer is lost it sends the same batch again and the bank stores it once', async () => {
    const individual = await world.links.individual();
    const customerRef = newCustomerRef();
    await world.links.linked(individual, registered, customerRef);
    const record = receiptRecord(customerRef, { observedAt: daysAgo(2) });
    const batchId = `batch-sdk-${customerRef}`;

    intakeFetch.loseNextAnswerTo('/v1/deposits');
    const before = intakeFetch.count('/v1/deposits');
    const result = await provider.deposit([record], { batchId, backoffMs: 10 });
    expect(intakeFetch.count('/v1/deposits') - before).toBe(2);
    expect(result).toEqual({ batchId, results: [{ recordId: record.recordId, status: 'accepted' }], replayed: true });
    const stored = await world.gateway.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM vault_records WHERE provider_id = $1 AND record_id = $2', [providerId, record.recordId]);
    expect(stored).toEqual([{ n: 1 }]);

    // Other content under the same batchId is a refusal, thrown at once (no retry).
    const sentBefore = intakeFetch.count('/v1/deposits');
    await expect(provider.deposit([{ ...record, observedAt: daysAgo(1) }], { batchId })).rejects.toMatchObject({
      status: 409,
      code: 'BATCH_ID_REUSED',
    });
    expect(intakeFetch.count('/v1/deposits') - sentBefore).toBe(1);
  });

  it('drafts, changes and submits an offer', async () => {
    const draft = await recipientSdk.createOffer(offerTerms());
    expect(draft).toMatchObject({ status: 'draft', round: 0 });
    const changed = await recipientSdk.updateOffer(draft.id, { dataLifeDays: 45 });
    expect(changed).toMatchObject({ id: draft.id, dataLifeDays: 45 });
    expect(await recipientSdk.getOffer(draft.id)).toMatchObject({ dataLifeDays: 45 });
    const submitted = await recipientSdk.submitOffer(draft.id);
    expect(submitted.status).not.toBe('draft');
    expect((await recipientSdk.listOffers()).map((offer) => offer.id)).toContain(draft.id);
  });

  it('requests a transfer (the same Idempotency-Key gives the same transfer), waits, opens and verifies its parts, and attests the deletion a signed webhook asks for', async () => {
    const offerId = await world.approvedOffer(recipient);
    const individual = await world.individualWithRecords(registered);
    const consentId = await world.consent(individual, offerId);
    const subject = world.use(PseudonymousIds).forRecipient(recipient.client.organisationId, individual.id);

    const requested = await recipientSdk.requestTransfer(offerId, { subjects: [subject] });
    const again = await recipientSdk.requestTransfer(offerId, { subjects: [subject], idempotencyKey: requested.idempotencyKey });
    expect(again).toEqual({ ...requested, replayed: true });
    expect(requested.replayed).toBe(false);

    const transfer = await recipientSdk.waitForTransfer(requested.transferId, { timeoutMs: 30_000, intervalMs: 200 });
    expect(transfer.status).toBe('ready');
    expect((await recipientSdk.listTransfers({ offerId })).transfers.map((entry) => entry.id)).toEqual([requested.transferId]);
    const subjects = [];
    for await (const received of recipientSdk.subjects(requested.transferId)) subjects.push(received);
    expect(subjects).toEqual([
      expect.objectContaining({ subject, part: 1, records: [expect.objectContaining({ category: 'purchase.receipts' })] }),
    ]);
    // A part that is not what was asked for is refused.
    const jwe = await recipientSdk.downloadPart(requested.transferId, 1);
    await expect(recipientSdk.openPart(jwe, { transferId: requested.transferId, part: 2 })).rejects.toThrow(/not the part asked for/);

    expect((await world.links.atPortal(individual, 'POST', `/v1/me/consents/${consentId}/revoke`, {})).status).toBe(200);
    const body = await eventually('the webhook', async () => receiver.bodies.find((entry) => entry.includes('.')), 20_000);
    const notice = await recipientSdk.verifyWebhook(body);
    expect(notice).toMatchObject({ kind: 'consent_revoked', subjects: [subject], transfers: [requested.transferId] });
    const [header, payload, signature] = body.split('.');
    const tampered = Buffer.from(JSON.stringify({ ...notice, subjects: [] })).toString('base64url');
    await expect(recipientSdk.verifyWebhook(`${header}.${tampered}.${signature}`)).rejects.toThrow();
    expect(payload).not.toBe(tampered);

    const open = await recipientSdk.listNotices({ status: 'open' });
    expect(open.notices.map((entry) => entry.noticeId)).toContain(notice.noticeId);
    const attested = await recipientSdk.attest(notice, { statement: '対象データを削除しました。 We deleted the data.' });
    expect(attested).toMatchObject({ noticeId: notice.noticeId, status: 'attested' });
    expect((await recipientSdk.getNotice(notice.noticeId)).status).toBe('attested');
  }, 90_000);
});
