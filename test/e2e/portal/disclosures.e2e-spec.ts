// Disclosure requests (開示請求) end to end: an individual with real history (deposits in two versions,
// a consent, a delivered transfer with its provision proof and benefit, a revoked consent whose notice
// the recipient attested, a complaint the desk answered) asks for disclosure; the worker builds the bundle; the individual downloads
// it with a single-use token. The bundle holds every section, its manifest verifies against the
// bank's JWKS, and every file validates against the schema the portal publishes.
import { createHash, randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { compactVerify, createLocalJWKSet, type JWK } from 'jose';
import { BuildDisclosureUseCase, ExpireDisclosuresUseCase, parseCsv, readTar } from '@infobank/disclosure';
import { createRequestContext, withTransaction } from '@infobank/platform';
import { AddDeskStaffUseCase } from '@infobank/rights';
import { parseBankJwks, SealTransparencyLogUseCase, verifyInclusionProofAgainstJwks } from '@infobank/transparency-log';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { startTestApp, type RunningApp } from '../../support/http-app';
import { eventually } from '../../support/platform';
import { signedInMember, type SignedInMember } from '../ethics-board/cases-support';
import { attest, seedNotice } from '../gateway/notice-world';
import { daysAgo, TransferWorld, type Recipient } from '../gateway/transfer-world';
import { receiptRecord } from '../intake/deposits-client';
import { newCustomerRef, type Individual } from '../intake/link-world';
import { depositBatch, type DepositedBatch } from './data-world';
import { callJson, expectProblem } from './session-client';

const TOKEN_SECONDS = 2;
const SECTION_FILES = ['profile', 'links', 'records', 'consents', 'provisions', 'benefits', 'notices', 'complaints'];
const system = createRequestContext({ type: 'system', name: 'disclosure-e2e' });
const operator = createRequestContext({ type: 'operator', name: 'disclosure-e2e' });
const COMPLAINT_TEXT = '提供先から届いた案内が多すぎます。止めてもらえますか。';
const DESK_REPLY = '提供先に確認しました。案内は今月で止まります。';

type Files = Map<string, Buffer>;

describe('portal: disclosure requests (開示請求) and the signed, schema-described bundle', () => {
  let world: TransferWorld;
  let board: RunningApp;
  let member: SignedInMember;
  let recipient: Recipient;
  let alice: Individual;
  let bob: Individual;
  let aliceEmail: string;
  let providerId: string;
  let recordId: string;
  let batches: DepositedBatch[];
  let consentId: string;
  let noticeId: string;
  let complaintId: string;
  let aliceDisclosure: string;

  const portal = (individual: Individual | null, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) =>
    world.links.atPortal(individual, method, path, body);

  /** Asks for disclosure and waits until the worker has made it ready. */
  async function readyDisclosure(individual: Individual, body: unknown): Promise<any> {
    const asked = await portal(individual, 'POST', '/v1/me/disclosures', body);
    expect(asked.status).toBe(202);
    return eventually(
      'the disclosure to be ready',
      async () => {
        const read = await portal(individual, 'GET', `/v1/me/disclosures/${asked.body.disclosureId}`);
        return read.body.status === 'ready' ? read.body : undefined;
      },
      60_000,
    );
  }

  /** POST /v1/disclosures/download with the token in the body; the raw answer. */
  async function download(token: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(`${world.portal.url}/v1/disclosures/download`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  async function downloadToken(individual: Individual, disclosureId: string): Promise<string> {
    const issued = await portal(individual, 'POST', `/v1/me/disclosures/${disclosureId}/download-token`);
    expect(issued.status).toBe(201);
    return issued.body.token as string;
  }

  /** Downloads a ready bundle and reads its files by name (the archive's folder stripped). */
  async function bundleFiles(individual: Individual, disclosureId: string): Promise<Files> {
    const answer = await download(await downloadToken(individual, disclosureId));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/x-tar');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="infobank-disclosure-[0-9a-f]{8}\.tar"$/);
    return new Map(readTar(answer.bytes).map((entry) => [entry.name.replace(/^[^/]+\//, ''), entry.content]));
  }

  const json = (files: Files, name: string) => JSON.parse((files.get(name) as Buffer).toString('utf8'));

  async function jwks(): Promise<{ keys: JWK[] }> {
    return (await fetch(`${world.portal.url}/.well-known/jwks.json`).then((response) => response.json())) as { keys: JWK[] };
  }

  async function publishedSchema(id: string): Promise<Record<string, unknown>> {
    const fileName = id.slice(id.lastIndexOf('/') + 1);
    const response = await fetch(`${world.portal.url}/v1/disclosure-schemas/${fileName}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Validates `data` against the published schema `id` (fetched from the portal, compiled once), as an importing service would. */
  function validator() {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    return async (id: string, data: unknown) => {
      const validate = ajv.getSchema(id) ?? ajv.compile(await publishedSchema(id));
      return validate(data) ? null : validate.errors;
    };
  }

  /** Alice files a complaint about the recipient and a desk member (signed in at the board's app) replies. */
  async function answeredComplaint(): Promise<string> {
    const filed = await portal(alice, 'POST', '/v1/me/complaints', {
      category: 'recipient',
      text: COMPLAINT_TEXT,
      relatedRecipientId: recipient.client.organisationId,
    });
    expect(filed.status).toBe(201);
    const email = `desk.${randomUUID()}@bank.example.jp`;
    const password = 'disclosure desk passphrase';
    await board.app.get(AddDeskStaffUseCase).execute(operator, { email, password, name: '窓口 担当' });
    const login = await callJson(board.url, 'POST', '/v1/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    const reply = await callJson(board.url, 'POST', `/v1/desk/complaints/${filed.body.id}/replies`, {
      bearer: login.body.accessToken,
      body: { text: DESK_REPLY },
    });
    expect(reply.status).toBeLessThan(300);
    return filed.body.id as string;
  }

  /** Runs the sealer until every provision of the individual has a proof. */
  async function sealUntilProven(individual: Individual): Promise<void> {
    await eventually('the provisions to be sealed', async () => {
      await world.environment.dataSource.transaction((manager) =>
        world.use(SealTransparencyLogUseCase).execute(withTransaction(system, manager)),
      );
      const list = await portal(individual, 'GET', '/v1/me/provisions');
      for (const provision of list.body.provisions as Array<{ id: string }>) {
        if ((await portal(individual, 'GET', `/v1/me/provisions/${provision.id}/proof`)).status !== 200) return false;
      }
      return list.body.provisions.length > 0;
    });
  }

  beforeAll(async () => {
    world = await TransferWorld.start({ worker: true, config: { DISCLOSURE_TOKEN_SECONDS: String(TOKEN_SECONDS) } });
    board = await startTestApp(
      EthicsBoardModule,
      { DATABASE_NAME: world.environment.config.database.name, REDIS_PREFIX: world.environment.config.redis.prefix },
      ETHICS_BOARD_ERROR_STATUS,
    );
    member = await signedInMember(board, 'legal', true);
    const provider = await world.provider();
    providerId = provider.organisationId;
    recipient = await world.recipient({ ja: '開示テスト株式会社', en: 'Disclosure Test KK' });
    const offerId = await world.approvedOffer(recipient, { dataRange: { fromDaysAgo: 30 } });

    // Alice: one record deposited twice (two versions), a consent, a delivered transfer, a revoked consent.
    alice = await world.links.individual();
    bob = await world.links.individual();
    aliceEmail = (await portal(alice, 'GET', '/v1/me')).body.email as string;
    const customerRef = newCustomerRef();
    await world.links.linked(alice, provider, customerRef, ['purchase.receipts', 'location.visits']);
    const first = receiptRecord(customerRef, { observedAt: daysAgo(2) });
    recordId = first.recordId;
    batches = [await depositBatch(provider, [first])];
    batches.push(await depositBatch(provider, [{ ...first, data: { ...first.data, totalYen: 480 } }]));
    consentId = await world.consent(alice, offerId, { optionalItems: ['purchase.receipts#/store'] });
    const transferId = await world.requested(recipient, { offerId });
    await world.until(recipient, transferId, 'ready', 60_000);
    const part = await world.download(recipient, transferId, 1);
    if (part.status !== 200) throw new Error(`Download of part 1 failed: ${part.status} ${JSON.stringify(part.body)}`);
    await sealUntilProven(alice);
    expect((await portal(alice, 'POST', `/v1/me/consents/${consentId}/revoke`, { reason: '開示テスト' })).status).toBe(200);
    const notice = await seedNotice(world.gateway, {
      recipientId: recipient.client.organisationId,
      kind: 'consent_revoked',
      offerId,
      consents: [{ consentId, individualId: alice.id }],
    });
    noticeId = notice.id;
    expect((await attest(recipient.client, notice)).response.status).toBe(200);
    complaintId = await answeredComplaint();
    // Bob's complaint is his own: it never appears in Alice's bundle.
    expect((await portal(bob, 'POST', '/v1/me/complaints', { category: 'other', text: 'ボブの苦情' })).status).toBe(201);

    const ready = await readyDisclosure(alice, { scope: 'all', format: 'json' });
    aliceDisclosure = ready.disclosureId;
  }, 240_000);

  afterAll(async () => {
    await board?.close();
    await world?.close();
  });

  it('records the request with its due date, builds it, and tells the individual it is ready', async () => {
    const read = await portal(alice, 'GET', `/v1/me/disclosures/${aliceDisclosure}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(
      expect.objectContaining({ disclosureId: aliceDisclosure, sections: SECTION_FILES, format: 'json', status: 'ready', overdue: false }),
    );
    expect(Date.parse(read.body.dueAt) - Date.parse(read.body.requestedAt)).toBe(14 * 24 * 3600 * 1000);
    expect(Date.parse(read.body.expiresAt) - Date.parse(read.body.readyAt)).toBe(7 * 24 * 3600 * 1000);
    const list = await portal(alice, 'GET', '/v1/me/disclosures');
    expect(list.body.map((disclosure: { disclosureId: string }) => disclosure.disclosureId)).toContain(aliceDisclosure);
    const inbox = await portal(alice, 'GET', '/v1/me/notifications');
    expect(inbox.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'disclosure_ready',
          subject: { type: 'disclosure', id: aliceDisclosure },
          message: expect.objectContaining({ title: { ja: '開示請求の準備ができました', en: 'Your disclosure is ready' } }),
        }),
      ]),
    );
  });

  it('holds every item: profile, links, each record with all versions and provenance, consents with receipts, proven provisions, benefits, attested notices, complaints with their threads', async () => {
    const files = await bundleFiles(alice, aliceDisclosure);
    expect([...files.keys()].sort()).toEqual(
      ['README.md', 'manifest.json', 'manifest.jws', ...SECTION_FILES.map((section) => `${section}.json`)].sort(),
    );

    expect(json(files, 'profile.json')).toEqual(expect.objectContaining({ individualId: alice.id, email: aliceEmail }));
    expect(json(files, 'links.json').links).toEqual([expect.objectContaining({ providerId, status: 'active' })]);

    const [record] = json(files, 'records.json').records;
    expect(record).toEqual(expect.objectContaining({ recordId, providerId, category: 'purchase.receipts' }));
    expect(record.versions.map((version: { version: number }) => version.version)).toEqual([1, 2]);
    expect(record.versions[0].data.totalYen).toBe(440);
    expect(record.versions[1].data.totalYen).toBe(480);
    expect(record.versions.map((version: { provenance: { batchId: string; batchDigest: string } }) => version.provenance)).toEqual(
      batches.map((batch) => expect.objectContaining({ providerId, batchId: batch.batchId, batchDigest: batch.batchDigest })),
    );
    expect(record.versions[0].supersededAt).not.toBeNull();
    expect(record.versions[1].supersededAt).toBeNull();

    const [consent] = json(files, 'consents.json').consents;
    expect(consent).toEqual(expect.objectContaining({ consentId, state: 'revoked' }));
    expect(consent.events.map((event: { type: string }) => event.type)).toEqual(['consent_granted', 'consent_revoked']);
    const keySet = createLocalJWKSet(await jwks());
    for (const event of consent.events) {
      const verified = await compactVerify(event.receipt, keySet, { algorithms: ['EdDSA'] });
      expect(verified.protectedHeader.typ).toBe('consent-receipt+jwt');
    }

    const [provision] = json(files, 'provisions.json').provisions;
    expect(provision).toEqual(expect.objectContaining({ consent: expect.objectContaining({ id: consentId }), records: 1 }));
    expect(provision.proof).not.toBeNull();
    await expect(verifyInclusionProofAgainstJwks(provision.proof, parseBankJwks(await jwks()))).resolves.toBeDefined();

    const benefits = json(files, 'benefits.json');
    expect(benefits.entries).toEqual([expect.objectContaining({ provisionId: provision.id })]);
    expect(benefits.balance.points).toBe(500);

    const notices = json(files, 'notices.json').consents;
    const withdrawal = notices.find((entry: { consentId: string }) => entry.consentId === consentId);
    const attested = withdrawal.recipients[0].notices.filter((notice: { status: string }) => notice.status === 'attested');
    expect(attested).toEqual([expect.objectContaining({ kind: 'consent_revoked', attestedAt: expect.any(String) })]);
    expect(noticeId).toEqual(expect.any(String));

    // The complaint as Alice's own read returns it: her text and the desk's reply, never which desk member wrote it.
    const complaints = json(files, 'complaints.json').complaints;
    const ownRead = await portal(alice, 'GET', `/v1/me/complaints/${complaintId}`);
    expect(ownRead.status).toBe(200);
    expect(complaints).toEqual([ownRead.body]);
    expect(complaints[0]).toEqual(
      expect.objectContaining({
        id: complaintId,
        category: 'recipient',
        related: expect.objectContaining({ recipientId: recipient.client.organisationId }),
      }),
    );
    expect(complaints[0].messages).toEqual([
      expect.objectContaining({ type: 'filed', by: 'you', text: COMPLAINT_TEXT }),
      expect.objectContaining({ type: 'replied', by: 'desk', text: DESK_REPLY }),
    ]);

    const readme = (files.get('README.md') as Buffer).toString('utf8');
    expect(readme).toContain('# 開示請求の回答');
    expect(readme).toContain('# Your disclosure');
    for (const section of SECTION_FILES) expect(readme).toContain(`\`${section}.json\``);
  });

  it('signs the manifest with the bank key: it verifies with the JWKS and names every file with its SHA-256', async () => {
    const files = await bundleFiles(alice, aliceDisclosure);
    const jws = (files.get('manifest.jws') as Buffer).toString('utf8').trim();
    const verified = await compactVerify(jws, createLocalJWKSet(await jwks()), { algorithms: ['EdDSA'] });
    expect(verified.protectedHeader).toEqual(expect.objectContaining({ alg: 'EdDSA', typ: 'disclosure-manifest+jwt' }));
    const signed = JSON.parse(new TextDecoder().decode(verified.payload));
    expect(signed).toEqual(json(files, 'manifest.json'));
    expect(signed).toEqual(expect.objectContaining({ disclosureId: aliceDisclosure, individualId: alice.id, format: 'json' }));
    const listed = signed.files as Array<{ name: string; sha256: string; bytes: number }>;
    expect(listed.map((file) => file.name).sort()).toEqual(['README.md', ...SECTION_FILES.map((section) => `${section}.json`)].sort());
    for (const file of listed) {
      const content = files.get(file.name) as Buffer;
      expect({ name: file.name, sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length }).toEqual({
        name: file.name,
        sha256: file.sha256,
        bytes: file.bytes,
      });
    }
    // A manifest altered after signing no longer verifies.
    const [header, payload, signature] = jws.split('.');
    const tampered = Buffer.from(JSON.stringify({ ...signed, individualId: bob.id })).toString('base64url');
    await expect(
      compactVerify(`${header}.${tampered}.${signature}`, createLocalJWKSet(await jwks()), { algorithms: ['EdDSA'] }),
    ).rejects.toThrow();
    expect(payload).not.toBe(tampered);
  });

  it('every file validates against the JSON Schema the portal publishes, and a broken file does not', async () => {
    const files = await bundleFiles(alice, aliceDisclosure);
    const manifest = json(files, 'manifest.json');
    const validate = validator();
    expect(await validate(manifest.$schema, manifest)).toBeNull();
    for (const file of manifest.files.filter((entry: { schema: string | null }) => entry.schema !== null)) {
      expect({ file: file.name, errors: await validate(file.schema, json(files, file.name)) }).toEqual({ file: file.name, errors: null });
    }
    const records = json(files, 'records.json');
    delete records.records[0].versions[0].provenance;
    expect(await validate('https://infobank.example/schemas/disclosure/records.schema.json', records)).not.toBeNull();
    const listing = await fetch(`${world.portal.url}/v1/disclosure-schemas`).then((response) => response.json());
    expect(listing).toEqual(expect.arrayContaining(['manifest.schema.json', 'records.schema.json', 'records.csv.schema.json']));
    expect((await fetch(`${world.portal.url}/v1/disclosure-schemas/nothing.json`)).status).toBe(404);
  });

  it('builds a CSV bundle whose tables validate row by row against their schemas', async () => {
    const ready = await readyDisclosure(alice, { scope: ['complaints', 'records', 'consents'], format: 'csv' });
    expect(ready.sections).toEqual(['records', 'consents', 'complaints']);
    const files = await bundleFiles(alice, ready.disclosureId);
    expect([...files.keys()].sort()).toEqual([
      'README.md',
      'complaints.csv',
      'consents.csv',
      'manifest.json',
      'manifest.jws',
      'records.csv',
    ]);
    const validate = validator();
    for (const file of json(files, 'manifest.json').files.filter((entry: { schema: string | null }) => entry.schema !== null)) {
      const rows = parseCsv((files.get(file.name) as Buffer).toString('utf8'));
      expect({ file: file.name, errors: await validate(file.schema, rows) }).toEqual({ file: file.name, errors: null });
    }
    const rows = parseCsv((files.get('records.csv') as Buffer).toString('utf8'));
    expect(rows.map((row) => [row.recordId, row.version])).toEqual([
      [recordId, '1'],
      [recordId, '2'],
    ]);
    expect(JSON.parse(rows[1].data).totalYen).toBe(480);
    const thread = parseCsv((files.get('complaints.csv') as Buffer).toString('utf8'));
    expect(thread.map((row) => [row.complaintId, row.messageBy, row.messageText])).toEqual([
      [complaintId, 'you', COMPLAINT_TEXT],
      [complaintId, 'desk', DESK_REPLY],
    ]);
  });

  it('waits for a request in progress before taking another, and builds a bundle once however often its job runs', async () => {
    const dave = await world.links.individual();
    const inProgress = randomUUID();
    await world.environment.dataSource.query(
      `INSERT INTO "disclosure_requests" ("id", "individual_id", "sections", "format", "status", "requested_at", "due_at", "building_at")
       VALUES ($1, $2, '{profile}', 'json', 'building', now(), now() + interval '14 days', now())`,
      [inProgress, dave.id],
    );
    expectProblem(await portal(dave, 'POST', '/v1/me/disclosures', { scope: 'all', format: 'json' }), 409, 'DISCLOSURE_IN_PROGRESS');
    expectProblem(await portal(dave, 'POST', `/v1/me/disclosures/${inProgress}/download-token`), 409, 'DISCLOSURE_NOT_READY');
    expect((await portal(dave, 'GET', '/v1/me/disclosures')).body).toHaveLength(1);

    const before = await portal(alice, 'GET', `/v1/me/disclosures/${aliceDisclosure}`);
    const build = world.worker?.get(BuildDisclosureUseCase, { strict: false });
    await expect(build?.execute(system, aliceDisclosure)).resolves.toBe('already_done');
    expect((await portal(alice, 'GET', `/v1/me/disclosures/${aliceDisclosure}`)).body).toEqual(before.body);
    await expect(build?.execute(system, randomUUID())).resolves.toBe('not_found');
  });

  it('reads another individual’s request as not found, and refuses anyone not signed in', async () => {
    for (const path of [`/v1/me/disclosures/${aliceDisclosure}`, `/v1/me/disclosures/${randomUUID()}`]) {
      expectProblem(await portal(bob, 'GET', path), 404, 'DISCLOSURE_NOT_FOUND');
    }
    expectProblem(await portal(bob, 'POST', `/v1/me/disclosures/${aliceDisclosure}/download-token`), 404, 'DISCLOSURE_NOT_FOUND');
    expect((await portal(bob, 'GET', '/v1/me/disclosures')).body).toEqual([]);
    expect((await portal(null, 'GET', '/v1/me/disclosures')).status).toBe(401);
    expect((await portal(null, 'POST', '/v1/me/disclosures', { scope: 'all', format: 'json' })).status).toBe(401);
  });

  it('refuses a bad request with the field named, and records nothing', async () => {
    const carol = await world.links.individual();
    const cases: Array<[unknown, string]> = [
      [{ scope: 'everything', format: 'json' }, '/scope'],
      [{ scope: [], format: 'json' }, '/scope'],
      [{ scope: ['records', 'diary'], format: 'json' }, '/scope/1'],
      [{ scope: ['records', 'records'], format: 'json' }, '/scope/1'],
      [{ scope: 'all', format: 'xml' }, '/format'],
      [{ scope: 'all' }, '/format'],
    ];
    for (const [body, path] of cases) {
      const answer = await portal(carol, 'POST', '/v1/me/disclosures', body);
      expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    expectProblem(await portal(carol, 'POST', '/v1/me/disclosures', { scope: 'all', format: 'json', extra: 1 }), 400, 'VALIDATION_FAILED');
    expect((await portal(carol, 'GET', '/v1/me/disclosures')).body).toEqual([]);
  });

  it('makes a download token single-use and short-lived, and never accepts a forged one', async () => {
    const token = await downloadToken(alice, aliceDisclosure);
    expect((await download(token)).status).toBe(200);
    const reused = await download(token);
    expect({ status: reused.status, code: JSON.parse(reused.bytes.toString('utf8')).code }).toEqual({
      status: 401,
      code: 'DISCLOSURE_TOKEN_INVALID',
    });

    const late = await downloadToken(alice, aliceDisclosure);
    await new Promise((resolve) => setTimeout(resolve, TOKEN_SECONDS * 1000 + 500));
    const expired = await download(late);
    expect({ status: expired.status, code: JSON.parse(expired.bytes.toString('utf8')).code }).toEqual({
      status: 401,
      code: 'DISCLOSURE_TOKEN_INVALID',
    });
    for (const forged of ['x'.repeat(43), 'not-a-token', '']) expect((await download(forged)).status).toBe(401);
  });

  it('stores the bundle only encrypted', async () => {
    const [row] = await world.environment.dataSource.query(`SELECT "bundle", "bundle_sha256" FROM "disclosure_requests" WHERE "id" = $1`, [
      aliceDisclosure,
    ]);
    const stored = row.bundle as Buffer;
    for (const clear of [aliceEmail, recordId, 'さくらマート', 'ustar']) expect(stored.includes(Buffer.from(clear, 'utf8'))).toBe(false);
    const answer = await download(await downloadToken(alice, aliceDisclosure));
    expect(createHash('sha256').update(answer.bytes).digest('hex')).toBe(row.bundle_sha256);
  });

  it('shows the board counts and timeliness without naming anyone', async () => {
    const response = await fetch(`${board.url}/v1/audit/disclosures`, { headers: { authorization: `Bearer ${member.accessToken}` } });
    const text = await response.text();
    expect(response.status).toBe(200);
    const body = JSON.parse(text);
    expect(body).toEqual(
      expect.objectContaining({
        dueDays: 14,
        overdue: 0,
        openOverdue: 0,
        medianHoursToReady: expect.any(Number),
        byStatus: expect.objectContaining({ ready: expect.any(Number) }),
      }),
    );
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.byStatus.ready).toBeGreaterThanOrEqual(2);
    for (const personal of [alice.id, aliceEmail, aliceDisclosure]) expect(text).not.toContain(personal);
    expect((await fetch(`${board.url}/v1/audit/disclosures`)).status).toBe(401);
  });

  it('deletes a bundle after its retention: the request expires and no token is issued for it', async () => {
    await world.environment.dataSource.query(
      `UPDATE "disclosure_requests" SET "expires_at" = now() - interval '1 second' WHERE "id" = $1`,
      [aliceDisclosure],
    );
    const pending = await downloadToken(alice, aliceDisclosure);
    expect(await world.worker?.get(ExpireDisclosuresUseCase, { strict: false }).execute(system)).toBeGreaterThanOrEqual(1);
    // A token issued before the deletion finds nothing to download.
    const late = await download(pending);
    expect({ status: late.status, code: JSON.parse(late.bytes.toString('utf8')).code }).toEqual({
      status: 410,
      code: 'DISCLOSURE_EXPIRED',
    });
    const read = await portal(alice, 'GET', `/v1/me/disclosures/${aliceDisclosure}`);
    expect(read.body).toEqual(expect.objectContaining({ status: 'expired', expiredAt: expect.any(String) }));
    const [row] = await world.environment.dataSource.query(`SELECT "bundle" FROM "disclosure_requests" WHERE "id" = $1`, [aliceDisclosure]);
    expect(row.bundle).toBeNull();
    expectProblem(await portal(alice, 'POST', `/v1/me/disclosures/${aliceDisclosure}/download-token`), 410, 'DISCLOSURE_EXPIRED');
  });
});
