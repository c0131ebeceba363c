import { Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { decide, evolve, type ActingMember, type ReviewCaseCommand, type ReviewCaseRefusal } from '../domain/review-case';
import { BoardMemberStore } from '../infrastructure/board-member.store';
import type { StoredReviewCase } from '../infrastructure/review-case.repository';
import { ReviewCaseStore } from '../infrastructure/review-case.store';
import { AlreadyRecusedError, AlreadyVotedError, MemberRecusedError, ReviewCaseClosedError } from '../../review.errors';
import { actingMember } from './acting-member';
import { CaseDecisionRecorder } from './case-decision-recorder';
import { toReviewCaseView, type ReviewCaseView } from './review-case-view';

const refusals: Record<ReviewCaseRefusal, new (caseId: string) => Error> = {
  case_not_open: ReviewCaseClosedError,
  // Opening is the worker's business; a member's command never asks for it.
  already_opened: ReviewCaseClosedError,
  already_voted: AlreadyVotedError,
  recused: MemberRecusedError,
  already_recused: AlreadyRecusedError,
};

/**
 * Runs a member's command on a case in one transaction: locks the case, decides by the rules, stores
 * the vote or recusal, and when the case is decided signs and records the decision.
 */
@Injectable()
export class ReviewCaseCommands {
  constructor(
    private readonly transactions: Transactions,
    private readonly members: BoardMemberStore,
    private readonly cases: ReviewCaseStore,
    private readonly decisions: CaseDecisionRecorder,
  ) {}

  async run(ctx: RequestContext, caseId: string, command: (member: ActingMember, now: Date) => ReviewCaseCommand): Promise<ReviewCaseView> {
    return this.transactions.run(ctx, async (tx) => {
      const member = await actingMember(tx, this.members);
      const { row, state } = await this.cases.load(tx, caseId, { lock: true });
      const decision = decide(command(member, tx.now()), state);
      if (decision.outcome === 'refused') throw new refusals[decision.reason](row.id);
      await this.cases.appendVotesAndRecusals(tx, row.id, decision.events);
      const next = decision.events.reduce(evolve, state) as StoredReviewCase['state'];
      if (next.status !== 'decided') return toReviewCaseView(row, next, null);
      const jws = await this.decisions.record(tx, row, next);
      return toReviewCaseView(row, next, jws);
    });
  }
}
