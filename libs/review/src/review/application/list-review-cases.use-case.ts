import { Injectable } from '@nestjs/common';
import { type RequestContext, requireBoardMember, ValidationFailedError } from '@infobank/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ReviewCaseEntity } from '../infrastructure/review-case.entity';
import { BOARD_MEMBERS_ONLY } from './acting-member';
import { toReviewCaseSummary, type ReviewCaseSummary } from './review-case-view';

/** Most cases one list returns (newest first). */
export const MAX_LISTED_CASES = 200;

/** The statuses a case list can be filtered by. */
export const CASE_STATUSES = ['open', 'decided'] as const;

/** The board's review cases, newest first, optionally only `open` or only `decided` ones. */
@Injectable()
export class ListReviewCasesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, filter: { status?: string } = {}): Promise<ReviewCaseSummary[]> {
    requireBoardMember(ctx, BOARD_MEMBERS_ONLY);
    const status = filter.status;
    if (status !== undefined && !(CASE_STATUSES as readonly string[]).includes(status)) {
      throw new ValidationFailedError([{ path: '/status', message: `must be one of ${CASE_STATUSES.join(', ')}` }]);
    }
    const manager = this.dataSource.manager;
    const rows = await manager.find(ReviewCaseEntity, {
      where: status === undefined ? {} : { status: status as ReviewCaseEntity['status'] },
      order: { openedAt: 'DESC', id: 'ASC' },
      take: MAX_LISTED_CASES,
    });
    return withVoteCounts(manager, rows);
  }
}

/** Summaries of `rows` with the number of votes each has (one query for all of them). */
export async function withVoteCounts(manager: EntityManager, rows: ReviewCaseEntity[]): Promise<ReviewCaseSummary[]> {
  if (rows.length === 0) return [];
  const counts: { case_id: string; votes: number }[] = await manager.query(
    `SELECT "case_id", count(*)::int AS "votes" FROM "review_votes" WHERE "case_id" = ANY($1::uuid[]) GROUP BY "case_id"`,
    [rows.map((row) => row.id)],
  );
  const byCase = new Map(counts.map((count) => [count.case_id, count.votes]));
  return rows.map((row) => toReviewCaseSummary({ ...row, voteCount: byCase.get(row.id) ?? 0 }));
}
