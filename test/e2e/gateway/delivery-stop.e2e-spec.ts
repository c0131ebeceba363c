import { createHash } from 'node:crypto';
import { createRequestContext, withTransaction } from '@infobank/platform';
import { KEY_MATERIAL, KeyedDigest, type KeyMaterial } from '@infobank/crypto';
import { PROVISION_RECORD_DIGEST_PURPOSE } from '@infobank/provision';
import { parseBankJwks, SealTransparencyLogUseCase, verifyInclusionProofAgainstJwks } from '@infobank/transparency-log';
import type { HttpResult } from '../../support/organisation-client';
import { expectRefused } from '../../support/refusals';
import { receiptRecord } from '../intake/deposits-client';
import { newCustomerRef, type Individual } from '../intake/link-world';
import { atPortalStepped, depositBatch, stepUp } from '../portal/data-world';
import { RevocationWorld } from './revocation-world';
import { daysAgo, type Recipient } from './transfer-world';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

// The worker does not run here: every outbox row the causes write stays pending until a test runs it, so
// what the recipient sees between the cause and the worker is what the cause's own transaction did.
describe('gateway: erasure, closure and withdrawal stop delivery at once, before the worker runs', () => {
  let world: RevocationWorld;
  let provider: Awaited<ReturnType<RevocationWorld['transfers']['provider']>>;
  let recipient: Recipient;

  const transfers = () => world.transfers;
  const dataSource = () => world.transfers.environment.dataSource;

  /** An approved offer of the recipient and `count` individuals with records who consented to it. */
  async function consented(count: number) {
    const offerId = await transfers().approvedOffer(recipient);
    const individuals = await Promise.all(Array.from({ length: count }, () => transfers().individualWithRecords(provider)));
    const consentIds = await Promise.all(individuals.map((individual) => transfers().consent(individual, offerId)));
    return { offerId, individuals, consentIds };
  }

  /** Requests a transfer of the offer and builds it in-process: part 1 is ready, nobody downloaded it. */
  async function built(offerId: string): Promise<string> {
    const transferId = await transfers().requested(recipient, { offerId });
    await transfers().build(transferId);
    expect((await transfers().transfer(recipient, transferId)).body.partList).toEqual([
      expect.objectContaining({ part: 1, status: 'ready' }),
    ]);
    return transferId;
  }

  /** A built transfer whose part 1 the recipient downloaded (provisions recorded); returns it with the bytes. */
  async function delivered(offerId: string): Promise<{ transferId: string; bytes: string }> {
    const transferId = await built(offerId);
    const download = await transfers().download(recipient, transferId, 1);
    expect(download.status).toBe(200);
    return { transferId, bytes: download.body as string };
  }

  const download = (transferId: string) => transfers().download(recipient, transferId, 1);
  const provided = async (transferId: string): Promise<string[]> =>
    (
      await dataSource().query(`SELECT "individual_id" FROM "provision_records" WHERE "transfer_id" = $1 ORDER BY "individual_id"`, [
        transferId,
      ])
    ).map((row: { individual_id: string }) => row.individual_id);
  const subjectsIn = async (jwe: string) =>
    (await transfers().open(recipient, jwe)).payload.subjects.map((subject) => subject.subject).sort();
  const erase = async (individual: Individual) =>
    atPortalStepped(
      transfers().links,
      individual,
      'DELETE',
      `/v1/me/data?provider=${provider.organisationId}`,
      await stepUp(transfers().links, individual),
    );
  const close = async (individual: Individual) =>
    atPortalStepped(transfers().links, individual, 'DELETE', '/v1/me', await stepUp(transfers().links, individual));
  const revoke = async (individual: Individual, consentId: string) => {
    const response = await transfers().links.atPortal(individual, 'POST', `/v1/me/consents/${consentId}/revoke`, {});
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    world = await RevocationWorld.start();
    provider = await transfers().provider();
    recipient = await transfers().recipient();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('an erasure makes a ready part holding the individual 409 PACKAGE_STALE at once and records no provision; the worker rebuilds it without them', async () => {
    const { offerId, individuals } = await consented(2);
    const [erasing, staying] = individuals;
    const transferId = await built(offerId);

    expect((await erase(erasing)).status).toBe(204);
    // The worker has not run: its job is still waiting.
    expect((await world.pending('data.erased')).map((job) => job.payload.individualId)).toContain(erasing.id);

    expectRefused(await download(transferId), 409, 'PACKAGE_STALE');
    expect(await provided(transferId)).toEqual([]);
    expect((await transfers().transfer(recipient, transferId)).body.subjects).toEqual(
      expect.arrayContaining([{ subject: world.subjectOf(erasing, recipient), status: 'denied', reason: 'erased', part: null }]),
    );

    // The worker runs: notices (none: nothing was provided), then the rebuild.
    await world.propagateErasures();
    await transfers().build(transferId);
    const rebuilt = await download(transferId);
    expect(rebuilt.status).toBe(200);
    expect(await subjectsIn(rebuilt.body)).toEqual([world.subjectOf(staying, recipient)]);
    expect(await provided(transferId)).toEqual([staying.id]);
  });

  it('removing a link with erase=true stops delivery the same way', async () => {
    const { offerId, individuals } = await consented(2);
    const [erasing, staying] = individuals;
    const transferId = await built(offerId);
    const [link] = (await transfers().links.atPortal(erasing, 'GET', '/v1/me/links')).body as { linkId: string }[];

    const removed = await atPortalStepped(
      transfers().links,
      erasing,
      'DELETE',
      `/v1/me/links/${link.linkId}?erase=true`,
      await stepUp(transfers().links, erasing),
    );
    expect(removed.status).toBe(204);

    expectRefused(await download(transferId), 409, 'PACKAGE_STALE');
    expect(await provided(transferId)).toEqual([]);
    await world.propagateErasures();
    await transfers().build(transferId);
    const rebuilt = await download(transferId);
    expect(rebuilt.status).toBe(200);
    expect(await subjectsIn(rebuilt.body)).toEqual([world.subjectOf(staying, recipient)]);
  });

  it('closing the account revokes its consents in the closing transaction: the ready part is 409 at once, no provision; the worker rebuilds it without them', async () => {
    const { offerId, individuals, consentIds } = await consented(2);
    const [closing, staying] = individuals;
    const transferId = await built(offerId);

    expect((await close(closing)).status).toBe(204);
    // Revoked before any worker ran: the ledger event (with its receipt) and the consent.ended job are already written.
    expect(await dataSource().query(`SELECT "status" FROM "consents" WHERE "id" = $1`, [consentIds[0]])).toEqual([{ status: 'revoked' }]);
    expect(await world.pending('consent.ended')).toEqual(
      expect.arrayContaining([expect.objectContaining({ payload: { consentId: consentIds[0] } })]),
    );

    expectRefused(await download(transferId), 409, 'PACKAGE_STALE');
    expect(await provided(transferId)).toEqual([]);

    // The worker: the account.closed job revokes nothing more; consent.ended issues the notices; the rebuild.
    await world.closeAccounts();
    await world.propagateConsentEnds();
    const revocations = await dataSource().query(
      `SELECT count(*)::int AS "n" FROM "consent_events" WHERE "consent_id" = $1 AND "type" = 'consent_revoked'`,
      [consentIds[0]],
    );
    expect(revocations).toEqual([{ n: 1 }]);
    await transfers().build(transferId);
    const rebuilt = await download(transferId);
    expect(rebuilt.status).toBe(200);
    expect(await subjectsIn(rebuilt.body)).toEqual([world.subjectOf(staying, recipient)]);
    expect(await provided(transferId)).toEqual([staying.id]);
  });

  it('a closure or an erasure racing a download: each finishes (no deadlock, no 500), and the part is either delivered first or stale', async () => {
    for (const [cause, delayMs] of [
      ['close', 0],
      ['close', 30],
      ['erase', 0],
      ['erase', 30],
    ] as const) {
      const { offerId, individuals } = await consented(2);
      const [leaving] = individuals;
      const transferId = await built(offerId);
      const stepUpToken = await stepUp(transfers().links, leaving);
      const path = cause === 'close' ? '/v1/me' : `/v1/me/data?provider=${provider.organisationId}`;
      const [downloaded, left] = await Promise.all([
        download(transferId),
        new Promise((resolve) => setTimeout(resolve, delayMs)).then(() =>
          atPortalStepped(transfers().links, leaving, 'DELETE', path, stepUpToken),
        ),
      ]);
      expect(left.status).toBe(204);
      expect([200, 409]).toContain(downloaded.status);
      // Delivered before the cause committed (both provided), or refused with nothing provided.
      expect(await provided(transferId)).toHaveLength(downloaded.status === 200 ? 2 : 0);
    }
  });

  it('a record deposited anew after the part was built: the download is 409 and the rebuilt part carries the new version', async () => {
    const offerId = await transfers().approvedOffer(recipient);
    const individual = await transfers().links.individual();
    const customerRef = newCustomerRef();
    await transfers().links.linked(individual, provider, customerRef, ['purchase.receipts']);
    const record = receiptRecord(customerRef, { observedAt: daysAgo(2) });
    await depositBatch(provider, [record]);
    await transfers().consent(individual, offerId);
    const transferId = await built(offerId);

    const newer = { name: 'コーヒー', quantity: 1, unitPriceYen: 120, amountYen: 120 };
    await depositBatch(provider, [{ ...record, data: { ...(record.data as object), lineItems: [newer] } }]);

    expectRefused(await download(transferId), 409, 'PACKAGE_STALE');
    expect(await provided(transferId)).toEqual([]);
    await transfers().build(transferId);
    const rebuilt = await download(transferId);
    expect(rebuilt.status).toBe(200);
    const { payload } = await transfers().open(recipient, rebuilt.body);
    expect(payload.subjects[0].records.map((packaged) => packaged.items['/lineItems'])).toEqual([[newer]]);
  });

  it('a delivered part downloads again unchanged while its consents live; after a revocation it is 410 PART_WITHDRAWN', async () => {
    const { offerId, individuals, consentIds } = await consented(2);
    const { transferId, bytes } = await delivered(offerId);

    const again = await download(transferId);
    expect(again.status).toBe(200);
    expect(again.body).toBe(bytes);
    expect(await provided(transferId)).toHaveLength(2);

    await revoke(individuals[0], consentIds[0]);
    expectRefused(await download(transferId), 410, 'PART_WITHDRAWN');
    // Refusing records nothing.
    expect(await provided(transferId)).toHaveLength(2);
  });

  it('a delivered part is 410 PART_WITHDRAWN after an erasure, a closure or a stop-use order', async () => {
    const erasure = await consented(2);
    const erased = await delivered(erasure.offerId);
    const closure = await consented(2);
    const closed = await delivered(closure.offerId);
    const order = await consented(2);
    const ordered = await delivered(order.offerId);

    expect((await erase(erasure.individuals[0])).status).toBe(204);
    expectRefused(await download(erased.transferId), 410, 'PART_WITHDRAWN');

    expect((await close(closure.individuals[0])).status).toBe(204);
    expectRefused(await download(closed.transferId), 410, 'PART_WITHDRAWN');

    // The order's own part still downloads until the order takes effect.
    expect((await download(ordered.transferId)).body).toBe(ordered.bytes);
    await world.effectiveOrder({ type: 'offer', id: order.offerId });
    expectRefused(await download(ordered.transferId), 410, 'PART_WITHDRAWN');
  });

  it('record digests in provision records and log leaves are keyed (HMAC under a bank secret), and the individual’s proof still verifies', async () => {
    const { offerId, individuals } = await consented(1);
    const [individual] = individuals;
    const { transferId, bytes } = await delivered(offerId);
    const { payload } = await transfers().open(recipient, bytes);
    const subject = world.subjectOf(individual, recipient);
    const records = payload.subjects.find((entry) => entry.subject === subject)!.records;
    expect(records.length).toBeGreaterThan(0);

    const material = transfers().gateway.app.get<KeyMaterial>(KEY_MATERIAL, { strict: false });
    const keyed = KeyedDigest.derive(material.pseudonymSecret, PROVISION_RECORD_DIGEST_PURPOSE);
    const expected = records.map((record) =>
      keyed.digest(recipient.client.organisationId, subject, JSON.stringify(record)).toString('base64url'),
    );
    const plain = records.map((record) => createHash('sha256').update(JSON.stringify(record)).digest('base64url'));
    const [row] = await dataSource().query(`SELECT "id", "record_digests" FROM "provision_records" WHERE "transfer_id" = $1`, [transferId]);
    expect(row.record_digests).toEqual(expected);
    for (const digest of plain) expect(row.record_digests).not.toContain(digest);

    // The leaf states the same keyed digests, and the individual's inclusion proof verifies against the bank's JWKS.
    let proof: HttpResult | undefined;
    for (let attempt = 0; attempt < 100 && proof?.status !== 200; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      await dataSource().transaction((manager) => transfers().use(SealTransparencyLogUseCase).execute(withTransaction(logCtx, manager)));
      proof = await transfers().links.atPortal(individual, 'GET', `/v1/me/provisions/${row.id}/proof`);
      if (proof.status !== 200) expectRefused(proof, 409, 'PROVISION_PROOF_NOT_READY');
    }
    expect(proof?.status).toBe(200);
    const leaf = JSON.parse(proof!.body.leafBody as string) as { recordDigests: string[] };
    expect(leaf.recordDigests).toEqual(expected);
    for (const digest of plain) expect(proof!.body.leafBody).not.toContain(digest);
    const jwks = parseBankJwks(await fetch(`${transfers().portal.url}/.well-known/jwks.json`).then((response) => response.json()));
    const checkpoint = await verifyInclusionProofAgainstJwks(proof!.body, jwks);
    expect(checkpoint.treeSize).toBeGreaterThan(proof!.body.leafIndex as number);
  });
});
