import { PseudonymousIds } from '@infobank/crypto';
import { SetOffersSuspendedUseCase } from '@infobank/offers';
import { ExpirePartsUseCase } from '@infobank/provision';
import { createRequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import type { Individual } from '../intake/link-world';
import { TransferWorld, type Recipient } from './transfer-world';

const system = createRequestContext({ type: 'system', name: 'test' });

describe('gateway: transfers stay consistent with consents, orders and retries', () => {
  let world: TransferWorld;
  let provider: Awaited<ReturnType<TransferWorld['provider']>>;
  let recipient: Recipient;

  const subjectOf = (individual: Individual, of: Recipient = recipient) =>
    world.use(PseudonymousIds).forRecipient(of.client.organisationId, individual.id);
  const provisionsOf = (transferId: string): Promise<{ individual_id: string }[]> =>
    world.environment.dataSource.query(`SELECT "individual_id" FROM "provision_records" WHERE "transfer_id" = $1`, [transferId]);

  /** An approved offer and `count` individuals with records who consented to it (auto mode). */
  async function consented(count: number, overrides: Record<string, unknown> = {}) {
    const offerId = await world.approvedOffer(recipient, overrides);
    const individuals = await Promise.all(Array.from({ length: count }, () => world.individualWithRecords(provider)));
    const consentIds = await Promise.all(individuals.map((individual) => world.consent(individual, offerId)));
    return { offerId, individuals, consentIds };
  }

  beforeAll(async () => {
    world = await TransferWorld.start();
    provider = await world.provider();
    recipient = await world.recipient();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('a revocation between build and download answers 409 package_stale; the rebuilt part lacks that subject, who gets no provision record', async () => {
    const { offerId, individuals, consentIds } = await consented(2);
    const [revoking, staying] = individuals;
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    expect((await world.transfer(recipient, transferId)).body.partList).toEqual([expect.objectContaining({ part: 1, subjects: 2 })]);

    const revoked = await world.links.atPortal(revoking, 'POST', `/v1/me/consents/${consentIds[0]}/revoke`, {});
    expect(revoked.status).toBe(200);

    const stale = await world.download(recipient, transferId, 1);
    expect(stale.status).toBe(409);
    expect(stale.contentType).toMatch(/^application\/problem\+json/);
    expect(stale.body.code).toBe('PACKAGE_STALE');
    expect(await provisionsOf(transferId)).toEqual([]);
    const afterStale = (await world.transfer(recipient, transferId)).body;
    expect(afterStale.subjects).toEqual(
      expect.arrayContaining([
        { subject: subjectOf(revoking), status: 'denied', reason: 'revoked', part: null },
        expect.objectContaining({ subject: subjectOf(staying), status: 'pending' }),
      ]),
    );

    await world.build(transferId);
    const rebuilt = await world.download(recipient, transferId, 1);
    expect(rebuilt.status).toBe(200);
    const { payload } = await world.open(recipient, rebuilt.body);
    expect(payload.subjects.map((subject) => subject.subject)).toEqual([subjectOf(staying)]);
    expect((await provisionsOf(transferId)).map((row) => row.individual_id)).toEqual([staying.id]);
  });

  it('a revocation that commits while a part is packaged, before it is saved, keeps that subject out of the part: it is built again under the locks', async () => {
    const { offerId, individuals, consentIds } = await consented(2);
    const [revoking, staying] = individuals;
    const transferId = await world.requested(recipient, { offerId });
    let revocations = 0;
    await world.build(transferId, {
      afterDraft: async () => {
        if (revocations++ > 0) return;
        const revoked = await world.links.atPortal(revoking, 'POST', `/v1/me/consents/${consentIds[0]}/revoke`, {});
        expect(revoked.status).toBe(200);
      },
    });
    expect(revocations).toBe(1);
    const built = (await world.transfer(recipient, transferId)).body;
    expect(built.partList).toEqual([expect.objectContaining({ part: 1, subjects: 1 })]);
    expect(built.subjects).toEqual(
      expect.arrayContaining([
        { subject: subjectOf(revoking), status: 'denied', reason: 'revoked', part: null },
        expect.objectContaining({ subject: subjectOf(staying), status: 'ready', part: 1 }),
      ]),
    );

    const downloaded = await world.download(recipient, transferId, 1);
    expect(downloaded.status).toBe(200);
    const { payload } = await world.open(recipient, downloaded.body);
    expect(payload.subjects.map((subject) => subject.subject)).toEqual([subjectOf(staying)]);
    expect((await provisionsOf(transferId)).map((row) => row.individual_id)).toEqual([staying.id]);
  });

  it('a part’s builtAt is when it was saved (downloadable), not when its draft was packaged', async () => {
    const { offerId } = await consented(1);
    const transferId = await world.requested(recipient, { offerId });
    let drafted = 0;
    await world.build(transferId, {
      afterDraft: async () => {
        drafted = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 250));
      },
    });
    expect(drafted).toBeGreaterThan(0);
    const [part] = (await world.transfer(recipient, transferId)).body.partList;
    expect(Date.parse(part.builtAt)).toBeGreaterThanOrEqual(drafted + 200);
  });

  it('a stop-use order after the build makes the part stale, the rebuild is empty (410) and nothing is provided; new requests are refused', async () => {
    const { offerId } = await consented(2);
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);

    await world.use(SetOffersSuspendedUseCase).execute(system, { target: { type: 'offer', id: offerId }, suspended: true });

    const stale = await world.download(recipient, transferId, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('PACKAGE_STALE');
    await world.build(transferId);
    const gone = await world.download(recipient, transferId, 1);
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('PART_GONE');
    expect(await provisionsOf(transferId)).toEqual([]);
    const detail = (await world.transfer(recipient, transferId)).body;
    expect(detail.subjects.map((subject: { reason: string }) => subject.reason)).toEqual(['offer_suspended', 'offer_suspended']);
    expect(detail.partList).toEqual([expect.objectContaining({ part: 1, status: 'void' })]);

    const refused = await world.request(recipient, { offerId });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('OFFER_NOT_TRANSFERABLE');
  });

  it('the same Idempotency-Key yields one transfer; reused for another request it is refused (422) and changes nothing', async () => {
    const { offerId } = await consented(1);
    const key = randomUUID();
    const first = await world.request(recipient, { offerId }, key);
    const second = await world.request(recipient, { offerId }, key);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.transferId).toBe(first.body.transferId);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await world.request(recipient, { offerId, subjects: [subjectOf((await consented(1)).individuals[0])] }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await world.environment.dataSource.query(`SELECT count(*)::int AS "n" FROM "transfers" WHERE "idempotency_key" = $1`, [
      key,
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('a request without an Idempotency-Key, for another recipient’s offer or with malformed subjects is refused with problem+json', async () => {
    const { offerId } = await consented(1);
    const noKey = await recipient.client.call('POST', '/v1/transfers', { body: { offerId } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors).toEqual([expect.objectContaining({ path: '/headers/idempotency-key' })]);
    const other = await world.recipient();
    const foreign = await world.request(other, { offerId });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('OFFER_NOT_FOUND');
    const malformed = await world.request(recipient, { offerId, subjects: ['not-a-subject'] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ path: '/subjects/0' })]);
  });

  it('recipient B cannot see, list or download recipient A’s transfer (404)', async () => {
    const { offerId } = await consented(1);
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    const other = await world.recipient();
    expect((await world.transfer(other, transferId)).status).toBe(404);
    const download = await world.download(other, transferId, 1);
    expect(download.status).toBe(404);
    expect(download.body.code).toBe('TRANSFER_NOT_FOUND');
    const listed = await other.client.call('GET', '/v1/transfers');
    expect(listed.status).toBe(200);
    expect(listed.body.transfers).toEqual([]);
    const own = await recipient.client.call('GET', `/v1/transfers?offerId=${offerId}`);
    expect(own.body.transfers.map((transfer: { id: string }) => transfer.id)).toEqual([transferId]);
    expect(await provisionsOf(transferId)).toEqual([]);
  });

  // Runs last: it expires every part of this suite's world.
  it('parts expire after TRANSFER_PART_TTL_HOURS: an undownloaded part is deleted and leaves no provision record, a delivered one keeps its records', async () => {
    const { offerId: downloadedOffer } = await consented(1);
    const { offerId: abandonedOffer } = await consented(1);
    const downloaded = await world.requested(recipient, { offerId: downloadedOffer });
    const abandoned = await world.requested(recipient, { offerId: abandonedOffer });
    await world.build(downloaded);
    await world.build(abandoned);
    expect((await world.download(recipient, downloaded, 1)).status).toBe(200);

    const dayLater = new Date(Date.now() + 25 * 3600 * 1000);
    expect(await world.use(ExpirePartsUseCase).execute({ ...system, now: () => dayLater })).toBeGreaterThanOrEqual(2);

    const gone = await world.download(recipient, abandoned, 1);
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('PART_GONE');
    expect(await provisionsOf(abandoned)).toEqual([]);
    const abandonedDetail = (await world.transfer(recipient, abandoned)).body;
    expect(abandonedDetail).toMatchObject({ status: 'expired', counts: expect.objectContaining({ expired: 1 }) });

    expect((await world.download(recipient, downloaded, 1)).status).toBe(410);
    expect(await provisionsOf(downloaded)).toHaveLength(1);
    expect((await world.transfer(recipient, downloaded)).body.status).toBe('delivered');
    const bytes = await world.environment.dataSource.query(
      `SELECT count(*)::int AS "n" FROM "transfer_parts" WHERE "transfer_id" = ANY($1::uuid[]) AND "package" IS NOT NULL`,
      [[downloaded, abandoned]],
    );
    expect(bytes).toEqual([{ n: 0 }]);
  });
});
