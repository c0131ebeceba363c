import { ExpireApprovalUseCase, GetApprovalOutcomeUseCase } from '@infobank/consent';
import { PseudonymousIds } from '@infobank/crypto';
import { createRequestContext } from '@infobank/platform';
import { SettleApprovalUseCase } from '@infobank/provision';
import { receiptRecord, type DepositedRecord } from '../intake/deposits-client';
import type { Individual } from '../intake/link-world';
import { visitRecord } from '../portal/data-world';
import { daysAgo, TransferWorld, type Recipient } from './transfer-world';

const system = createRequestContext({ type: 'system', name: 'test' });

describe('gateway: fetch limits, data range, ask mode and a crashed build (parts of 2 subjects)', () => {
  let world: TransferWorld;
  let provider: Awaited<ReturnType<TransferWorld['provider']>>;
  let recipient: Recipient;

  const subjectOf = (individual: Individual) => world.use(PseudonymousIds).forRecipient(recipient.client.organisationId, individual.id);
  const statusOf = async (transferId: string, individual: Individual) =>
    ((await world.transfer(recipient, transferId)).body.subjects as { subject: string; status: string; reason: string | null }[]).find(
      (subject) => subject.subject === subjectOf(individual),
    );
  /** Requests, builds and downloads every ready part; returns the transfer id. */
  async function fetchAll(offerId: string): Promise<string> {
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    for (const part of (await world.transfer(recipient, transferId)).body.partList as { part: number; status: string }[]) {
      if (part.status === 'ready') expect((await world.download(recipient, transferId, part.part)).status).toBe(200);
    }
    return transferId;
  }
  async function consenting(offerId: string, mode: 'auto' | 'ask' = 'auto', records?: (customerRef: string) => DepositedRecord[]) {
    const individual = await world.individualWithRecords(provider, records);
    const consentId = await world.consent(individual, offerId, { mode });
    return { individual, consentId };
  }
  const approvalOf = async (individual: Individual) => {
    const listed = await world.links.atPortal(individual, 'GET', '/v1/me/approvals?status=pending');
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    return listed.body[0].approvalRequestId as string;
  };

  beforeAll(async () => {
    world = await TransferWorld.start({ config: { TRANSFER_PART_MAX_SUBJECTS: '2' } });
    provider = await world.provider();
    recipient = await world.recipient();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('a one-time offer provides each individual once: a second transfer denies them frequency_exceeded', async () => {
    const offerId = await world.approvedOffer(recipient, { fetch: { type: 'one_time' } });
    const { individual } = await consenting(offerId);
    const first = await fetchAll(offerId);
    expect(await statusOf(first, individual)).toMatchObject({ status: 'delivered' });
    const second = await fetchAll(offerId);
    expect(await statusOf(second, individual)).toMatchObject({ status: 'denied', reason: 'frequency_exceeded' });
  });

  it('a periodic offer allows at most max fetches per period', async () => {
    const offerId = await world.approvedOffer(recipient, { fetch: { type: 'periodic', per: 'day', max: 2 } });
    const { individual } = await consenting(offerId);
    expect(await statusOf(await fetchAll(offerId), individual)).toMatchObject({ status: 'delivered' });
    expect(await statusOf(await fetchAll(offerId), individual)).toMatchObject({ status: 'delivered' });
    expect(await statusOf(await fetchAll(offerId), individual)).toMatchObject({ status: 'denied', reason: 'frequency_exceeded' });
  });

  it('only records inside the data range are packaged; none in range is out_of_range, none at all is no_records', async () => {
    const from = new Date(Date.now() - 20 * 24 * 3600 * 1000).toISOString();
    const to = new Date(Date.now() - 5 * 24 * 3600 * 1000).toISOString();
    const offerId = await world.approvedOffer(recipient, { dataRange: { from, to } });
    const inRange = daysAgo(10);
    const { individual: inside } = await consenting(offerId, 'auto', (ref) => [
      receiptRecord(ref, { observedAt: inRange }),
      receiptRecord(ref, { observedAt: daysAgo(2) }),
      receiptRecord(ref, { observedAt: daysAgo(25) }),
    ]);
    const { individual: outside } = await consenting(offerId, 'auto', (ref) => [receiptRecord(ref, { observedAt: daysAgo(1) })]);
    // Only a place visit: nothing in the category the offer asks for.
    const { individual: empty } = await consenting(offerId, 'auto', (ref) => [visitRecord(ref, daysAgo(3))]);
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    expect(await statusOf(transferId, outside)).toMatchObject({ status: 'denied', reason: 'out_of_range' });
    expect(await statusOf(transferId, empty)).toMatchObject({ status: 'denied', reason: 'no_records' });
    const part = await world.download(recipient, transferId, 1);
    const { payload } = await world.open(recipient, part.body);
    expect(payload.subjects).toHaveLength(1);
    expect(payload.subjects[0].subject).toBe(subjectOf(inside));
    expect(payload.subjects[0].records.map((record) => record.observedAt)).toEqual([new Date(inRange).toISOString()]);
  });

  it('ask-mode subjects wait while the others are delivered; approval delivers, denial and timeout deny', async () => {
    const offerId = await world.approvedOffer(recipient);
    const auto = await consenting(offerId);
    const approving = await consenting(offerId, 'ask');
    const denying = await consenting(offerId, 'ask');
    const silent = await consenting(offerId, 'ask');
    const transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    for (const waiting of [approving, denying, silent]) {
      expect(await statusOf(transferId, waiting.individual)).toMatchObject({ status: 'awaiting_approval' });
    }
    expect(await statusOf(transferId, auto.individual)).toMatchObject({ status: 'ready' });
    expect((await world.download(recipient, transferId, 1)).status).toBe(200);

    const settle = (approvalRequestId: string) => world.use(SettleApprovalUseCase).execute(system, { approvalRequestId });
    const approveId = await approvalOf(approving.individual);
    expect(
      (await world.links.atPortal(approving.individual, 'POST', `/v1/me/approvals/${approveId}`, { decision: 'approve' })).status,
    ).toBe(200);
    expect(await settle(approveId)).toBe('built');
    const denyId = await approvalOf(denying.individual);
    expect((await world.links.atPortal(denying.individual, 'POST', `/v1/me/approvals/${denyId}`, { decision: 'deny' })).status).toBe(200);
    expect(await settle(denyId)).toBe('denied');
    const silentId = await approvalOf(silent.individual);
    const later = new Date(Date.now() + 73 * 3600 * 1000);
    expect(await world.use(ExpireApprovalUseCase).execute({ ...system, now: () => later }, { approvalRequestId: silentId })).toBe(
      'expired',
    );
    expect((await world.use(GetApprovalOutcomeUseCase).execute(system, { approvalRequestId: silentId }))?.status).toBe('expired');
    expect(await settle(silentId)).toBe('denied');

    await world.build(transferId);
    expect(await statusOf(transferId, denying.individual)).toMatchObject({ status: 'denied', reason: 'approval_denied' });
    expect(await statusOf(transferId, silent.individual)).toMatchObject({ status: 'denied', reason: 'approval_expired' });
    const approved = await statusOf(transferId, approving.individual);
    expect(approved).toMatchObject({ status: 'ready', part: 2 });
    const part = await world.download(recipient, transferId, 2);
    const { payload } = await world.open(recipient, part.body);
    expect(payload.subjects.map((subject) => subject.subject)).toEqual([subjectOf(approving.individual)]);
    expect((await world.transfer(recipient, transferId)).body.status).toBe('delivered');
  });

  it('a build that crashes after its first part yields, after the retry, one set of parts with every subject once', async () => {
    const offerId = await world.approvedOffer(recipient);
    const individuals = await Promise.all([1, 2, 3, 4, 5].map(() => consenting(offerId)));
    const transferId = await world.requested(recipient, { offerId });
    await expect(
      world.build(transferId, {
        afterPart: () => {
          throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect((await world.transfer(recipient, transferId)).body.partList).toHaveLength(1);

    await world.build(transferId);
    await world.build(transferId);
    const detail = (await world.transfer(recipient, transferId)).body;
    expect(detail.partList.map((part: { part: number; subjects: number }) => [part.part, part.subjects])).toEqual([
      [1, 2],
      [2, 2],
      [3, 1],
    ]);
    const parts = await world.environment.dataSource.query(
      `SELECT "part", count(*)::int AS "n" FROM "transfer_subjects" WHERE "transfer_id" = $1 GROUP BY "part" ORDER BY "part"`,
      [transferId],
    );
    expect(parts).toEqual([
      { part: 1, n: 2 },
      { part: 2, n: 2 },
      { part: 3, n: 1 },
    ]);
    const delivered = new Set<string>();
    for (const part of [1, 2, 3]) {
      const { payload } = await world.open(recipient, (await world.download(recipient, transferId, part)).body);
      for (const subject of payload.subjects) {
        expect(delivered.has(subject.subject)).toBe(false);
        delivered.add(subject.subject);
      }
    }
    expect([...delivered].sort()).toEqual(individuals.map(({ individual }) => subjectOf(individual)).sort());
  });
});
