import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type RequestContext } from '@infobank/platform';
import { VOTE_DECISIONS, type VoteDecision } from '../domain/review-case';
import { reasonProblems } from '../domain/review-text';
import { ReviewCaseCommands } from './review-case-commands';
import type { ReviewCaseView } from './review-case-view';

/** A member's vote on a case, with the reason the recipient and auditors read. */
export interface CastVoteCommand {
  decision: VoteDecision;
  reason: string;
}

/**
 * Records the acting member's vote in the case's round; the vote that completes the quorum decides
 * the case (signed decision, offer moved). ALREADY_VOTED, MEMBER_RECUSED, REVIEW_CASE_CLOSED otherwise.
 */
@Injectable()
export class CastVoteUseCase {
  constructor(private readonly cases: ReviewCaseCommands) {}

  async execute(ctx: RequestContext, caseId: string, command: CastVoteCommand): Promise<ReviewCaseView> {
    const problems = [
      ...(VOTE_DECISIONS.includes(command?.decision)
        ? []
        : [{ path: '/decision', message: `must be one of ${VOTE_DECISIONS.join(', ')}` }]),
      ...reasonProblems(command?.reason),
    ];
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.cases.run(ctx, caseId, (member, now) => ({
      type: 'cast_vote',
      member,
      decision: command.decision,
      reason: command.reason.trim(),
      now,
    }));
  }
}
