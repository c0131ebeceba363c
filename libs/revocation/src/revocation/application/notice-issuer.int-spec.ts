import { randomUUID } from 'node:crypto';
import { createRequestContext, withTransaction } from '@infobank/platform';
import type { ProvisionForNotice } from '@infobank/provision';
import type { DataSource } from 'typeorm';
import { openTestDataSource, testConfig } from '../../../../../test/support/platform';
import { WithdrawalNoticeStore } from '../infrastructure/withdrawal-notice.store';
import { NoticeIssuer } from './notice-issuer';

describe('NoticeIssuer: one notice per recipient and cause, each provision noticed once per kind, in bounded statements', () => {
  let dataSource: DataSource;
  const issuer = new NoticeIssuer(testConfig({ NOTICE_DUE_MINUTES: '60' }), new WithdrawalNoticeStore());
  const worker = createRequestContext({ type: 'system', name: 'test' });

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  const provisions = (count: number, recipientId: string, offerId: string = randomUUID()): ProvisionForNotice[] =>
    Array.from({ length: count }, (_, index) => ({
      provisionId: randomUUID(),
      individualId: randomUUID(),
      consentId: randomUUID(),
      recipientId,
      offerId,
      subjectId: `subject-${index.toString().padStart(6, '0')}-${randomUUID()}`,
      transferId: randomUUID(),
    }));
  const notices = (recipientId: string) =>
    dataSource.query(
      `SELECT "id", "kind", "offer_id", cardinality("subjects") AS "subjects", cardinality("transfers") AS "transfers", "issued_at", "due_at"
         FROM "withdrawal_notices" WHERE "recipient_id" = $1`,
      [recipientId],
    );

  it('covers 12,000 provisions of one recipient with one notice (chunks of 5,000) and its webhook job; the same cause again issues nothing', async () => {
    const recipientId = randomUUID();
    const offerId = randomUUID();
    const held = provisions(12_000, recipientId, offerId);
    const sourceKey = `order:${randomUUID()}`;
    const issued = await dataSource.transaction((manager) =>
      issuer.issue(withTransaction(worker, manager), { kind: 'stop_use_order', sourceKey, provisions: held }),
    );
    expect(issued).toHaveLength(1);
    const [notice] = await notices(recipientId);
    expect(notice).toMatchObject({ id: issued[0], kind: 'stop_use_order', offer_id: offerId, subjects: 12_000, transfers: 12_000 });
    expect(new Date(notice.due_at).getTime() - new Date(notice.issued_at).getTime()).toBe(60 * 60_000);
    const stored: { subjects: string[] }[] = await dataSource.query(`SELECT "subjects" FROM "withdrawal_notices" WHERE "id" = $1`, [
      issued[0],
    ]);
    expect(stored[0].subjects).toEqual(held.map((provision) => provision.subjectId).sort());
    const covered = await dataSource.query(`SELECT count(*)::int AS "n" FROM "withdrawal_notice_provisions" WHERE "notice_id" = $1`, [
      issued[0],
    ]);
    expect(covered).toEqual([{ n: 12_000 }]);
    const jobs = await dataSource.query(
      `SELECT 1 FROM "outbox" WHERE "job_name" = 'notices.deliver-webhook' AND "payload" ->> 'noticeId' = $1`,
      [issued[0]],
    );
    expect(jobs).toHaveLength(1);

    const again = await dataSource.transaction((manager) =>
      issuer.issue(withTransaction(worker, manager), { kind: 'stop_use_order', sourceKey, provisions: held }),
    );
    expect(again).toEqual([]);
    // Another cause of the same kind over the same provisions: nothing new to notice, so no empty notice is left behind.
    const other = await dataSource.transaction((manager) =>
      issuer.issue(withTransaction(worker, manager), { kind: 'stop_use_order', sourceKey: `order:${randomUUID()}`, provisions: held }),
    );
    expect(other).toEqual([]);
    expect(await notices(recipientId)).toHaveLength(1);
  });

  it('groups by recipient, counts only provisions new for the kind, and leaves the offer empty when several are covered', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const already = provisions(2, first);
    await dataSource.transaction((manager) =>
      issuer.issue(withTransaction(worker, manager), {
        kind: 'data_life_ended',
        sourceKey: `data-life:${randomUUID()}`,
        provisions: already,
      }),
    );
    // The second recipient's three provisions came under two offers.
    const fresh = [...provisions(1, first), ...provisions(2, second), ...provisions(1, second)];
    const issued = await dataSource.transaction((manager) =>
      issuer.issue(withTransaction(worker, manager), {
        kind: 'data_life_ended',
        sourceKey: `data-life:${randomUUID()}`,
        provisions: [...already, ...fresh],
      }),
    );
    expect(issued).toHaveLength(2);
    const [firstNotices, secondNotices] = [await notices(first), await notices(second)];
    expect(firstNotices.map((notice: { subjects: number }) => notice.subjects).sort()).toEqual([1, 2]);
    expect(secondNotices).toEqual([expect.objectContaining({ subjects: 3, offer_id: null })]);
    // The same provisions under another kind are noticed again.
    const revoked = await dataSource.transaction((manager) =>
      issuer.issue(withTransaction(worker, manager), {
        kind: 'consent_revoked',
        sourceKey: `consent:${randomUUID()}`,
        provisions: already,
      }),
    );
    expect(revoked).toHaveLength(1);
  });
});
