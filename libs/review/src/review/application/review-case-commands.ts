import { Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { decide, evolve, type ActingMember, type ReviewCaseCommand, type ReviewCaseRefusal } from '../domain/review-case';
import { appendVotesAndRecusals, loadReviewCase, type StoredReviewCase } from '../infrastructure/review-case.repository';
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
    private readonly dataSource: DataSource,
    private readonly decisions: CaseDecisionRecorder,
  ) {}

  async run(ctx: RequestContext, caseId: string, command: (member: ActingMember, now: Date) => ReviewCaseCommand): Promise<ReviewCaseView> {
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const member = await actingMember(ctx, manager);
      const { row, state } = await loadReviewCase(manager, caseId, { lock: true });
      const decision = decide(command(member, new Date()), state);
      if (decision.outcome === 'refused') throw new refusals[decision.reason](row.id);
      await appendVotesAndRecusals(manager, row.id, decision.events);
      const next = decision.events.reduce(evolve, state) as StoredReviewCase['state'];
      if (next.status !== 'decided') return toReviewCaseView(row, next, null);
      const jws = await this.decisions.record(ctx, manager, row, next);
      return toReviewCaseView(row, next, jws);
    });
  }
}
