// Leak tracing over a real delivery: a decrypted package (or any JSON or CSV holding its ids) names the recipient,
// transfer and part it came from; ids made with another bank's secret, or random ones, are "unknown".
import { pseudonymousSubjectId, PseudonymousIds } from '@infobank/crypto';
import { randomBytes } from 'node:crypto';
import { ETHICS_BOARD_ERROR_STATUS } from '../../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../../apps/ethics-board/src/ethics-board.module';
import { startTestApp, type RunningApp } from '../../support/http-app';
import { receiptRecord } from '../intake/deposits-client';
import type { Individual } from '../intake/link-world';
import { daysAgo, TransferWorld, type OpenedPart, type Recipient } from '../gateway/transfer-world';
import { signedInMember, type SignedInMember } from './cases-support';

describe('ethics board: leak tracing names the recipient, transfer and part a leaked file came from', () => {
  let world: TransferWorld;
  let board: RunningApp;
  let member: SignedInMember;
  let shop: Recipient;
  let lab: Recipient;
  let alice: Individual;
  let bob: Individual;
  let shopTransfer: string;
  let labTransfer: string;
  let leaked: OpenedPart;

  async function trace(body: unknown, bearer: string | null = member.accessToken): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    const response = await fetch(`${board.url}/v1/audit/trace`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }

  const subjectOf = (recipient: Recipient, individual: Individual) =>
    world.use(PseudonymousIds).forRecipient(recipient.client.organisationId, individual.id);

  beforeAll(async () => {
    world = await TransferWorld.start();
    board = await startTestApp(
      EthicsBoardModule,
      { DATABASE_NAME: world.environment.config.database.name, REDIS_PREFIX: world.environment.config.redis.prefix },
      ETHICS_BOARD_ERROR_STATUS,
    );
    member = await signedInMember(board, 'security', true);
    const provider = await world.provider();
    [shop, lab] = await Promise.all([
      world.recipient({ ja: '追跡テスト商店', en: 'Trace Test Shop' }),
      world.recipient({ ja: '追跡テスト研究所', en: 'Trace Test Lab' }),
    ]);
    const [shopOffer, labOffer] = await Promise.all([
      world.approvedOffer(shop, { dataRange: { fromDaysAgo: 30 } }),
      world.approvedOffer(lab, { dataRange: { fromDaysAgo: 30 }, purposeCode: 'research_and_development' }),
    ]);
    const records = (customerRef: string) => [receiptRecord(customerRef, { observedAt: daysAgo(2) })];
    [alice, bob] = await Promise.all([world.individualWithRecords(provider, records), world.individualWithRecords(provider, records)]);
    await world.consent(alice, shopOffer);
    await world.consent(bob, shopOffer);
    await world.consent(alice, labOffer);
    shopTransfer = await world.requested(shop, { offerId: shopOffer });
    await world.build(shopTransfer);
    const part = await world.download(shop, shopTransfer, 1);
    if (part.status !== 200) throw new Error(`download refused: ${part.status}`);
    leaked = await world.open(shop, part.body as string);
    labTransfer = await world.requested(lab, { offerId: labOffer });
    await world.build(labTransfer);
    if ((await world.download(lab, labTransfer, 1)).status !== 200) throw new Error('lab download refused');
  }, 180_000);

  afterAll(async () => {
    await board?.close();
    await world?.close();
  });

  it('traces a decrypted package file to its recipient, transfer and part', async () => {
    expect(leaked.payload.subjects.map((subject) => subject.subject).sort()).toEqual([subjectOf(shop, alice), subjectOf(shop, bob)].sort());
    const answer = await trace({ file: JSON.stringify(leaked.payload) });
    expect(answer.status).toBe(200);
    expect(answer.body.summary).toMatchObject({
      ids: 2,
      found: 2,
      unknown: 0,
      recipients: [{ id: shop.client.organisationId, name: { ja: '追跡テスト商店', en: 'Trace Test Shop' }, ids: 2 }],
    });
    for (const subject of answer.body.subjects) {
      expect(subject).toMatchObject({
        status: 'found',
        provisions: [{ recipient: { id: shop.client.organisationId }, transferId: shopTransfer, part: 1, providedAt: expect.any(String) }],
      });
    }
  });

  it('traces ids in a CSV file (also sent as base64) and given as a list; the lab id leads to the lab', async () => {
    const csv = `subject,total\n${subjectOf(shop, bob)},440\n${subjectOf(lab, alice)},440\n`;
    for (const body of [{ file: csv }, { file: Buffer.from(csv).toString('base64'), fileEncoding: 'base64' }]) {
      const answer = await trace(body);
      expect(answer.status).toBe(200);
      const byId = new Map(answer.body.subjects.map((subject: any) => [subject.subjectId, subject]));
      expect((byId.get(subjectOf(shop, bob)) as any).provisions[0]).toMatchObject({ transferId: shopTransfer, part: 1 });
      expect((byId.get(subjectOf(lab, alice)) as any).provisions[0]).toMatchObject({
        recipient: { id: lab.client.organisationId },
        transferId: labTransfer,
        part: 1,
      });
    }
  });

  it('answers "unknown" for ids made with another bank secret and for random ids', async () => {
    const otherBank = pseudonymousSubjectId(randomBytes(32), shop.client.organisationId, alice.id);
    const random = randomBytes(32).toString('base64url');
    const answer = await trace({ subjectIds: [otherBank, random, subjectOf(shop, alice)] });
    expect(answer.status).toBe(200);
    expect(answer.body.subjects).toEqual([
      { subjectId: otherBank, status: 'unknown' },
      { subjectId: random, status: 'unknown' },
      expect.objectContaining({ subjectId: subjectOf(shop, alice), status: 'found' }),
    ]);
    expect(answer.body.summary).toMatchObject({ ids: 3, found: 1, unknown: 2 });
  });

  it('refuses bad input and anyone but the board', async () => {
    expect((await trace({})).body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await trace({ subjectIds: ['x'], file: 'y' })).status).toBe(400);
    expect((await trace({ file: 'no ids in here' })).body.errors).toEqual([{ path: '/file', message: 'holds no pseudonymous subject id' }]);
    expect((await trace({ subjectIds: [subjectOf(shop, alice)] }, null)).status).toBe(401);
    expect([401, 403]).toContain((await trace({ subjectIds: [subjectOf(shop, alice)] }, alice.accessToken)).status);
  });
});
