import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PendingAccountCheck } from '@infobank/auth';
import { BankKeyRing, loadKeyMaterial } from '@infobank/crypto';
import {
  createRequestContext,
  ensureLedgerPartitions,
  ReplicaReads,
  type RequestContext,
  withTransaction,
  Transactions,
} from '@infobank/platform';
import {
  SealTransparencyLogUseCase,
  TransparencyLog,
  verifyInclusionProofAgainstJwks,
  verifyLogProofDocument,
  TransparencyLogStore,
} from '@infobank/transparency-log';
import type { EntityManager } from 'typeorm';
import { analyzeAsOwner, eventually, isolatedEnvironment, type IsolatedEnvironment } from '../../../../../test/support/platform';
import { PROVISION_LEAF_KIND, provisionLeafBody } from '../domain/provision-leaf';
import { encodeProvisionCursor, parseProvisionHistoryQuery, type ProvisionHistoryQueryInput } from '../domain/provision-history-query';
import { ProvisionRecordEntity } from '../infrastructure/provision-record.entity';
import { GetProvisionProofUseCase } from './get-provision-proof.use-case';
import { pageStatement, ProvisionHistoryQueries } from '../infrastructure/provision-history.queries';
import { ProvisionRecordStore } from '../infrastructure/provision-record.store';
import { ListMyProvisionsUseCase, type MyProvisionView } from './list-my-provisions.use-case';
import { ProvisionCursors } from './provision-cursors';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

interface Seed {
  id: string;
  individualId: string;
  recipientId: string;
  offerId: string;
  providedAt: Date;
  leafId: string;
}

