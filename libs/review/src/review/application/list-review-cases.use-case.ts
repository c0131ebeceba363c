import { Injectable } from '@nestjs/common';
import { OrganisationDirectory, type OrganisationName } from '@infobank/catalog';
import { ValidationFailedError, type RequestContext, requireBoardMember } from '@infobank/platform';
import { ReviewCaseStore } from '../infrastructure/review-case.store';
import { BOARD_MEMBERS_ONLY } from './acting-member';
import type { ReviewCaseEntity } from '../infrastructure/review-case.entity';
import { toReviewCaseSummary, type ReviewCaseSummary } from './review-case-view';

/** Most cases one list returns (newest first). */
export const MAX_LISTED_CASES = 200;

/** The statuses a case list can be filtered by. */
export const CASE_STATUSES = ['open', 'decided'] as const;

/** A case in the board's queue, with the recipient's registered name (null if the organisation is gone). */
export interface ListedReviewCase extends ReviewCaseSummary {
  recipientName: OrganisationName | null;
}

/** The board's review cases, newest first, optionally only `open` or only `decided` ones. */
@Injectable()
export class ListReviewCasesUseCase {
  constructor(
    private readonly cases: ReviewCaseStore,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute(ctx: RequestContext, filter: { status?: string } = {}): Promise<ListedReviewCase[]> {
    requireBoardMember(ctx, BOARD_MEMBERS_ONLY);
    const status = filter.status;
    if (status !== undefined && !(CASE_STATUSES as readonly string[]).includes(status)) {
      throw new ValidationFailedError([{ path: '/status', message: `must be one of ${CASE_STATUSES.join(', ')}` }]);
    }
    const rows = await this.cases.list(ctx, status as ReviewCaseEntity['status'] | undefined, MAX_LISTED_CASES);
    const profiles = await this.organisations.findProfiles(ctx, [...new Set(rows.map((row) => row.recipientId))]);
    return rows.map((row) => ({ ...toReviewCaseSummary(row), recipientName: profiles.get(row.recipientId)?.name ?? null }));
  }
}
