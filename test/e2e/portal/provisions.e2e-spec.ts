import { createRequestContext, withTransaction } from '@infobank/platform';
import {
  SealTransparencyLogUseCase,
  parseBankJwks,
  verifyInclusionProofAgainstJwks,
  verifyLogProofDocument,
} from '@infobank/transparency-log';
import type { Individual } from '../intake/link-world';
import { daysAgo, TransferWorld, type Recipient } from '../gateway/transfer-world';
import { receiptRecord } from '../intake/deposits-client';
import { expectProblem } from './session-client';

/** The context the tests read and seal the transparency log under. */
const logCtx = createRequestContext({ type: 'system', name: 'transparency-log-test' });

describe('portal: my provision history (提供履歴) and its proofs, after a real transfer', () => {
  let world: TransferWorld;
  let recipient: Recipient;
  let offerId: string;
  let alice: Individual;
  let bob: Individual;
  let aliceConsent: string;
  let bobConsent: string;
  let transferId: string;

  const atPortal = (individual: Individual | null, path: string) => world.links.atPortal(individual, 'GET', path);
  const consentVersion = async (individual: Individual, consentId: string): Promise<number> =>
    (await world.links.atPortal(individual, 'GET', `/v1/me/consents/${consentId}`)).body.version as number;
  /** Runs the sealer (as the worker's ledger job does) until the provision's proof is served. */
  const sealedProof = async (individual: Individual, provisionId: string) => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      await world.environment.dataSource.transaction((manager) =>
        world.use(SealTransparencyLogUseCase).execute(withTransaction(logCtx, manager)),
      );
      const response = await atPortal(individual, `/v1/me/provisions/${provisionId}/proof`);
      if (response.status === 200) return response;
      expectProblem(response, 409, 'PROVISION_PROOF_NOT_READY');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The provision was never sealed');
  };

  beforeAll(async () => {
    world = await TransferWorld.start();
    const provider = await world.provider();
    recipient = await world.recipient({ ja: '株式会社テスト受領', en: 'Test Recipient K.K.' });
    offerId = await world.approvedOffer(recipient, { dataRange: { fromDaysAgo: 30 } });
    const records = (customerRef: string) => [
      receiptRecord(customerRef, { observedAt: daysAgo(2) }),
      receiptRecord(customerRef, { observedAt: daysAgo(5) }),
    ];
    [alice, bob] = await Promise.all([world.individualWithRecords(provider, records), world.individualWithRecords(provider, records)]);
    aliceConsent = await world.consent(alice, offerId, { optionalItems: ['purchase.receipts#/store'] });
    bobConsent = await world.consent(bob, offerId, { optionalItems: [] });

    transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    const part = await world.download(recipient, transferId, 1);
    if (part.status !== 200) throw new Error(`Download of part 1 failed: ${part.status} ${JSON.stringify(part.body)}`);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('lists exactly my own provision: recipient, purpose, items, consent and benefit; and my benefits show the credit', async () => {
    const mine = await atPortal(alice, '/v1/me/provisions');
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(mine.body.nextCursor).toBeNull();
    expect(mine.body.provisions).toHaveLength(1);
    const [provision] = mine.body.provisions;
    expect(provision).toEqual({
      id: expect.any(String),
      recipient: { id: recipient.client.organisationId, name: { ja: '株式会社テスト受領', en: 'Test Recipient K.K.' } },
      offer: {
        id: offerId,
        purposeCode: 'marketing',
        purpose: { ja: 'お買い物の傾向に合わせたクーポンをお届けします。', en: 'We send you coupons that match how you shop.' },
      },
      items: expect.arrayContaining(['purchase.receipts#/lineItems', 'purchase.receipts#/store']),
      itemLabels: expect.arrayContaining([
        { itemId: 'purchase.receipts#/lineItems', label: { ja: '購入した商品と金額', en: 'Products bought and their prices' } },
        { itemId: 'purchase.receipts#/store', label: { ja: '購入したお店', en: 'Shop' } },
      ]),
      records: 2,
      providedAt: expect.any(String),
      consent: { id: aliceConsent, version: await consentVersion(alice, aliceConsent) },
      benefit: { type: 'points', amount: 500, description: { ja: '毎月500ポイント', en: '500 points a month' } },
      dataLifeEndsAt: expect.any(String),
    });
    expect(provision.items).toHaveLength(2);
    expect(Date.parse(provision.dataLifeEndsAt) - Date.parse(provision.providedAt)).toBe(365 * 24 * 3600 * 1000);

    const theirs = await atPortal(bob, '/v1/me/provisions');
    expect(theirs.status).toBe(200);
    expect(theirs.body.provisions).toHaveLength(1);
    expect(theirs.body.provisions[0]).toMatchObject({ consent: { id: bobConsent }, items: ['purchase.receipts#/lineItems'], records: 2 });
    expect(theirs.body.provisions[0].id).not.toBe(provision.id);

    // Filters reach the same row, or none.
    expect(
      (await atPortal(alice, `/v1/me/provisions?recipient=${recipient.client.organisationId}&offer=${offerId}`)).body.provisions,
    ).toHaveLength(1);
    expect((await atPortal(alice, `/v1/me/provisions?to=${encodeURIComponent(daysAgo(1))}`)).body.provisions).toEqual([]);

    const benefits = await atPortal(alice, '/v1/me/benefits');
    expect(benefits.status).toBe(200);
    expect(benefits.body.balance).toMatchObject({ points: 500 });
    expect(benefits.body.entries).toEqual([
      expect.objectContaining({
        provisionId: provision.id,
        offerId,
        type: 'points',
        amount: 500,
        recipient: expect.objectContaining({ id: recipient.client.organisationId }),
      }),
    ]);
  });

  it("serves my provision's inclusion proof once sealed, verifiable against the portal's JWKS; another's provision is 404", async () => {
    const [mine] = (await atPortal(alice, '/v1/me/provisions')).body.provisions;
    const [bobs] = (await atPortal(bob, '/v1/me/provisions')).body.provisions;

    const proof = await sealedProof(alice, mine.id);
    expect(proof.headers.get('cache-control')).toBe('no-store');
    expect(proof.body.provision).toMatchObject({ id: mine.id, providedAt: mine.providedAt, consent: { id: aliceConsent } });
    expect(JSON.parse(proof.body.leafBody)).toMatchObject({ kind: 'provision', provisionId: mine.id, transferId, part: 1, offerId });
    expect(proof.body.leafBody).not.toContain(alice.id);

    const jwks = parseBankJwks(await fetch(`${world.portal.url}/.well-known/jwks.json`).then((response) => response.json()));
    const checkpoint = await verifyInclusionProofAgainstJwks(proof.body, jwks);
    expect(checkpoint.treeSize).toBeGreaterThan(proof.body.leafIndex);
    // The saved response is what `npm run admin -- log:verify-proof FILE` checks.
    await expect(verifyLogProofDocument(proof.body, jwks)).resolves.toMatchObject({ valid: true, proof: 'inclusion' });

    expectProblem(await atPortal(alice, `/v1/me/provisions/${bobs.id}/proof`), 404, 'PROVISION_NOT_FOUND');
    expectProblem(await atPortal(alice, '/v1/me/provisions/not-an-id/proof'), 400, 'VALIDATION_FAILED');
  });

  it('refuses bad parameters naming each one, and anonymous callers', async () => {
    const bad = await atPortal(alice, '/v1/me/provisions?recipient=x&from=yesterday&limit=0');
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors.map((problem: { path: string }) => problem.path)).toEqual(['/recipient', '/from', '/limit']);
    expectProblem(await atPortal(null, '/v1/me/provisions'), 401, 'UNAUTHENTICATED');
  });

  // The page's statement carries the guard's account check (one round trip); an empty page or a bad query is checked on its own.
  it('refuses my history, a page with rows, an empty page or a bad query alike, once my sessions were reset after my token or my account is disabled', async () => {
    const owner = world.environment.dataSource;
    const emptyWindow = '/v1/me/provisions?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z';
    const refusedEverywhere = async () => {
      for (const path of ['/v1/me/provisions', emptyWindow, '/v1/me/provisions?limit=0']) {
        const response = await atPortal(bob, path);
        expectProblem(response, 401, 'UNAUTHENTICATED');
        expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
        expect(response.body.provisions).toBeUndefined();
      }
    };
    expect((await atPortal(bob, '/v1/me/provisions')).body.provisions).toHaveLength(1);
    expect((await atPortal(bob, emptyWindow)).body).toEqual({ provisions: [], nextCursor: null });
    try {
      // A password reset after the token was issued ends it.
      await owner.query(`UPDATE "accounts" SET "sessions_not_before" = now() + interval '1 minute' WHERE "id" = $1`, [bob.id]);
      await refusedEverywhere();
      await owner.query(`UPDATE "accounts" SET "sessions_not_before" = NULL, "disabled_at" = now() WHERE "id" = $1`, [bob.id]);
      await refusedEverywhere();
    } finally {
      await owner.query(`UPDATE "accounts" SET "sessions_not_before" = NULL, "disabled_at" = NULL WHERE "id" = $1`, [bob.id]);
    }
    expect((await atPortal(bob, '/v1/me/provisions')).body.provisions).toHaveLength(1);
  });
});
