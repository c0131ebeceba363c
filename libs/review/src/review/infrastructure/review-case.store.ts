import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource, Not, type EntityManager } from 'typeorm';
import type { ReviewCaseEvent, ReviewCaseState } from '../domain/review-case';
import { ReviewCaseEntity } from './review-case.entity';
import { appendVotesAndRecusals, loadReviewCase, type StoredReviewCase } from './review-case.repository';

/** A case row with how many votes it holds. */
export type ReviewCaseWithVotes = ReviewCaseEntity & { voteCount: number };

/** review_cases with their votes and recusals: loads, writes and the board's lists. */
@Injectable()
export class ReviewCaseStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Loads a case with its votes and recusals; with `lock` (in a transaction) its row stays locked until the transaction ends. */
  load(ctx: RequestContext, caseId: unknown, options: { lock?: boolean } = {}): Promise<StoredReviewCase> {
    return loadReviewCase(this.manager(ctx), caseId, options);
  }

  /** The case of this offer's round, if one was opened. */
  findByRound(tx: TransactionalContext, offerId: string, round: number): Promise<ReviewCaseEntity | null> {
    return tx.transaction.findOne(ReviewCaseEntity, { where: { offerId, round } });
  }

  /** The rounds, statuses and outcomes of the offer's cases. */
  roundsOf(tx: TransactionalContext, offerId: string): Promise<Pick<ReviewCaseEntity, 'round' | 'status' | 'outcome'>[]> {
    return tx.transaction.find(ReviewCaseEntity, { where: { offerId }, select: { round: true, status: true, outcome: true } });
  }

  /** Inserts a newly opened case. */
  async insertOpened(
    tx: TransactionalContext,
    opened: Pick<ReviewCaseEntity, 'id' | 'offerId' | 'recipientId' | 'round' | 'stricterReview' | 'offerSnapshot' | 'openedAt'>,
  ): Promise<void> {
    await tx.transaction.insert(ReviewCaseEntity, { ...opened, status: 'open', outcome: null, decidedAt: null, decisionJws: null });
  }

  /** Stores a case's new votes and recusals. */
  appendVotesAndRecusals(tx: TransactionalContext, caseId: string, events: readonly ReviewCaseEvent[]): Promise<void> {
    return appendVotesAndRecusals(tx.transaction, caseId, events);
  }

  /** Stores the case's decision with its signature. */
  async recordDecision(
    tx: TransactionalContext,
    caseId: string,
    decided: Extract<ReviewCaseState, { status: 'decided' }>,
    decisionJws: string,
  ): Promise<void> {
    await tx.transaction.update(
      ReviewCaseEntity,
      { id: caseId },
      { status: 'decided', outcome: decided.outcome, decidedAt: decided.decidedAt, decisionJws },
    );
  }

  /** Up to `take` cases, newest first, optionally of one status, with their vote counts. */
  async list(ctx: RequestContext, status: ReviewCaseEntity['status'] | undefined, take: number): Promise<ReviewCaseWithVotes[]> {
    const manager = this.manager(ctx);
    const rows = await manager.find(ReviewCaseEntity, {
      where: status === undefined ? {} : { status },
      order: { openedAt: 'DESC', id: 'ASC' },
      take,
    });
    return withVoteCounts(manager, rows);
  }

  /** Up to `take` of the recipient's other cases, newest first, with their vote counts. */
  async othersOfRecipient(ctx: RequestContext, recipientId: string, exceptCaseId: string, take: number): Promise<ReviewCaseWithVotes[]> {
    const manager = this.manager(ctx);
    const rows = await manager.find(ReviewCaseEntity, {
      where: { recipientId, id: Not(exceptCaseId) },
      order: { openedAt: 'DESC', id: 'ASC' },
      take,
    });
    return withVoteCounts(manager, rows);
  }

  private manager(ctx: RequestContext): EntityManager {
    return ctx.transaction ?? this.dataSource.manager;
  }
}

/** `rows` with the number of votes each has (one query for all of them). */
async function withVoteCounts(manager: EntityManager, rows: ReviewCaseEntity[]): Promise<ReviewCaseWithVotes[]> {
  if (rows.length === 0) return [];
  const counts: { case_id: string; votes: number }[] = await manager.query(
    `SELECT "case_id", count(*)::int AS "votes" FROM "review_votes" WHERE "case_id" = ANY($1::uuid[]) GROUP BY "case_id"`,
    [rows.map((row) => row.id)],
  );
  const byCase = new Map(counts.map((count) => [count.case_id, count.votes]));
  return rows.map((row) => ({ ...row, voteCount: byCase.get(row.id) ?? 0 }));
}
