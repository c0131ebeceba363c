import { Injectable } from '@nestjs/common';
import { BankKeyRing } from '@infobank/crypto';
import { RecordReviewOutcomeUseCase } from '@infobank/offers';
import { withTransaction, type RequestContext } from '@infobank/platform';
import type { EntityManager } from 'typeorm';
import type { ReviewCaseState } from '../domain/review-case';
import { decisionRecord, reasonsFor, REVIEW_DECISION_TYPE } from '../domain/review-decision';
import { orderCovers } from '../domain/stop-use-order';
import { lockOrdersShared } from '../infrastructure/order-lock';
import { ReviewCaseEntity } from '../infrastructure/review-case.entity';
import { effectiveOrderTargets } from '../infrastructure/stop-use-order.repository';

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
  ) {}

  async record(
    ctx: RequestContext,
    manager: EntityManager,
    row: ReviewCaseEntity,
    state: Extract<ReviewCaseState, { status: 'decided' }>,
  ): Promise<string> {
    const offer = row.offerSnapshot;
    const jws = await this.keyRing.signJws(decisionRecord(state, { recipientId: row.recipientId, offer: row.offerSnapshot }), {
      typ: REVIEW_DECISION_TYPE,
    });
    await lockOrdersShared(manager);
    const suspended = (await effectiveOrderTargets(manager)).some((target) => orderCovers(target, offer));
    await manager.update(
      ReviewCaseEntity,
      { id: row.id },
      { status: 'decided', outcome: state.outcome, decidedAt: state.decidedAt, decisionJws: jws },
    );
    await this.recordOutcome.execute(withTransaction(ctx, manager), {
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
