import { Injectable } from '@nestjs/common';
import { GetOfferForReviewUseCase } from '@infobank/offers';
import { Transactions, type RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { decide, mayOpenRound } from '../domain/review-case';
import { ReviewCaseStore } from '../infrastructure/review-case.store';
import { ReviewRoundOutOfOrderError } from '../../review.errors';

/** Which round of which offer to open a case for (the payload of the offers' `review.open-case` job). */
export interface OpenReviewCaseCommand {
  offerId: string;
  round: number;
}

/** What opening a case led to: the case (new or already there), or `skipped` when the offer has moved on. */
export type OpenReviewCaseResult = { outcome: 'opened' | 'already_open'; caseId: string } | { outcome: 'skipped' };

/**
 * Opens the board's review case for one round of a submitted offer, keeping the offer as submitted.
 * Idempotent per (offer, round): a second delivery of the job finds the case and changes nothing. An
 * offer no longer in review in that round (the job is stale) is skipped. OfferNotFoundError when the
 * offer does not exist; REVIEW_ROUND_OUT_OF_ORDER when the previous round did not ask for changes.
 */
@Injectable()
export class OpenReviewCaseUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly cases: ReviewCaseStore,
    private readonly getOffer: GetOfferForReviewUseCase,
  ) {}

  async execute(ctx: RequestContext, command: OpenReviewCaseCommand): Promise<OpenReviewCaseResult> {
    return this.transactions.run(ctx, async (tx) => {
      const { offerId, round } = command;
      const existing = await this.cases.findByRound(tx, offerId, round);
      if (existing !== null) return { outcome: 'already_open', caseId: existing.id };
      const offer = await this.getOffer.execute(tx, offerId);
      if (offer.status !== 'in_review' || offer.round !== round) return { outcome: 'skipped' };
      const past = await this.cases.roundsOf(tx, offerId);
      if (!mayOpenRound(past, round)) throw new ReviewRoundOutOfOrderError(offerId, round);
      const decision = decide({ type: 'open_case', caseId: randomUUID(), offerId, round, offer, now: tx.now() }, { status: 'not_opened' });
      const opened = decision.outcome === 'accepted' ? decision.events[0] : undefined;
      if (opened?.type !== 'case_opened') throw new Error('Opening a review case produced no case_opened event');
      await this.cases.insertOpened(tx, {
        id: opened.caseId,
        offerId,
        recipientId: offer.recipientId,
        round,
        stricterReview: opened.stricterReview,
        offerSnapshot: offer,
        openedAt: opened.at,
      });
      return { outcome: 'opened', caseId: opened.caseId };
    });
  }
}