describe('provision history and proofs over Postgres', () => {
  let environment: IsolatedEnvironment;
  let keysDirectory: string;
  let keyRing: BankKeyRing;
  let log: TransparencyLog;
  let list: ListMyProvisionsUseCase;
  let cursors: ProvisionCursors;
  let proofs: GetProvisionProofUseCase;

  const alice = randomUUID();
  const bob = randomUUID();
  const recipientA = randomUUID();
  const recipientB = randomUUID();
  const offerA = randomUUID();
  const offerB = randomUUID();
  const as = (individualId: string): RequestContext => createRequestContext({ type: 'individual', id: individualId });
  let seeded: Seed[] = [];

  /** One provision row with its transparency log leaf, in the caller's transaction (as ProvisionRecorder writes them). */
  async function provide(
    manager: EntityManager,
    row: { individualId: string; recipientId: string; offerId: string; providedAt: string },
  ): Promise<Seed> {
    const id = randomUUID();
    const facts = {
      provisionId: id,
      consentId: randomUUID(),
      consentVersion: 2,
      recipientId: row.recipientId,
      offerId: row.offerId,
      transferId: randomUUID(),
      part: 1,
      subject: `subject-${id.slice(0, 8)}`,
      items: ['purchase.receipts#/lineItems', 'purchase.receipts#/store'],
      recordDigests: ['digest-1', 'digest-2', 'digest-3'],
      providedAt: new Date(row.providedAt),
    };
    const [leafId] = await log.appendMany(withTransaction(logCtx, manager), [
      { kind: PROVISION_LEAF_KIND, body: Buffer.from(provisionLeafBody(facts), 'utf8') },
    ]);
    await manager.insert(ProvisionRecordEntity, {
      id,
      individualId: row.individualId,
      subjectId: facts.subject,
      recipientId: row.recipientId,
      offerId: row.offerId,
      consentId: facts.consentId,
      consentVersion: facts.consentVersion,
      transferId: facts.transferId,
      part: facts.part,
      items: facts.items,
      recordDigests: facts.recordDigests,
      recipientName: { ja: '株式会社みらい', en: 'Mirai KK' },
      purposeCode: 'marketing.analysis',
      purposeText: { ja: '購買傾向の分析', en: 'Analysis of purchase trends' },
      benefit: { type: 'points', amount: 120, description: { ja: '120ポイント', en: '120 points' } },
      dataLifeDays: 30,
      providedAt: facts.providedAt,
      leafId,
    });
    return { id, individualId: row.individualId, recipientId: row.recipientId, offerId: row.offerId, providedAt: facts.providedAt, leafId };
  }

  const seal = () =>
    environment.dataSource.transaction((manager) =>
      new SealTransparencyLogUseCase(
        keyRing,
        new Transactions(environment.dataSource),
        new TransparencyLogStore(environment.dataSource),
      ).execute(withTransaction(logCtx, manager)),
    );
  /** Newest first, ties by id descending: the order the history promises. */
  const newestFirst = (rows: Seed[]) =>
    [...rows]
      .sort((left, right) => right.providedAt.getTime() - left.providedAt.getTime() || (left.id < right.id ? 1 : -1))
      .map((row) => row.id);
  const ids = (page: { provisions: MyProvisionView[] }) => page.provisions.map((provision) => provision.id);
  const allPages = async (ctx: RequestContext, query: ProvisionHistoryQueryInput): Promise<string[][]> => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await list.execute(ctx, { ...query, ...(cursor === undefined ? {} : { cursor }) });
      pages.push(ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages.length < 20);
    return pages;
  };

  beforeAll(async () => {
    environment = await isolatedEnvironment();
    keysDirectory = await mkdtemp(join(tmpdir(), 'infobank-provision-'));
    const material = await loadKeyMaterial({ keysDirectory, generateIfMissing: true });
    keyRing = await BankKeyRing.fromKeyMaterial(material);
    cursors = new ProvisionCursors(material);
    log = new TransparencyLog(new TransparencyLogStore(environment.dataSource));
    const primaryOnly = new ReplicaReads(environment.dataSource, null);
    list = new ListMyProvisionsUseCase(new ProvisionHistoryQueries(environment.dataSource), primaryOnly, cursors);
    proofs = new GetProvisionProofUseCase(new ProvisionRecordStore(environment.dataSource), log, primaryOnly);
    seeded = await environment.dataSource.transaction(async (manager) => {
      const rows: Seed[] = [];
      const plan: [string, string, string, string][] = [
        [alice, recipientA, offerA, '2026-05-01T00:00:00.000Z'],
        [alice, recipientA, offerA, '2026-05-02T00:00:00.000Z'],
        [alice, recipientB, offerB, '2026-05-03T00:00:00.000Z'],
        // Two at the same instant: the id breaks the tie.
        [alice, recipientB, offerB, '2026-05-04T00:00:00.000Z'],
        [alice, recipientA, offerA, '2026-05-04T00:00:00.000Z'],
        [alice, recipientA, offerB, '2026-05-05T00:00:00.000Z'],
        [alice, recipientB, offerA, '2026-05-06T00:00:00.000Z'],
        [bob, recipientA, offerA, '2026-05-03T12:00:00.000Z'],
        [bob, recipientB, offerB, '2026-05-07T00:00:00.000Z'],
      ];
      for (const [individualId, recipientId, offerId, providedAt] of plan)
        rows.push(await provide(manager, { individualId, recipientId, offerId, providedAt }));
      return rows;
    });
  });
  afterAll(async () => {
    await environment?.dispose();
    await rm(keysDirectory, { recursive: true, force: true });
  });

  const aliceRows = () => seeded.filter((row) => row.individualId === alice);

  it('Given my provisions, When I page through them, Then they come newest first with no overlap or gap, each with what it was', async () => {
    const pages = await allPages(as(alice), { limit: '3' });
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(newestFirst(aliceRows()));

    const [first] = (await list.execute(as(alice), { limit: 1 })).provisions;
    const newest = aliceRows().find((row) => row.id === first.id)!;
    expect(first).toEqual({
      id: newest.id,
      recipient: { id: recipientB, name: { ja: '株式会社みらい', en: 'Mirai KK' } },
      offer: { id: offerA, purposeCode: 'marketing.analysis', purpose: { ja: '購買傾向の分析', en: 'Analysis of purchase trends' } },
      items: ['purchase.receipts#/lineItems', 'purchase.receipts#/store'],
      itemLabels: [
        { itemId: 'purchase.receipts#/lineItems', label: { ja: '購入した商品と金額', en: 'Products bought and their prices' } },
        { itemId: 'purchase.receipts#/store', label: { ja: '購入したお店', en: 'Shop' } },
      ],
      records: 3,
      providedAt: '2026-05-06T00:00:00.000Z',
      consent: { id: expect.any(String), version: 2 },
      benefit: { type: 'points', amount: 120, description: { ja: '120ポイント', en: '120 points' } },
      dataLifeEndsAt: '2026-06-05T00:00:00.000Z',
    });
    // The cursor carries the position sealed: nothing in it reads as a time or an id.
    const { nextCursor } = await list.execute(as(alice), { limit: 1 });
    expect(nextCursor).toMatch(/^[A-Za-z0-9_-]{91}$/);
    expect(Buffer.from(nextCursor!, 'base64url').toString('latin1')).not.toMatch(/2026/);
    expect(Buffer.from(nextCursor!, 'base64url').toString('hex')).not.toContain(newest.id.replaceAll('-', ''));
  });

  it('Given a provision made at a microsecond, When I page past it, Then the next page starts right after it (the cursor keeps microseconds)', async () => {
    const carol = randomUUID();
    // Three provisions one microsecond apart (JavaScript dates stop at milliseconds; the column does not).
    await environment.dataSource.query(
      `INSERT INTO "provision_records" ("id", "individual_id", "subject_id", "recipient_id", "offer_id", "consent_id", "consent_version",
              "transfer_id", "part", "items", "record_digests", "recipient_name", "purpose_code", "purpose_text", "benefit",
              "data_life_days", "provided_at", "leaf_id")
       SELECT gen_random_uuid(), $1::uuid, 'subject', $2::uuid, $3::uuid, gen_random_uuid(), 1, gen_random_uuid(), 1,
              ARRAY['purchase.receipts#/lineItems'], ARRAY['digest'], '{"ja":"受領者"}', 'marketing.analysis', '{"ja":"目的"}',
              '{"type":"social","description":{"ja":"社会貢献"}}', 30, timestamptz '2026-05-01T00:00:00.123455Z' + n * interval '1 microsecond',
              gen_random_uuid()
         FROM generate_series(0, 2) AS n`,
      [carol, recipientA, offerA],
    );
    const pages = await allPages(as(carol), { limit: '1' });
    expect(pages.map((page) => page.length)).toEqual([1, 1, 1]);
    expect(new Set(pages.flat()).size).toBe(3);
    expect((await list.execute(as(carol), { limit: 1 })).provisions[0].providedAt).toBe('2026-05-01T00:00:00.123Z');
  });

  it('Given an id-only cursor issued before cursors carried the time, When I page with it, Then the next page is the same', async () => {
    const [first, ...rest] = newestFirst(aliceRows());
    expect(ids(await list.execute(as(alice), { cursor: encodeProvisionCursor(first) }))).toEqual(rest);
    expect(ids(await list.execute(as(bob), { cursor: encodeProvisionCursor(first) }))).toEqual([]);
  });

  it('Given an altered cursor, When I page with it, Then VALIDATION_FAILED names /cursor', async () => {
    const { nextCursor } = await list.execute(as(alice), { limit: 1 });
    const altered = `${nextCursor!.slice(0, 40)}${nextCursor![40] === 'A' ? 'B' : 'A'}${nextCursor!.slice(41)}`;
    await expect(list.execute(as(alice), { cursor: altered })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ path: '/cursor' })],
    });
  });

  it('Given filters, When I list, Then only provisions to that recipient, under that offer, or in [from, to) come back', async () => {
    const expected = (keep: (row: Seed) => boolean) => newestFirst(aliceRows().filter(keep));
    expect((await allPages(as(alice), { recipient: recipientA, limit: '2' })).flat()).toEqual(
      expected((row) => row.recipientId === recipientA),
    );
    expect((await allPages(as(alice), { offer: offerB, limit: '2' })).flat()).toEqual(expected((row) => row.offerId === offerB));
    expect(ids(await list.execute(as(alice), { recipient: recipientA, offer: offerB }))).toEqual(
      expected((row) => row.recipientId === recipientA && row.offerId === offerB),
    );
    // from inclusive, to exclusive; the offset is honoured (09:00 in Tokyo is 00:00 UTC).
    const window = await allPages(as(alice), { from: '2026-05-02T09:00:00+09:00', to: '2026-05-05T00:00:00Z', limit: '2' });
    expect(window.flat()).toEqual(
      expected((row) => row.providedAt >= new Date('2026-05-02T00:00:00Z') && row.providedAt < new Date('2026-05-05T00:00:00Z')),
    );
    expect(window.flat()).toHaveLength(4);
    // Bob's provisions never show, even filtered by a recipient we share.
    expect(ids(await list.execute(as(alice), { recipient: recipientA }))).not.toContain(
      seeded.find((row) => row.individualId === bob && row.recipientId === recipientA)!.id,
    );
  });

  it('Given my cursor, When another individual pages with it, Then it finds nothing, and they see only their own', async () => {
    const { nextCursor } = await list.execute(as(alice), { limit: 2 });
    expect(nextCursor).not.toBeNull();
    expect(await list.execute(as(bob), { cursor: nextCursor! })).toEqual({ provisions: [], nextCursor: null });
    expect(ids(await list.execute(as(bob)))).toEqual(newestFirst(seeded.filter((row) => row.individualId === bob)));
  });

  it('Given bad parameters or a caller who is not an individual, When listing, Then VALIDATION_FAILED names each parameter, or UNAUTHENTICATED', async () => {
    await expect(
      list.execute(as(alice), { recipient: 'nope', offer: '42', from: '2026-05-01', to: 'later', cursor: 'x', limit: '500' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: ['/recipient', '/offer', '/from', '/to', '/cursor', '/limit'].map((path) => expect.objectContaining({ path })),
    });
    await expect(
      list.execute(createRequestContext({ type: 'organisation', id: recipientA, roles: ['recipient'] }), {}),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("Given the guard's account check left to the page's read, When the account admits the session, Then the page's own statement confirms the check, else it reads nothing and leaves it pending", async () => {
    await environment.dataSource.query(
      `INSERT INTO "accounts" ("id", "kind", "email", "password_hash", "display_name", "language") VALUES ($1, 'individual', $2, 'x', 'Alice', 'ja')`,
      [alice, `alice-${alice}@example.jp`],
    );
    const issuedAt = new Date(Date.now() - 60_000);
    const checkOf = (role: 'individual' | 'staff' = 'individual') => new PendingAccountCheck({ accountId: alice, role, issuedAt });
    const history = list;
    const admitted = checkOf();
    expect(pageStatement(alice, parseProvisionHistoryQuery({}).query, admitted).sql).toContain('"accounts"');
    expect(ids(await history.execute(as(alice), { limit: 3 }, admitted))).toEqual(newestFirst(aliceRows()).slice(0, 3));
    expect(admitted.isConfirmed).toBe(true);

    // A password reset after the token was issued, a disabled account, another kind of account: no provision is read.
    const refusedBy = async (change: string, role?: 'staff') => {
      await environment.dataSource.query(`UPDATE "accounts" SET ${change} WHERE "id" = $1`, [alice]);
      const refused = checkOf(role);
      expect(await history.execute(as(alice), { limit: 3 }, refused)).toEqual({ provisions: [], nextCursor: null });
      expect(refused.isConfirmed).toBe(false);
      await environment.dataSource.query(`UPDATE "accounts" SET "sessions_not_before" = NULL, "disabled_at" = NULL WHERE "id" = $1`, [
        alice,
      ]);
    };
    await refusedBy(`"sessions_not_before" = now()`);
    await refusedBy(`"disabled_at" = now()`);
    await refusedBy(`"language" = 'ja'`, 'staff');
    // A reset before the token was issued leaves it admitted.
    await environment.dataSource.query(`UPDATE "accounts" SET "sessions_not_before" = $2 WHERE "id" = $1`, [
      alice,
      new Date(issuedAt.getTime() - 1),
    ]);
    const afterEarlierReset = checkOf();
    expect(ids(await history.execute(as(alice), { limit: 3 }, afterEarlierReset))).toHaveLength(3);
    expect(afterEarlierReset.isConfirmed).toBe(true);
    await environment.dataSource.query(`DELETE FROM "accounts" WHERE "id" = $1`, [alice]);
  });

  it('Given 10,000 provisions of one individual among others, When a page is read, Then ix_provision_records_individual_time serves it backwards with no sort', async () => {
    const heavy = randomUUID();
    // Their month's partition, as the schedule would have made it then (not the DEFAULT partition).
    await ensureLedgerPartitions(environment.dataSource.manager, { now: new Date(), since: new Date('2026-01-01T00:00:00Z') });
    await environment.dataSource.query(
      `INSERT INTO "provision_records" ("id", "individual_id", "subject_id", "recipient_id", "offer_id", "consent_id", "consent_version",
              "transfer_id", "part", "items", "record_digests", "recipient_name", "purpose_code", "purpose_text", "benefit",
              "data_life_days", "provided_at", "leaf_id")
       SELECT gen_random_uuid(), CASE WHEN n <= 10000 THEN $1::uuid ELSE gen_random_uuid() END, 'subject', $2::uuid, $3::uuid,
              gen_random_uuid(), 1, gen_random_uuid(), 1, ARRAY['purchase.receipts#/lineItems'], ARRAY['digest'],
              '{"ja":"受領者"}', 'marketing.analysis', '{"ja":"目的"}', '{"type":"social","description":{"ja":"社会貢献"}}',
              30, timestamptz '2026-01-01T00:00:00Z' + n * interval '1 minute', gen_random_uuid()
         FROM generate_series(1, 30000) AS n`,
      [heavy, recipientA, offerA],
    );
    await analyzeAsOwner(environment.config, 'provision_records');
    const firstPage = await list.execute(as(heavy), { limit: '50' });
    expect(firstPage.provisions).toHaveLength(50);

    const manager = environment.dataSource.manager;
    const plans: string[] = [];
    for (const input of [
      {},
      { cursor: firstPage.nextCursor! },
      { from: '2026-01-02T00:00:00Z', to: '2026-01-05T00:00:00Z' },
      { recipient: recipientA, cursor: firstPage.nextCursor! },
      { offer: offerA, from: '2026-01-02T00:00:00Z' },
      { cursor: encodeProvisionCursor(firstPage.provisions[49].id) },
    ] satisfies ProvisionHistoryQueryInput[]) {
      const { sql, parameters } = pageStatement(
        heavy,
        parseProvisionHistoryQuery({ limit: '50', ...input }, (text) => cursors.read(heavy, text)).query,
      );
      const rows: { 'QUERY PLAN': string }[] = await manager.query(`EXPLAIN ${sql}`, parameters);
      plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
    }
    for (const plan of plans) {
      // Partitioned by month: each month's copy of the index, merged in order (Merge Append's "Sort Key" is no sort).
      expect(plan).toMatch(
        /Index Scan Backward using provision_records_p2026_01_individual_id_provided_at_id_idx on provision_records_p2026_01/,
      );
      expect(plan).not.toMatch(/^\s*(->\s+)?(Incremental )?Sort\s+\(/m);
      // (An empty month's partition may be read by a sequential scan of nothing; the month with the rows never is.)
      expect(plan).not.toMatch(/Seq Scan on provision_records_p2026_01\b/);
    }
    // The cursor bound is an index condition, not a filter over rows already read.
    expect(plans[1]).toMatch(/Index Cond: .*provided_at, id\) < /);
    expect(plans[5]).toMatch(/Index Cond: .*provided_at, id\) < /);
    // The sealed cursor's time is known when the statement is planned: the later months' partitions are not even opened.
    expect(plans[1]).not.toMatch(/provision_records_p2026_(0[2-9]|1[0-2])/);
    expect(plans[5]).toMatch(/provision_records_p2026_02/);
  });

  it('Given a sealed provision, When I ask for its proof, Then it verifies against the JWKS, and altering one byte of the leaf makes it fail', async () => {
    const mine = aliceRows()[0];
    await expect(proofs.execute(as(alice), mine.id)).rejects.toMatchObject({ code: 'PROVISION_PROOF_NOT_READY' });
    const proof = await eventually('the provision leaf sealed', async () => {
      await seal();
      return proofs.execute(as(alice), mine.id).catch(() => null);
    });

    expect(proof.provision).toMatchObject({ id: mine.id, providedAt: mine.providedAt.toISOString(), offerId: offerA });
    expect(JSON.parse(proof.leafBody)).toMatchObject({ kind: 'provision', provisionId: mine.id, recipientId: recipientA, offerId: offerA });
    expect(Buffer.from(proof.leaf, 'base64url').toString('utf8')).toBe(proof.leafBody);
    const jwks = keyRing.publicJwks();
    const checkpoint = await verifyInclusionProofAgainstJwks(proof, jwks);
    expect(checkpoint.treeSize).toBeGreaterThan(proof.leafIndex);
    // What `admin log:verify-proof FILE` runs on the saved response.
    await expect(verifyLogProofDocument(JSON.parse(JSON.stringify(proof)), jwks)).resolves.toMatchObject({
      valid: true,
      proof: 'inclusion',
    });

    const altered = Buffer.from(proof.leafBody, 'utf8');
    altered[altered.indexOf('"part":1') + '"part":'.length] = '2'.charCodeAt(0);
    await expect(verifyInclusionProofAgainstJwks({ ...proof, leaf: altered.toString('base64url') }, jwks)).rejects.toMatchObject({
      code: 'LOG_PROOF_INVALID',
    });
  });

  it("Given another individual's provision or a malformed id, When I ask for its proof, Then it reads as PROVISION_NOT_FOUND", async () => {
    await eventually('every seeded leaf sealed', async () => {
      await seal();
      return (await Promise.all(seeded.map((row) => log.inclusionProof(logCtx, row.leafId)))).every((proof) => proof !== null);
    });
    const bobs = seeded.find((row) => row.individualId === bob)!;
    await expect(proofs.execute(as(bob), bobs.id)).resolves.toMatchObject({ provision: { id: bobs.id } });
    await expect(proofs.execute(as(alice), bobs.id)).rejects.toMatchObject({ code: 'PROVISION_NOT_FOUND' });
    await expect(proofs.execute(as(alice), 'not-a-uuid')).rejects.toMatchObject({ code: 'PROVISION_NOT_FOUND' });
    await expect(proofs.execute(as(alice), randomUUID())).rejects.toMatchObject({ code: 'PROVISION_NOT_FOUND' });
  });
});
