import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { enqueueJob, Transactions, ValidationFailedError, type FieldProblem, type RequestContext } from '@infobank/platform';
import { REVIEW_OUTCOMES, type OfferSnapshot, type ReviewOutcome } from '../domain/offer';
import { recordOutcome } from '../domain/offer-lifecycle';
import { OfferReviewOutcomeStore } from '../infrastructure/offer-review-outcome.store';
import { toOfferSnapshot } from '../infrastructure/offer-snapshot';
import { OfferStore } from '../infrastructure/offer.store';
import { OfferStatusConflictError, ReviewOutcomeConflictError } from '../../offers.errors';
import { OFFER_APPROVED_JOB } from '../../offers.jobs';

/** The board's decision on one round of an offer, as libs/review reports it. */
export interface RecordReviewOutcomeCommand {
  offerId: string;
  round: number;
  outcome: ReviewOutcome;
  decidedAt: Date;
  /** The members' reasons, shown to the recipient. */
  reasons: string[];
  /** The review case that decided; recording it again is a no-op. */
  caseId: string;
  /** A stop-use order covers the offer: an approval lands as `suspended`. */
  suspended: boolean;
}

/** Most reasons one decision carries, and the longest reason, in characters. */
export const MAX_REVIEW_REASONS = 50;
export const MAX_REVIEW_REASON_LENGTH = 2000;

/**
 * Moves an offer under review in `round` to the board's outcome and stores the decision date and
 * reasons for the recipient and individuals. Idempotent per `caseId`; a case recorded with another
 * offer, round or outcome is REVIEW_OUTCOME_CONFLICT; an offer not in review in that round is OFFER_NOT_IN_REVIEW.
 */
@Injectable()
export class RecordReviewOutcomeUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly offers: OfferStore,
    private readonly outcomes: OfferReviewOutcomeStore,
  ) {}

  async execute(ctx: RequestContext, command: RecordReviewOutcomeCommand): Promise<OfferSnapshot> {
    const problems = commandProblems(command ?? ({} as RecordReviewOutcomeCommand));
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.transactions.run(ctx, async (tx) => {
      const offer = await this.offers.load(tx, command.offerId, { lock: true });
      const recorded = await this.outcomes.findByCase(tx, command.caseId);
      if (recorded !== null) {
        const same = recorded.offerId === offer.id && recorded.round === command.round && recorded.outcome === command.outcome;
        if (!same) throw new ReviewOutcomeConflictError(command.caseId);
        return toOfferSnapshot(offer, tx.now());
      }
      const transition = recordOutcome(offer.status, offer.round, command);
      if (!transition.allowed) throw new OfferStatusConflictError(transition);
      await this.outcomes.insert(tx, {
        offerId: offer.id,
        round: command.round,
        caseId: command.caseId,
        outcome: command.outcome,
        reasons: [...command.reasons],
        decidedAt: command.decidedAt,
      });
      await this.offers.update(tx, offer.id, { status: transition.to });
      if (transition.to === 'approved') {
        await enqueueJob(tx, OFFER_APPROVED_JOB, { offerId: offer.id, round: command.round });
      }
      return toOfferSnapshot({ ...offer, status: transition.to }, tx.now());
    });
  }
}

function commandProblems(command: RecordReviewOutcomeCommand): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isUuid(command.offerId)) add('/offerId', 'must be a UUID');
  if (!Number.isSafeInteger(command.round) || command.round < 1) add('/round', 'must be a positive integer');
  if (!REVIEW_OUTCOMES.includes(command.outcome)) add('/outcome', `must be one of ${REVIEW_OUTCOMES.join(', ')}`);
  if (!(command.decidedAt instanceof Date) || Number.isNaN(command.decidedAt.getTime())) add('/decidedAt', 'must be a valid date');
  if (!Array.isArray(command.reasons) || command.reasons.length > MAX_REVIEW_REASONS) {
    add('/reasons', `must be a list of at most ${MAX_REVIEW_REASONS} reasons`);
  } else {
    command.reasons.forEach((reason, index) => {
      if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > MAX_REVIEW_REASON_LENGTH) {
        add(`/reasons/${index}`, `must be 1 to ${MAX_REVIEW_REASON_LENGTH} characters`);
      }
    });
  }
  if (!isUuid(command.caseId)) add('/caseId', 'must be a UUID');
  if (typeof command.suspended !== 'boolean') add('/suspended', 'must be true or false');
  return problems;
}
