import { randomUUID } from 'node:crypto';
import { createRequestContext } from '@infobank/platform';
import { MarkOverdueNoticesUseCase } from '@infobank/revocation';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { GATEWAY_HTTP_OPTIONS, GatewayModule } from '../../../apps/gateway/src/gateway.module';
import { RunningApp, startTestApp } from '../../support/http-app';
import { OrganisationClient, registerOrganisation, startOrganisationApi } from '../../support/organisation-client';
import { attest, seedNotice, storedNotice } from '../gateway/notice-world';
import { callJson } from '../portal/session-client';
import { asMember, signedInMember, type SignedInMember } from './cases-support';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

describe('ethics board: overdue deletion notices escalate, and each recipient’s attestation record', () => {
  let board: RunningApp;
  let gateway: RunningApp;
  let member: SignedInMember;
  const worker = createRequestContext({ type: 'system', name: 'job:notices.mark-overdue' });

  beforeAll(async () => {
    [board, gateway] = await Promise.all([
      startTestApp(EthicsBoardModule, {}, ETHICS_BOARD_ERROR_STATUS),
      startOrganisationApi(GatewayModule, 'gateway', GATEWAY_HTTP_OPTIONS),
    ]);
    member = await signedInMember(board, 'legal', true);
  });
  afterAll(async () => {
    await Promise.all([board?.close(), gateway?.close()]);
  });

  const recipient = (ja: string): Promise<OrganisationClient> =>
    registerOrganisation(gateway, { roles: ['recipient'], name: { ja, en: `${ja} Co., Ltd.` } });
  const markOverdue = () => gateway.app.get(MarkOverdueNoticesUseCase, { strict: false }).execute(worker);

  it('marks open notices past due overdue (not those still in time), lists them oldest due first, and they can still be attested', async () => {
    const late = await recipient('遅延商事株式会社');
    const later = await seedNotice(gateway, {
      recipientId: late.organisationId,
      kind: 'data_life_ended',
      issuedAt: new Date(Date.now() - 8 * DAY),
      dueAt: new Date(Date.now() - 2 * HOUR),
      transfers: [randomUUID(), randomUUID()],
    });
    const earlier = await seedNotice(gateway, {
      recipientId: late.organisationId,
      issuedAt: new Date(Date.now() - 9 * DAY),
      dueAt: new Date(Date.now() - 2 * DAY),
      subjects: ['subject-a', 'subject-b', 'subject-c'],
    });
    const inTime = await seedNotice(gateway, { recipientId: late.organisationId, issuedAt: new Date(Date.now() - DAY) });

    expect(await markOverdue()).toBeGreaterThanOrEqual(2);
    const [storedLater, storedEarlier, storedInTime] = await Promise.all([
      storedNotice(gateway, later.id),
      storedNotice(gateway, earlier.id),
      storedNotice(gateway, inTime.id),
    ]);
    expect([storedLater.status, storedEarlier.status, storedInTime.status]).toEqual(['overdue', 'overdue', 'open']);
    expect(storedLater.overdueAt).toBeInstanceOf(Date);
    // Running again finds nothing more of these.
    await markOverdue();
    expect((await storedNotice(gateway, later.id)).overdueAt).toEqual(storedLater.overdueAt);

    const listed = await asMember(board, member, 'GET', '/v1/attestations/overdue');
    expect(listed.status).toBe(200);
    const mine = listed.body.notices.filter((notice: { recipient: { id: string } }) => notice.recipient.id === late.organisationId);
    expect(mine).toEqual([
      {
        noticeId: earlier.id,
        recipient: { id: late.organisationId, name: { ja: '遅延商事株式会社', en: '遅延商事株式会社 Co., Ltd.' } },
        kind: 'consent_revoked',
        subjects: 3,
        transfers: 1,
        issuedAt: earlier.issuedAt.toISOString(),
        dueAt: storedEarlier.dueAt.toISOString(),
        overdueAt: storedEarlier.overdueAt?.toISOString(),
      },
      expect.objectContaining({ noticeId: later.id, kind: 'data_life_ended', subjects: 2, transfers: 2 }),
    ]);

    // The late recipient attests after all: the notice leaves the overdue list.
    const { response } = await attest(late, earlier);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('attested');
    const after = await asMember(board, member, 'GET', '/v1/attestations/overdue');
    expect(after.body.notices.map((notice: { noticeId: string }) => notice.noticeId)).not.toContain(earlier.id);
    expect(after.body.notices.map((notice: { noticeId: string }) => notice.noticeId)).toContain(later.id);
  });

  it('counts each recipient’s notices by state with the median time to attest (null when it attested none)', async () => {
    const prompt = await recipient('迅速データ株式会社');
    const silent = await recipient('無回答株式会社');
    for (const hours of [1, 2, 10]) {
      const notice = await seedNotice(gateway, { recipientId: prompt.organisationId, issuedAt: new Date(Date.now() - hours * HOUR) });
      expect((await attest(prompt, notice)).response.status).toBe(200);
    }
    await seedNotice(gateway, { recipientId: prompt.organisationId });
    await seedNotice(gateway, { recipientId: prompt.organisationId, status: 'overdue', issuedAt: new Date(Date.now() - 8 * DAY) });
    await seedNotice(gateway, { recipientId: silent.organisationId });

    const response = await asMember(board, member, 'GET', '/v1/attestations/recipients');
    expect(response.status).toBe(200);
    const byId = new Map(response.body.recipients.map((row: { recipient: { id: string } }) => [row.recipient.id, row]));
    const promptRow = byId.get(prompt.organisationId) as any;
    expect(promptRow).toMatchObject({
      recipient: { id: prompt.organisationId, name: { ja: '迅速データ株式会社', en: '迅速データ株式会社 Co., Ltd.' } },
      counts: { open: 1, attested: 3, overdue: 1 },
    });
    // The middle of 1 h, 2 h and 10 h (plus the seconds the attestations themselves took).
    expect(promptRow.medianSecondsToAttest).toBeGreaterThanOrEqual(7_200);
    expect(promptRow.medianSecondsToAttest).toBeLessThan(7_260);
    expect(byId.get(silent.organisationId)).toMatchObject({ counts: { open: 1, attested: 0, overdue: 0 }, medianSecondsToAttest: null });
  });

  it('is for signed-in board members only', async () => {
    expect((await callJson(board.url, 'GET', '/v1/attestations/overdue')).status).toBe(401);
    expect((await callJson(board.url, 'GET', '/v1/attestations/recipients')).status).toBe(401);
  });
});
