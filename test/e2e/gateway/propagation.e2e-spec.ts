import { createRequestContext } from '@infobank/platform';
import { PropagateConsentEndUseCase } from '@infobank/revocation';
import { expectRefused } from '../../support/refusals';
import type { Individual } from '../intake/link-world';
import { atPortalStepped, stepUp } from '../portal/data-world';
import { RevocationWorld } from './revocation-world';
import type { Recipient } from './transfer-world';

const NOTICE_DUE_MINUTES = 90;
const DAY = 24 * 3600 * 1000;

describe('gateway: withdrawal reaches every recipient that holds the data, and work in flight stops', () => {
  let world: RevocationWorld;
  let provider: Awaited<ReturnType<RevocationWorld['transfers']['provider']>>;
  let recipient: Recipient;

  const transfers = () => world.transfers;
  const dataSource = () => world.transfers.environment.dataSource;

  /** An approved offer of `of` and `count` individuals with records who consented to it. */
  async function consented(
    count: number,
    of: Recipient = recipient,
    options: { mode?: 'auto' | 'ask'; offer?: Record<string, unknown> } = {},
  ) {
    const offerId = await transfers().approvedOffer(of, options.offer ?? {});
    const individuals = await Promise.all(Array.from({ length: count }, () => transfers().individualWithRecords(provider)));
    const consentIds = await Promise.all(individuals.map((individual) => transfers().consent(individual, offerId, { mode: options.mode })));
    return { offerId, individuals, consentIds };
  }

  /** Requests a transfer of the offer, builds it in-process and downloads part 1 (the provisions are recorded). */
  async function delivered(offerId: string, of: Recipient = recipient): Promise<string> {
    const transferId = await transfers().requested(of, { offerId });
    await transfers().build(transferId);
    const download = await transfers().download(of, transferId, 1);
    expect(download.status).toBe(200);
    return transferId;
  }

  const revoke = async (individual: Individual, consentId: string) => {
    const response = await transfers().links.atPortal(individual, 'POST', `/v1/me/consents/${consentId}/revoke`, {});
    expect(response.status).toBe(200);
  };
  const detail = async (transferId: string, of: Recipient = recipient) => (await transfers().transfer(of, transferId)).body;

  beforeAll(async () => {
    world = await RevocationWorld.start({ config: { NOTICE_DUE_MINUTES: String(NOTICE_DUE_MINUTES) } });
    provider = await transfers().provider();
    recipient = await transfers().recipient();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('a revocation gives the recipient that received the data exactly one open notice, with its webhook job; again, nothing new', async () => {
    const { offerId, individuals, consentIds } = await consented(2);
    const transferId = await delivered(offerId);
    const [revoking] = individuals;
    const before = await world.noticesOf(recipient);

    await revoke(revoking, consentIds[0]);
    // The ledger wrote the job in the revocation's own transaction.
    expect(await world.written('consent.ended', 'consentId', consentIds[0])).toHaveLength(1);
    expect(await world.propagateConsentEnds()).toBeGreaterThanOrEqual(1);

    const notices = await world.newNotices(recipient, before);
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice).toMatchObject({
      kind: 'consent_revoked',
      sourceKey: `consent:${consentIds[0]}`,
      offerId,
      status: 'open',
      subjects: [world.subjectOf(revoking, recipient)],
      transfers: [transferId],
      reason: 'The individual withdrew their consent.',
      attestedAt: null,
    });
    // Pseudonymous: the recipient's id for the individual, never the bank's.
    expect(notice.subjects).not.toContain(revoking.id);
    expect(notice.dueAt.getTime() - notice.issuedAt.getTime()).toBe(NOTICE_DUE_MINUTES * 60_000);
    expect(await world.written('notices.deliver-webhook', 'noticeId', notice.id)).toHaveLength(1);
    const covered = await dataSource().query(
      `SELECT "kind", "individual_id", "consent_id" FROM "withdrawal_notice_provisions" WHERE "notice_id" = $1`,
      [notice.id],
    );
    expect(covered).toEqual([{ kind: 'consent_revoked', individual_id: revoking.id, consent_id: consentIds[0] }]);

    // The same job delivered twice (or run by hand) issues nothing new.
    const again = await world
      .use(PropagateConsentEndUseCase)
      .execute(createRequestContext({ type: 'system', name: 'test' }), { consentId: consentIds[0] });
    expect(again.noticeIds).toEqual([]);
    expect(await world.newNotices(recipient, before)).toHaveLength(1);
  });

  it('a consent under which nothing was provided issues no notice', async () => {
    const { individuals, consentIds } = await consented(1);
    const before = await world.noticesOf(recipient);
    await revoke(individuals[0], consentIds[0]);
    await world.propagateConsentEnds();
    expect(await world.noticesOf(recipient)).toHaveLength(before.length);
    expect(await dataSource().query(`SELECT 1 FROM "withdrawal_notice_provisions" WHERE "consent_id" = $1`, [consentIds[0]])).toEqual([]);
  });

  it('a revocation denies the subject in a ready, undownloaded part (stale, rebuilt without them) and cancels a pending approval', async () => {
    const { offerId, individuals, consentIds } = await consented(2);
    const [revoking, staying] = individuals;
    const transferId = await transfers().requested(recipient, { offerId });
    await transfers().build(transferId);
    expect((await detail(transferId)).partList).toEqual([expect.objectContaining({ part: 1, status: 'ready', subjects: 2 })]);

    await revoke(revoking, consentIds[0]);
    await world.propagateConsentEnds();

    const after = await detail(transferId);
    expect(after.subjects).toEqual(
      expect.arrayContaining([
        { subject: world.subjectOf(revoking, recipient), status: 'denied', reason: 'revoked', part: null },
        expect.objectContaining({ subject: world.subjectOf(staying, recipient), status: 'pending', part: 1 }),
      ]),
    );
    expect(after.partList).toEqual([expect.objectContaining({ part: 1, status: 'stale' })]);
    expect(await world.pending('transfers.build')).toEqual(expect.arrayContaining([expect.objectContaining({ payload: { transferId } })]));
    const stale = await transfers().download(recipient, transferId, 1);
    expect(stale.status).toBe(409);
    await transfers().build(transferId);
    const rebuilt = await transfers().download(recipient, transferId, 1);
    expect(rebuilt.status).toBe(200);
    const { payload } = await transfers().open(recipient, rebuilt.body);
    expect(payload.subjects.map((subject) => subject.subject)).toEqual([world.subjectOf(staying, recipient)]);

    // Ask mode: the request waiting for the individual is cancelled, and can no longer be answered.
    const ask = await consented(1, recipient, { mode: 'ask' });
    const askTransfer = await transfers().requested(recipient, { offerId: ask.offerId });
    await transfers().build(askTransfer);
    const [asked] = ask.individuals;
    const waiting = await transfers().links.atPortal(asked, 'GET', '/v1/me/approvals?status=pending');
    expect(waiting.body).toHaveLength(1);
    const approvalRequestId = waiting.body[0].approvalRequestId as string;

    await revoke(asked, ask.consentIds[0]);
    await world.propagateConsentEnds();

    const listed = await transfers().links.atPortal(asked, 'GET', '/v1/me/approvals');
    expect(listed.body).toEqual([expect.objectContaining({ approvalRequestId, status: 'cancelled', decidedAt: expect.any(String) })]);
    expectRefused(
      await transfers().links.atPortal(asked, 'POST', `/v1/me/approvals/${approvalRequestId}`, { decision: 'approve' }),
      409,
      'APPROVAL_ALREADY_DECIDED',
    );
    expect((await detail(askTransfer)).subjects).toEqual([
      { subject: world.subjectOf(asked, recipient), status: 'denied', reason: 'revoked', part: null },
    ]);
  });

  it('a stop-use order notifies the recipient holding the offer’s data and halts its transfer still in flight; other recipients hear nothing', async () => {
    const bystander = await transfers().recipient();
    const { offerId, individuals } = await consented(2);
    const deliveredTransfer = await delivered(offerId);
    const bystanderOffer = await consented(1, bystander);
    await delivered(bystanderOffer.offerId, bystander);
    const inFlight = await transfers().requested(recipient, { offerId });
    await transfers().build(inFlight);
    expect((await detail(inFlight)).partList).toEqual([expect.objectContaining({ part: 1, status: 'ready' })]);
    const before = await world.noticesOf(recipient);

    const orderId = await world.effectiveOrder({ type: 'offer', id: offerId });
    expect(await world.written('stop-use-order.effective', 'orderId', orderId)).toHaveLength(1);
    expect(await world.propagateOrders()).toBe(1);

    const notices = await world.newNotices(recipient, before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'stop_use_order',
      sourceKey: `order:${orderId}`,
      offerId,
      status: 'open',
      subjects: individuals.map((individual) => world.subjectOf(individual, recipient)).sort(),
      transfers: [deliveredTransfer],
    });
    expect(await world.noticesOf(bystander)).toEqual([]);
    const halted = await detail(inFlight);
    expect(halted.subjects.map((subject: { status: string; reason: string }) => [subject.status, subject.reason])).toEqual([
      ['denied', 'offer_suspended'],
      ['denied', 'offer_suspended'],
    ]);
    expect(halted.partList).toEqual([expect.objectContaining({ part: 1, status: 'stale' })]);
    expect((await transfers().download(recipient, inFlight, 1)).status).toBe(409);
  });

  it('the data-life run notifies once a provision’s data life has ended, once per provision', async () => {
    const { offerId, individuals } = await consented(1, recipient, { offer: { dataLifeDays: 30 } });
    const transferId = await delivered(offerId);
    const before = await world.noticesOf(recipient);

    await world.dataLife(new Date(Date.now() + 29 * DAY));
    expect(await world.noticesOf(recipient)).toHaveLength(before.length);

    const issued = await world.dataLife(new Date(Date.now() + 31 * DAY));
    const notices = await world.newNotices(recipient, before);
    expect(notices).toHaveLength(1);
    expect(issued).toContain(notices[0].id);
    expect(notices[0]).toMatchObject({
      kind: 'data_life_ended',
      subjects: [world.subjectOf(individuals[0], recipient)],
      transfers: [transferId],
      offerId,
    });
    await world.dataLife(new Date(Date.now() + 32 * DAY));
    expect(await world.newNotices(recipient, before)).toHaveLength(1);
  });

  it('closing the account revokes its consents and the recipients that received its data get account_closed notices', async () => {
    const { offerId, individuals, consentIds } = await consented(1);
    const transferId = await delivered(offerId);
    const [closing] = individuals;
    const before = await world.noticesOf(recipient);

    const closed = await atPortalStepped(transfers().links, closing, 'DELETE', '/v1/me', await stepUp(transfers().links, closing));
    expect(closed.status).toBeLessThan(300);
    expect(await world.closeAccounts()).toBeGreaterThanOrEqual(1);
    expect(await world.written('consent.ended', 'consentId', consentIds[0])).toHaveLength(1);
    await world.propagateConsentEnds();

    const notices = await world.newNotices(recipient, before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'account_closed',
      sourceKey: `consent:${consentIds[0]}`,
      subjects: [world.subjectOf(closing, recipient)],
      transfers: [transferId],
      reason: 'The individual closed their information bank account.',
    });
  });
  it('erasing deposited data notifies every recipient that received it (data_erased), once per erasure', async () => {
    const { offerId, individuals } = await consented(1);
    const transferId = await delivered(offerId);
    const [erasing] = individuals;
    const before = await world.noticesOf(recipient);

    const erased = await atPortalStepped(
      transfers().links,
      erasing,
      'DELETE',
      `/v1/me/data?provider=${provider.organisationId}`,
      await stepUp(transfers().links, erasing),
    );
    expect(erased.status).toBe(204);
    const [job] = await world.written('data.erased', 'individualId', erasing.id);
    expect(job.payload).toEqual({ individualId: erasing.id, erasureId: expect.any(String) });
    await world.propagateErasures();

    const notices = await world.newNotices(recipient, before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'data_erased',
      sourceKey: `erasure:${job.payload.erasureId}`,
      subjects: [world.subjectOf(erasing, recipient)],
      transfers: [transferId],
    });
  });

  it('a part built before an erasure is rebuilt without the individual: denied erased, the others still provided', async () => {
    const { offerId, individuals } = await consented(2);
    const [erasing, staying] = individuals;
    const transferId = await transfers().requested(recipient, { offerId });
    await transfers().build(transferId);

    const erased = await atPortalStepped(
      transfers().links,
      erasing,
      'DELETE',
      `/v1/me/data?provider=${provider.organisationId}`,
      await stepUp(transfers().links, erasing),
    );
    expect(erased.status).toBe(204);
    await world.propagateErasures();
    expect((await detail(transferId)).partList).toEqual([expect.objectContaining({ part: 1, status: 'stale' })]);

    await transfers().build(transferId);
    const part = await transfers().download(recipient, transferId, 1);
    expect(part.status).toBe(200);
    const { payload } = await transfers().open(recipient, part.body);
    expect(payload.subjects.map((subject) => subject.subject)).toEqual([world.subjectOf(staying, recipient)]);
    expect((await detail(transferId)).subjects).toEqual(
      expect.arrayContaining([{ subject: world.subjectOf(erasing, recipient), status: 'denied', reason: 'erased', part: null }]),
    );
    const provided = await dataSource().query(`SELECT "individual_id" FROM "provision_records" WHERE "transfer_id" = $1`, [transferId]);
    expect(provided).toEqual([{ individual_id: staying.id }]);
  });
});
