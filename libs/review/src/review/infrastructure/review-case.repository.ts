import { isUuid } from '@infobank/catalog';
import type { EntityManager } from 'typeorm';
import type { ActingMember, ReviewCaseEvent, ReviewCaseState } from '../domain/review-case';
import { ReviewCaseNotFoundError } from '../../review.errors';
import { ReviewCaseEntity } from './review-case.entity';
import { ReviewRecusalEntity } from './review-recusal.entity';
import { ReviewVoteEntity } from './review-vote.entity';

/** A stored case: its row (with the offer as reviewed) and the state the rules work on. */
export interface StoredReviewCase {
  row: ReviewCaseEntity;
  state: Exclude<ReviewCaseState, { status: 'not_opened' }>;
}

/**
 * Loads a case with its votes and recusals. With `lock`, the case row stays locked until the
 * transaction ends, so concurrent votes on one case are decided one after the other.
 */
export async function loadReviewCase(manager: EntityManager, caseId: unknown, options: { lock?: boolean } = {}): Promise<StoredReviewCase> {
  if (!isUuid(caseId)) throw new ReviewCaseNotFoundError(String(caseId));
  const row = await manager.findOne(ReviewCaseEntity, {
    where: { id: caseId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (row === null) throw new ReviewCaseNotFoundError(caseId);
  // One after the other: inside a transaction the manager has one connection, and pg queues concurrent calls on a
  // client (deprecated since pg 8, an error in pg 9).
  const votes = await manager.find(ReviewVoteEntity, { where: { caseId }, order: { castAt: 'ASC', memberId: 'ASC' } });
  const recusals = await manager.find(ReviewRecusalEntity, { where: { caseId }, order: { recusedAt: 'ASC', memberId: 'ASC' } });
  const facts = {
    caseId: row.id,
    offerId: row.offerId,
    round: row.round,
    stricterReview: row.stricterReview,
    openedAt: row.openedAt,
    votes: votes.map((vote) => ({ member: memberOf(vote), decision: vote.decision, reason: vote.reason, castAt: vote.castAt })),
    recusals: recusals.map((recusal) => ({ member: memberOf(recusal), reason: recusal.reason, recusedAt: recusal.recusedAt })),
  };
  const state: StoredReviewCase['state'] =
    row.status === 'decided' && row.outcome !== null && row.decidedAt !== null
      ? { status: 'decided', outcome: row.outcome, decidedAt: row.decidedAt, ...facts }
      : { status: 'open', ...facts };
  return { row, state };
}

/** Stores a case's new votes and recusals (a decision is stored with its signature, see CaseDecisionRecorder). */
export async function appendVotesAndRecusals(manager: EntityManager, caseId: string, events: readonly ReviewCaseEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type === 'vote_cast') {
      const { member, decision, reason, castAt } = event.vote;
      await manager.insert(ReviewVoteEntity, {
        caseId,
        memberId: member.id,
        expertise: member.expertise,
        external: member.external,
        decision,
        reason,
        castAt,
      });
    } else if (event.type === 'member_recused') {
      const { member, reason, recusedAt } = event.recusal;
      await manager.insert(ReviewRecusalEntity, {
        caseId,
        memberId: member.id,
        expertise: member.expertise,
        external: member.external,
        reason,
        recusedAt,
      });
    }
  }
}

function memberOf(row: { memberId: string; expertise: ActingMember['expertise']; external: boolean }): ActingMember {
  return { id: row.memberId, expertise: row.expertise, external: row.external };
}
