import { Injectable } from '@nestjs/common';
import { ValidationFailedError, type RequestContext } from '@infobank/platform';
import { reasonProblems } from '../domain/review-text';
import { ReviewCaseCommands } from './review-case-commands';
import type { ReviewCaseView } from './review-case-view';

/**
 * Records the acting member's recusal from the case's round (a conflict of interest): their vote, if
 * any, stops counting and they may not vote in this round. ALREADY_RECUSED, REVIEW_CASE_CLOSED otherwise.
 */
@Injectable()
export class RecuseFromCaseUseCase {
  constructor(private readonly cases: ReviewCaseCommands) {}

  async execute(ctx: RequestContext, caseId: string, command: { reason: string }): Promise<ReviewCaseView> {
    const problems = reasonProblems(command?.reason);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return this.cases.run(ctx, caseId, (member, now) => ({ type: 'recuse', member, reason: command.reason.trim(), now }));
  }
}
