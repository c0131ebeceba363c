import { CreateOrganisationUseCase, validCorporateNumber, OrganisationStore } from '@infobank/catalog';
import { generateKeyPairJwk } from '@infobank/crypto';
import { createRequestContext, type RequestContext, Transactions } from '@infobank/platform';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { offerTerms } from '../../../../../test/support/offer-terms';
import { openTestDataSource } from '../../../../../test/support/platform';
import { rejection } from '../../../../../test/support/refusals';
import type { OfferTerms, ReviewOutcome } from '../domain/offer';
import { CreateOfferUseCase } from './create-offer.use-case';
import { GetOfferForReviewUseCase } from './get-offer-for-review.use-case';
import { ListRecipientOffersForReviewUseCase } from './list-recipient-offers-for-review.use-case';
import { RecordReviewOutcomeUseCase, type RecordReviewOutcomeCommand } from './record-review-outcome.use-case';
import { SetOffersSuspendedUseCase } from './set-offers-suspended.use-case';
import { SubmitOfferUseCase } from './submit-offer.use-case';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { OfferStore } from '../infrastructure/offer.store';

describe('what the board does to offers, over Postgres', () => {
  const board = createRequestContext({ type: 'board_member', id: randomUUID() });
  let dataSource: DataSource;
  let transactions: Transactions;
  let offerStore: OfferStore;
  let reviewStore: OfferReviewOutcomeStore;
  let recordOutcome: RecordReviewOutcomeUseCase;
  let setSuspended: SetOffersSuspendedUseCase;
  let getForReview: GetOfferForReviewUseCase;
  let listForReview: ListRecipientOffersForReviewUseCase;
  let signingKey: Awaited<ReturnType<typeof generateKeyPairJwk>>;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    transactions = new Transactions(dataSource);
    offerStore = new OfferStore(dataSource);
    reviewStore = new OfferReviewOutcomeStore(dataSource);
    recordOutcome = new RecordReviewOutcomeUseCase(transactions, offerStore, reviewStore);
    setSuspended = new SetOffersSuspendedUseCase(transactions, offerStore);
    getForReview = new GetOfferForReviewUseCase(offerStore);
    listForReview = new ListRecipientOffersForReviewUseCase(offerStore);
    signingKey = await generateKeyPairJwk('EdDSA');
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  async function newRecipient(): Promise<RequestContext> {
    const { id } = await new CreateOrganisationUseCase(transactions, new OrganisationStore(dataSource), {
      allowLocalWebhooks: true,
    }).execute(createRequestContext({ type: 'operator', name: 'test' }), {
      corporateNumber: validCorporateNumber(String(randomInt(0, 1e12)).padStart(12, '0')),
      name: { ja: '審査テスト株式会社' },
      country: 'JP',
      roles: ['recipient'],
      signingKeys: [signingKey.publicJwk],
      termsVersion: '2025-04',
    });
    return createRequestContext({ type: 'organisation', id, roles: ['recipient'] });
  }

  async function submittedOffer(recipient: RequestContext, overrides: Record<string, unknown> = {}): Promise<string> {
    const { id } = await new CreateOfferUseCase(transactions, offerStore, reviewStore).execute(
      recipient,
      offerTerms(overrides) as unknown as OfferTerms,
    );
    await new SubmitOfferUseCase(transactions, offerStore, reviewStore).execute(recipient, id);
    return id;
  }

  const decision = (offerId: string, outcome: ReviewOutcome = 'approved', overrides: Partial<RecordReviewOutcomeCommand> = {}) => ({
    offerId,
    round: 1,
    outcome,
    decidedAt: new Date('2025-05-01T00:00:00Z'),
    reasons: ['理由'],
    caseId: randomUUID(),
    suspended: false,
    ...overrides,
  });

  describe('recording the board’s outcome', () => {
    it('moves an offer under review to the outcome, once per case', async () => {
      const offerId = await submittedOffer(await newRecipient());
      const command = decision(offerId, 'approved');

      expect((await recordOutcome.execute(board, command)).status).toBe('approved');
      expect((await recordOutcome.execute(board, command)).status).toBe('approved');
      const rows = await dataSource.query(`SELECT round, outcome, reasons FROM offer_review_outcomes WHERE offer_id = $1`, [offerId]);
      expect(rows).toEqual([{ round: 1, outcome: 'approved', reasons: ['理由'] }]);
    });

    it('lands an approval as suspended when a stop-use order already covers the offer', async () => {
      const offerId = await submittedOffer(await newRecipient());
      expect((await recordOutcome.execute(board, decision(offerId, 'approved', { suspended: true }))).status).toBe('suspended');
    });

    it('refuses the same case with another outcome, and a second case for a decided round', async () => {
      const offerId = await submittedOffer(await newRecipient());
      const command = decision(offerId, 'rejected');
      await recordOutcome.execute(board, command);

      expect((await rejection(recordOutcome.execute(board, { ...command, outcome: 'approved' }))).code).toBe('REVIEW_OUTCOME_CONFLICT');
      expect((await rejection(recordOutcome.execute(board, decision(offerId, 'approved')))).code).toBe('OFFER_NOT_IN_REVIEW');
      expect((await getForReview.execute(board, offerId)).status).toBe('rejected');
    });

    it('refuses a round that is not under review, and names bad fields', async () => {
      const offerId = await submittedOffer(await newRecipient());
      expect((await rejection(recordOutcome.execute(board, decision(offerId, 'approved', { round: 2 })))).code).toBe('OFFER_NOT_IN_REVIEW');
      const invalid = await rejection(
        recordOutcome.execute(board, { ...decision(offerId), outcome: 'maybe' as never, caseId: 'case-1', reasons: [''] }),
      );
      expect(invalid.errors.map((problem) => problem.path)).toEqual(['/outcome', '/reasons/0', '/caseId']);
      expect((await rejection(recordOutcome.execute(board, decision(randomUUID())))).code).toBe('OFFER_NOT_FOUND');
    });
  });

  describe('stop-use orders', () => {
    it('suspends a recipient’s approved offers only, and lifting restores them except those still covered', async () => {
      const recipient = await newRecipient();
      const [kept, restored, underReview] = [
        await submittedOffer(recipient),
        await submittedOffer(recipient),
        await submittedOffer(recipient),
      ];
      await recordOutcome.execute(board, decision(kept));
      await recordOutcome.execute(board, decision(restored));
      const target = { type: 'recipient' as const, id: recipient.actor.type === 'organisation' ? recipient.actor.id : '' };

      expect((await setSuspended.execute(board, { target, suspended: true })).offerIds.sort()).toEqual([kept, restored].sort());
      expect((await setSuspended.execute(board, { target, suspended: true })).offerIds).toEqual([]);
      expect((await getForReview.execute(board, underReview)).status).toBe('in_review');

      const lifted = await setSuspended.execute(board, { target, suspended: false, keepSuspendedOfferIds: [kept] });
      expect(lifted.offerIds).toEqual([restored]);
      expect((await getForReview.execute(board, kept)).status).toBe('suspended');
      expect((await getForReview.execute(board, restored)).status).toBe('approved');
      const predicate = await setSuspended.execute(board, { target, suspended: false, stillSuspended: (offer) => offer.id === kept });
      expect(predicate.offerIds).toEqual([]);
    });

    it('suspends by category every approved offer asking for an item of it', async () => {
      const recipient = await newRecipient();
      const health = await submittedOffer(recipient, {
        purposeCode: 'health_promotion',
        items: [
          { itemId: 'purchase.receipts#/lineItems', required: true },
          { itemId: 'health.checkup#/bloodPressure', required: false },
        ],
      });
      const receipts = await submittedOffer(recipient);
      await recordOutcome.execute(board, decision(health));
      await recordOutcome.execute(board, decision(receipts));

      const { offerIds } = await setSuspended.execute(board, { target: { type: 'category', id: 'health.checkup' }, suspended: true });
      expect(offerIds).toContain(health);
      expect(offerIds).not.toContain(receipts);
      expect((await getForReview.execute(board, receipts)).status).toBe('approved');
    });

    it('names a bad target', async () => {
      const error = await rejection(setSuspended.execute(board, { target: { type: 'category', id: 'no.such' }, suspended: true }));
      expect(error.errors).toEqual([{ path: '/target/id', message: expect.any(String) }]);
      expect((await rejection(setSuspended.execute(board, { target: { type: 'offer', id: '1' }, suspended: true }))).code).toBe(
        'VALIDATION_FAILED',
      );
    });
  });

  describe('reading offers for review', () => {
    it('shows the board the snapshot and the recipient’s submitted offers, but not to a recipient', async () => {
      const recipient = await newRecipient();
      const offerId = await submittedOffer(recipient, { items: [{ itemId: 'health.checkup#/diagnoses', required: true }] });
      const { id: draftId } = await new CreateOfferUseCase(transactions, offerStore, reviewStore).execute(
        recipient,
        offerTerms() as unknown as OfferTerms,
      );

      const snapshot = await getForReview.execute(board, offerId);
      expect(snapshot).toMatchObject({
        id: offerId,
        status: 'in_review',
        round: 1,
        items: [{ itemId: 'health.checkup#/diagnoses', categoryId: 'health.checkup', required: true, sensitive: true }],
        submittedAt: expect.any(String),
      });
      const recipientId = snapshot.recipientId;
      expect((await listForReview.execute(board, recipientId)).map((offer) => offer.id)).toEqual([offerId]);
      expect((await listForReview.execute(board, recipientId)).map((offer) => offer.id)).not.toContain(draftId);

      expect((await rejection(getForReview.execute(recipient, offerId))).code).toBe('OFFER_NOT_FOUND');
      expect(await listForReview.execute(recipient, recipientId)).toEqual([]);
    });
  });
});
