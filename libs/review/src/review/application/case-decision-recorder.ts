import { Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import { RecordReviewOutcomeUseCase } from '@infobank/offers';
import type { TransactionalContext } from '@infobank/platform';
import type { ReviewCaseState } from '../domain/review-case';
import { decisionRecord, reasonsFor, REVIEW_DECISION_TYPE } from '../domain/review-decision';
import { orderCovers } from '../domain/stop-use-order';
import type { ReviewCaseEntity } from '../infrastructure/review-case.entity';
import { ReviewCaseStore } from '../infrastructure/review-case.store';
import { StopUseOrderStore } from '../infrastructure/stop-use-order.store';

/**
 * Records a decided case in the caller's transaction: signs the decision (bank JWS over the offer as
 * reviewed and every vote), stores it, and moves the offer to the outcome — `suspended` instead of
 * `approved` when an effective stop-use order covers it.
 */
@Injectable()
export class CaseDecisionRecorder {
  constructor(
    private readonly keyRing: BankKeyRing,
    private readonly recordOutcome: RecordReviewOutcomeUseCase,
    private readonly cases: ReviewCaseStore,
    private readonly orders: StopUseOrderStore,
  ) {}

  async record(tx: TransactionalContext, row: ReviewCaseEntity, state: Extract<ReviewCaseState, { status: 'decided' }>): Promise<string> {
    const offer = row.offerSnapshot;
    const jws = await this.keyRing.signJws(decisionRecord(state, { recipientId: row.recipientId, offer: row.offerSnapshot }), {
      typ: REVIEW_DECISION_TYPE,
    });
    await this.orders.lockShared(tx);
    const suspended = (await this.orders.effectiveTargets(tx)).some((target) => orderCovers(target, offer));
    await this.cases.recordDecision(tx, row.id, state, jws);
    await this.recordOutcome.execute(tx, {
      offerId: row.offerId,
      round: row.round,
      outcome: state.outcome,
      decidedAt: state.decidedAt,
      reasons: reasonsFor(state, state.outcome),
      caseId: row.id,
      suspended,
    });
    return jws;
  }
}
