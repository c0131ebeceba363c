import { randomInt, randomUUID } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrganisationDirectory, OrganisationEntity, OrganisationStore } from '@infobank/catalog';
import { BankKeyRing, loadKeyMaterial, parseJsonPayload, verifyJwsWithKeys } from '@infobank/crypto';
import { createRequestContext, Transactions, type RequestContext } from '@infobank/platform';
import type { DataSource } from 'typeorm';
import { openTestDataSource, testConfig } from '../../../../../test/support/platform';
import { NOTICE_REASONS } from '../domain/notice';
import { WebhookDeliveryEntity } from '../infrastructure/webhook-delivery.entity';
import { WebhookClient } from '../infrastructure/webhook-client';
import { WebhookDeliveryStore } from '../infrastructure/webhook-delivery.store';
import { WithdrawalNoticeEntity } from '../infrastructure/withdrawal-notice.entity';
import { WithdrawalNoticeQueries } from '../infrastructure/withdrawal-notice.queries';
import { DeliverNoticeWebhookUseCase, WITHDRAWAL_NOTICE_JWS_TYPE } from './deliver-notice-webhook.use-case';

interface ReceivedPost {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

/** A real recipient endpoint on 127.0.0.1: records every request and answers with the next queued status (200 when none). */
class RecipientEndpoint {
  readonly received: ReceivedPost[] = [];
  readonly statuses: number[] = [];
  private server?: Server;

