import {
  CreateOrganisationUseCase,
  OrganisationDirectory,
  OrganisationStore,
  SuspendOrganisationUseCase,
  validCorporateNumber,
} from '@infobank/catalog';
import { generateKeyPairJwk } from '@infobank/crypto';
import { createRequestContext, withTransaction, type RequestContext, Transactions } from '@infobank/platform';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { backendPid, blockersOf, connectionsForEachTest } from '../../../../../test/support/lock-waits';
import { offerTerms } from '../../../../../test/support/offer-terms';
import { eventually, openTestDataSource } from '../../../../../test/support/platform';
import { rejection } from '../../../../../test/support/refusals';
import type { OfferTerms } from '../domain/offer';
import { CreateOfferUseCase } from './create-offer.use-case';
import { GetCatalogueOfferUseCase } from './get-catalogue-offer.use-case';
import { GetOfferForProvisionUseCase } from './get-offer-for-provision.use-case';
import { RecordReviewOutcomeUseCase } from './record-review-outcome.use-case';
import { SubmitOfferUseCase } from './submit-offer.use-case';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';

describe('GetOfferForProvisionUseCase over Postgres', () => {
  const worker = createRequestContext({ type: 'system', name: 'transfer-worker' });
  const board = createRequestContext({ type: 'board_member', id: randomUUID() });
  let dataSource: DataSource;
  let transactions: Transactions;
  let offerStore: OfferStore;
  let reviewStore: OfferReviewOutcomeStore;
  let getForProvision: GetOfferForProvisionUseCase;
  let signingKey: Awaited<ReturnType<typeof generateKeyPairJwk>>;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    transactions = new Transactions(dataSource);
    offerStore = new OfferStore(dataSource);
    reviewStore = new OfferReviewOutcomeStore(dataSource);
    getForProvision = new GetOfferForProvisionUseCase(offerStore);
    signingKey = await generateKeyPairJwk('EdDSA');
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  async function newOrganisation(roles: ('provider' | 'recipient')[]): Promise<RequestContext> {
    const { id } = await new CreateOrganisationUseCase(transactions, new OrganisationStore(dataSource), {
      allowLocalWebhooks: true,
    }).execute(createRequestContext({ type: 'operator', name: 'test' }), {
      corporateNumber: validCorporateNumber(String(randomInt(0, 1e12)).padStart(12, '0')),
      name: { ja: '提供テスト株式会社' },
      country: 'JP',
      roles,
      signingKeys: [signingKey.publicJwk],
      termsVersion: '2025-04',
    });
    return createRequestContext({ type: 'organisation', id, roles });
  }

  /** An offer of `recipient` the board approved. */
  async function approvedOffer(recipient: RequestContext): Promise<string> {
    const { id } = await new CreateOfferUseCase(transactions, offerStore, reviewStore).execute(
      recipient,
      offerTerms() as unknown as OfferTerms,
    );
    await new SubmitOfferUseCase(transactions, offerStore, reviewStore).execute(recipient, id);
    await new RecordReviewOutcomeUseCase(transactions, offerStore, reviewStore).execute(board, {
      offerId: id,
      round: 1,
      outcome: 'approved',
      decidedAt: new Date(),
      reasons: ['承認'],
      caseId: randomUUID(),
      suspended: false,
    });
    return id;
  }

  describe('who reads which offer', () => {
    let owner: RequestContext;
    let offerId: string;

    beforeAll(async () => {
      owner = await newOrganisation(['recipient']);
      offerId = await approvedOffer(owner);
    });

    it('gives the worker and the operator any offer, and the recipient its own, as a snapshot', async () => {
      const operator = createRequestContext({ type: 'operator', name: 'test' });
      for (const ctx of [worker, operator, owner]) {
        const snapshot = await getForProvision.execute(ctx, offerId);
        expect(snapshot).toMatchObject({ id: offerId, status: 'approved', round: 1, purposeCode: 'marketing', dataLifeDays: 365 });
        expect(snapshot.items.map((item) => item.itemId)).toEqual(['purchase.receipts#/lineItems', 'purchase.receipts#/store']);
      }
    });

    it('answers OFFER_NOT_FOUND to another recipient, a provider, an individual, a board member and anyone anonymous', async () => {
      const refused = [
        await newOrganisation(['recipient']),
        await newOrganisation(['provider']),
        createRequestContext({ type: 'individual', id: randomUUID() }),
        board,
        createRequestContext({ type: 'anonymous' }),
      ];
      for (const ctx of refused) expect((await rejection(getForProvision.execute(ctx, offerId))).code).toBe('OFFER_NOT_FOUND');
    });

    it('answers OFFER_NOT_FOUND to a malformed id and a missing offer', async () => {
      expect((await rejection(getForProvision.execute(worker, 'not-a-uuid'))).code).toBe('OFFER_NOT_FOUND');
      expect((await rejection(getForProvision.execute(worker, randomUUID()))).code).toBe('OFFER_NOT_FOUND');
    });

    it('reports an approved offer past its validity as expired', async () => {
      const expiring = await approvedOffer(owner);
      await dataSource.query(`UPDATE offers SET valid_until = now() - interval '1 minute' WHERE id = $1`, [expiring]);
      expect((await getForProvision.execute(worker, expiring)).status).toBe('expired');
    });
  });

  describe('locking the offer FOR SHARE', () => {
    const connections = connectionsForEachTest(() => dataSource, 'holder', 'suspender');

    it('makes a concurrent suspension wait until the caller’s transaction commits', async () => {
      const offerId = await approvedOffer(await newOrganisation(['recipient']));
      const [holderPid, suspenderPid] = [await backendPid(connections.holder), await backendPid(connections.suspender)];

      await connections.holder.startTransaction();
      const snapshot = await getForProvision.execute(withTransaction(worker, connections.holder.manager), offerId, { lock: 'share' });
      expect(snapshot.status).toBe('approved');

      let suspended = false;
      const suspension = connections.suspender.query(`UPDATE offers SET status = 'suspended' WHERE id = $1`, [offerId]).then(() => {
        suspended = true;
      });
      // The suspension is parked behind the lock holder's row lock (not merely slow).
      await eventually('the suspension to wait for the share lock', async () =>
        (await blockersOf(dataSource, suspenderPid)).includes(holderPid),
      );
      expect(suspended).toBe(false);
      const [{ status }] = (await dataSource.query(`SELECT status FROM offers WHERE id = $1`, [offerId])) as { status: string }[];
      expect(status).toBe('approved');

      await connections.holder.commitTransaction();
      await suspension;
      expect(suspended).toBe(true);
      expect((await getForProvision.execute(worker, offerId)).status).toBe('suspended');
    });

    it('does not hold a suspension back without the lock option (the wait above is the lock’s doing)', async () => {
      const offerId = await approvedOffer(await newOrganisation(['recipient']));
      await connections.holder.startTransaction();
      await getForProvision.execute(withTransaction(worker, connections.holder.manager), offerId);

      await connections.suspender.query(`UPDATE offers SET status = 'suspended' WHERE id = $1`, [offerId]);
      expect((await getForProvision.execute(worker, offerId)).status).toBe('suspended');
    });

    it('lets other share-lock holders read at the same time', async () => {
      const offerId = await approvedOffer(await newOrganisation(['recipient']));
      await connections.holder.startTransaction();
      await connections.suspender.startTransaction();
      try {
        await getForProvision.execute(withTransaction(worker, connections.holder.manager), offerId, { lock: 'share' });
        const second = await getForProvision.execute(withTransaction(worker, connections.suspender.manager), offerId, { lock: 'share' });
        expect(second.id).toBe(offerId);
      } finally {
        await connections.suspender.rollbackTransaction();
      }
    });

    it('refuses a share lock outside a transaction: a programming error', async () => {
      const offerId = await approvedOffer(await newOrganisation(['recipient']));
      await expect(getForProvision.execute(worker, offerId, { lock: 'share' })).rejects.toThrow(/only inside a transaction/);
    });

    describe("the catalogue offer's commit-time re-check (a consent's write)", () => {
      const individual = createRequestContext({ type: 'individual', id: randomUUID() });
      let catalogue: GetCatalogueOfferUseCase;

      beforeAll(() => {
        catalogue = new GetCatalogueOfferUseCase(
          offerStore,
          reviewStore,
          new OrganisationDirectory(new OrganisationStore(dataSource)),
          transactions,
        );
      });

      const visible = async (ctx: RequestContext, offer: CheckedOffer, at: Date): Promise<boolean> =>
        (await transactions.runStatement(ctx, catalogue.stillVisiblePiece(offer, at))).length === 1;

      /** An approved offer of a new recipient, as a consent's write names it. */
      type CheckedOffer = { id: string; recipient: { id: string } };
      const approvedOfNewRecipient = async (): Promise<CheckedOffer> => {
        const recipient = await newOrganisation(['recipient']);
        return { id: await approvedOffer(recipient), recipient: { id: (recipient.actor as { id: string }).id } };
      };

      it('selects the offer while individuals may see it, and nothing once it is suspended or past its validity', async () => {
        const offer = await approvedOfNewRecipient();
        expect(await visible(individual, offer, new Date())).toBe(true);
        expect(await visible(individual, offer, new Date('2100-01-01T00:00:00Z'))).toBe(false);

        await dataSource.query(`UPDATE offers SET status = 'suspended' WHERE id = $1`, [offer.id]);
        expect(await visible(individual, offer, new Date())).toBe(false);
      });

      it('selects nothing once the recipient is suspended (the catalogue then reads the offer as not found)', async () => {
        const offer = await approvedOfNewRecipient();
        const operator = createRequestContext({ type: 'operator', name: 'test' });
        await new SuspendOrganisationUseCase(transactions, new OrganisationStore(dataSource)).execute(operator, {
          organisationId: offer.recipient.id,
        });
        expect(await visible(individual, offer, new Date())).toBe(false);
        expect((await rejection(catalogue.execute(individual, { offerId: offer.id, language: 'ja' }))).code).toBe('OFFER_NOT_FOUND');
      });

      it('makes a concurrent suspension wait until the write that re-checked the offer commits', async () => {
        const offer = await approvedOfNewRecipient();
        const [holderPid, suspenderPid] = [await backendPid(connections.holder), await backendPid(connections.suspender)];
        await connections.holder.startTransaction();
        expect(await visible(withTransaction(individual, connections.holder.manager), offer, new Date())).toBe(true);

        let suspended = false;
        const suspension = connections.suspender.query(`UPDATE offers SET status = 'suspended' WHERE id = $1`, [offer.id]).then(() => {
          suspended = true;
        });
        await eventually('the suspension to wait for the share lock', async () =>
          (await blockersOf(dataSource, suspenderPid)).includes(holderPid),
        );
        expect(suspended).toBe(false);

        await connections.holder.commitTransaction();
        await suspension;
        expect(await visible(individual, offer, new Date())).toBe(false);
      });
    });
  });
});