  async start(): Promise<void> {
    this.server = createHttpServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          method: request.method ?? '',
          url: request.url ?? '',
          contentType: request.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = this.statuses.shift() ?? 200;
        response.writeHead(status, status === 302 ? { location: `http://127.0.0.1:${this.port}/elsewhere` } : {});
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  url(path = '/infobank/notices?token=s3cret'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  reset(): void {
    this.received.length = 0;
    this.statuses.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** A client whose name resolution answers from a fixed table and counts the lookups. */
class FixedResolverClient extends WebhookClient {
  lookups = 0;

  constructor(private readonly table: Record<string, LookupAddress[]>) {
    super();
  }

  protected override async resolve(hostname: string): Promise<LookupAddress[]> {
    this.lookups += 1;
    const addresses = this.table[hostname];
    if (addresses === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addresses;
  }
}

describe('DeliverNoticeWebhookUseCase against a real local HTTP server', () => {
  let dataSource: DataSource;
  let keysDirectory: string;
  let keyRing: BankKeyRing;
  let allowingLocal: DeliverNoticeWebhookUseCase;
  let strict: DeliverNoticeWebhookUseCase;
  const endpoint = new RecipientEndpoint();
  const system: RequestContext = createRequestContext({ type: 'system', name: 'test:webhooks' });

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    keysDirectory = await mkdtemp(join(tmpdir(), 'infobank-webhooks-'));
    keyRing = await BankKeyRing.fromKeyMaterial(await loadKeyMaterial({ keysDirectory, generateIfMissing: true }));
    const directory = new OrganisationDirectory(new OrganisationStore(dataSource));
    const client = new WebhookClient();
    const stores = [new Transactions(dataSource), new WithdrawalNoticeQueries(dataSource), new WebhookDeliveryStore(dataSource)] as const;
    allowingLocal = new DeliverNoticeWebhookUseCase(...stores, directory, keyRing, client, testConfig({ WEBHOOK_ALLOW_LOCAL: 'true' }));
    strict = new DeliverNoticeWebhookUseCase(...stores, directory, keyRing, client, testConfig({ WEBHOOK_ALLOW_LOCAL: 'false' }));
    await endpoint.start();
  });

  afterEach(() => endpoint.reset());

  afterAll(async () => {
    await endpoint.stop();
    await dataSource.destroy();
    await rm(keysDirectory, { recursive: true, force: true });
  });

  async function recipient(webhookUrl: string | null): Promise<string> {
    const id = randomUUID();
    await dataSource.getRepository(OrganisationEntity).insert({
      id,
      corporateNumber: `${randomInt(1, 10)}${String(randomInt(0, 1e12)).padStart(12, '0')}`,
      nameJa: '受領株式会社',
      nameEn: null,
      country: 'JP',
      roles: ['recipient'],
      encryptionJwk: null,
      webhookUrl,
      termsVersion: '2026-01',
      status: 'active',
    });
    return id;
  }

  async function notice(recipientId: string): Promise<WithdrawalNoticeEntity> {
    const row: WithdrawalNoticeEntity = {
      id: randomUUID(),
      recipientId,
      kind: 'consent_revoked',
      sourceKey: `consent:${randomUUID()}:3`,
      offerId: randomUUID(),
      reason: NOTICE_REASONS.consent_revoked.en,
      subjects: ['sub-a', 'sub-b'].sort(),
      transfers: [randomUUID()],
      status: 'open',
      issuedAt: new Date('2026-12-01T09:00:00.000Z'),
      dueAt: new Date('2026-12-08T09:00:00.000Z'),
      overdueAt: null,
      attestedAt: null,
      attestationJws: null,
      attestationKid: null,
      deletedAt: null,
      statement: null,
    };
    await dataSource.getRepository(WithdrawalNoticeEntity).insert(row);
    return row;
  }

  async function deliveries(noticeId: string): Promise<Pick<WebhookDeliveryEntity, 'attempt' | 'outcome' | 'statusCode' | 'error'>[]> {
    const rows = await dataSource.getRepository(WebhookDeliveryEntity).find({ where: { noticeId }, order: { attempt: 'ASC' } });
    return rows.map(({ attempt, outcome, statusCode, error }) => ({ attempt, outcome, statusCode, error }));
  }

  it('Given local webhooks allowed, then the endpoint receives one POST whose JWS verifies against the bank JWKS and carries the notice', async () => {
    const sent = await notice(await recipient(endpoint.url()));

    const delivery = await allowingLocal.execute(system, { noticeId: sent.id });

    expect(delivery).toEqual({ outcome: 'delivered', attempt: 1, statusCode: 200, error: null });
    expect(endpoint.received).toHaveLength(1);
    const [post] = endpoint.received;
    expect(post).toMatchObject({ method: 'POST', url: '/infobank/notices?token=s3cret', contentType: 'application/jose' });
    const verified = await verifyJwsWithKeys(post.body, keyRing.publicJwks().keys);
    expect(verified.protectedHeader.typ).toBe(WITHDRAWAL_NOTICE_JWS_TYPE);
    expect(parseJsonPayload(verified.payload)).toEqual({
      noticeId: sent.id,
      kind: 'consent_revoked',
      subjects: ['sub-a', 'sub-b'],
      transfers: sent.transfers,
      offerId: sent.offerId,
      reason: NOTICE_REASONS.consent_revoked,
      issuedAt: '2026-12-01T09:00:00.000Z',
      dueAt: '2026-12-08T09:00:00.000Z',
    });
    expect(await deliveries(sent.id)).toEqual([{ attempt: 1, outcome: 'delivered', statusCode: 200, error: null }]);

    // Delivered once is enough: a repeated job sends nothing more.
    expect(await allowingLocal.execute(system, { noticeId: sent.id })).toEqual({ outcome: 'skipped', reason: 'already-delivered' });
    expect(endpoint.received).toHaveLength(1);
  });

  it('Given an endpoint answering 500 then 200, then two attempts are logged (failed, delivered), the failed one surviving the job rollback', async () => {
    const sent = await notice(await recipient(endpoint.url()));
    endpoint.statuses.push(500, 200);

    // The first attempt runs in a job transaction that rolls back, as it does when the handler throws.
    const rolledBack = new Error('the job failed and its transaction rolled back');
    let first: unknown;
    await expect(
      dataSource.transaction(async (transaction) => {
        first = await allowingLocal.execute({ ...system, transaction }, { noticeId: sent.id });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(first).toEqual({ outcome: 'failed', attempt: 1, statusCode: 500, error: 'status 500' });

    const second = await allowingLocal.execute(system, { noticeId: sent.id });

    expect(second).toEqual({ outcome: 'delivered', attempt: 2, statusCode: 200, error: null });
    expect(endpoint.received).toHaveLength(2);
    expect(await deliveries(sent.id)).toEqual([
      { attempt: 1, outcome: 'failed', statusCode: 500, error: 'status 500' },
      { attempt: 2, outcome: 'delivered', statusCode: 200, error: null },
    ]);
  });

  it('Given a redirect, then it is not followed and the attempt fails', async () => {
    const sent = await notice(await recipient(endpoint.url()));
    endpoint.statuses.push(302);

    expect(await allowingLocal.execute(system, { noticeId: sent.id })).toMatchObject({ outcome: 'failed', statusCode: 302 });
    expect(endpoint.received.map((post) => post.url)).toEqual(['/infobank/notices?token=s3cret']);
  });

  it.each([
    ['plain http to 127.0.0.1', (port: number) => `http://127.0.0.1:${port}/hook`, /https/],
    ['https to 127.0.0.1', (port: number) => `https://127.0.0.1:${port}/hook`, /loopback address/],
    ['https to a name resolving to 127.0.0.1 (localhost)', (port: number) => `https://localhost:${port}/hook`, /loopback address/],
    ['https to a private address', () => 'https://10.20.30.40/hook', /private address/],
    ['https to the metadata address', () => 'https://169.254.169.254/latest', /link-local address/],
  ])('Given local webhooks not allowed and %s, then it is refused and nothing is sent', async (_case, urlOf, reason) => {
    const sent = await notice(await recipient(urlOf(endpoint.port)));

    const delivery = await strict.execute(system, { noticeId: sent.id });

    expect(delivery).toMatchObject({ outcome: 'refused', attempt: 1, statusCode: null, error: expect.stringMatching(reason) });
    expect(endpoint.received).toHaveLength(0);
    expect(await deliveries(sent.id)).toEqual([{ attempt: 1, outcome: 'refused', statusCode: null, error: expect.stringMatching(reason) }]);
  });

  it('Given the same 127.0.0.1 endpoint with local webhooks allowed, then it is reached (the refusal above is the switch, not the server)', async () => {
    const sent = await notice(await recipient(endpoint.url('/hook')));
    expect(await allowingLocal.execute(system, { noticeId: sent.id })).toMatchObject({ outcome: 'delivered' });
    expect(endpoint.received).toHaveLength(1);
  });

  it('Given a recipient without a webhook URL, then nothing is sent or logged (it pulls GET /v1/notices)', async () => {
    const sent = await notice(await recipient(null));
    expect(await allowingLocal.execute(system, { noticeId: sent.id })).toEqual({ outcome: 'skipped', reason: 'no-webhook' });
    expect(await deliveries(sent.id)).toEqual([]);
  });
});

describe('WebhookClient connections', () => {
  let server: ReturnType<typeof createTcpServer>;
  const firstBytes: Buffer[] = [];
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // A bare TCP listener that never answers: it shows where connections go and lets them time out.
    server = createTcpServer((socket) => {
      sockets.add(socket);
      socket.once('data', (chunk: Buffer) => firstBytes.push(chunk));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const port = (): number => (server.address() as AddressInfo).port;

  it('connects to the address it checked: a name only the checking lookup knows still reaches it, resolved once', async () => {
    const client = new FixedResolverClient({ 'hooks.pinned.invalid': [{ address: '127.0.0.1', family: 4 }] });
    const before = firstBytes.length;

    const result = await client.post(`https://hooks.pinned.invalid:${port()}/hook`, 'body', { allowLocal: true, timeoutMs: 500 });

    // The listener speaks no TLS, so the attempt times out, but the TLS handshake reached the checked address
    // (a second, system DNS lookup of this name would have failed with ENOTFOUND instead).
    expect(result).toEqual({ kind: 'unanswered', reason: 'timeout' });
    expect(client.lookups).toBe(1);
    expect(firstBytes.length).toBe(before + 1);
    expect(firstBytes[before][0]).toBe(0x16); // TLS handshake record
    expect(firstBytes[before].includes(Buffer.from('hooks.pinned.invalid'))).toBe(true); // SNI names the host
  });

  it('refuses a name that resolves to a private address among public ones, without connecting', async () => {
    const client = new FixedResolverClient({
      'rebind.example': [
        { address: '93.184.215.14', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    const before = firstBytes.length;
    const result = await client.post(`https://rebind.example:${port()}/hook`, 'body', { allowLocal: false, timeoutMs: 500 });
    expect(result).toEqual({ kind: 'refused', reason: 'the host resolves to a loopback address' });
    expect(firstBytes.length).toBe(before);
  });

  it('fails (to be retried) when the name does not resolve, and times out an endpoint that never answers', async () => {
    const client = new FixedResolverClient({});
    expect(await client.post('https://gone.example/hook', 'body', { allowLocal: false })).toEqual({
      kind: 'unanswered',
      reason: 'dns lookup failed (ENOTFOUND)',
    });
    const started = Date.now();
    expect(await new WebhookClient().post(`http://127.0.0.1:${port()}/hook`, 'body', { allowLocal: true, timeoutMs: 300 })).toEqual({
      kind: 'unanswered',
      reason: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
