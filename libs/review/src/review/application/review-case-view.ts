import type { Expertise } from '../domain/board-member';
import type { CaseOutcome, ReviewCaseState, StricterReviewReason, VoteDecision } from '../domain/review-case';
import type { ReviewCaseEntity } from '../infrastructure/review-case.entity';

/** A member as a vote or recusal shows them. */
export interface MemberRef {
  id: string;
  expertise: Expertise;
  external: boolean;
}

/** A review case as board members read it: its round, votes, recusals and, once decided, the signed decision. */
export interface ReviewCaseView {
  id: string;
  offerId: string;
  recipientId: string;
  round: number;
  status: 'open' | 'decided';
  outcome: CaseOutcome | null;
  stricterReview: StricterReviewReason[];
  openedAt: string;
  decidedAt: string | null;
  votes: { member: MemberRef; decision: VoteDecision; reason: string; castAt: string }[];
  recusals: { member: MemberRef; reason: string; recusedAt: string }[];
  /** The bank's JWS over the decision (typ review-decision+jws), verifiable with `/.well-known/jwks.json`. */
  decisionJws: string | null;
}

/** A case in a list: what a member needs to pick one. */
export type ReviewCaseSummary = Omit<ReviewCaseView, 'votes' | 'recusals' | 'decisionJws'> & { voteCount: number };

/** The view of a stored case in `state`. */
export function toReviewCaseView(
  row: ReviewCaseEntity,
  state: Exclude<ReviewCaseState, { status: 'not_opened' }>,
  decisionJws: string | null,
): ReviewCaseView {
  return {
    id: row.id,
    offerId: row.offerId,
    recipientId: row.recipientId,
    round: row.round,
    status: state.status,
    outcome: state.status === 'decided' ? state.outcome : null,
    stricterReview: [...state.stricterReview],
    openedAt: state.openedAt.toISOString(),
    decidedAt: state.status === 'decided' ? state.decidedAt.toISOString() : null,
    votes: state.votes.map(({ member, decision, reason, castAt }) => ({
      member: { ...member },
      decision,
      reason,
      castAt: castAt.toISOString(),
    })),
    recusals: state.recusals.map(({ member, reason, recusedAt }) => ({
      member: { ...member },
      reason,
      recusedAt: recusedAt.toISOString(),
    })),
    decisionJws,
  };
}

/** The list entry of a stored case. */
export function toReviewCaseSummary(row: ReviewCaseEntity & { voteCount?: number }): ReviewCaseSummary {
  return {
    id: row.id,
    offerId: row.offerId,
    recipientId: row.recipientId,
    round: row.round,
    status: row.status,
    outcome: row.outcome,
    stricterReview: [...row.stricterReview],
    openedAt: row.openedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    voteCount: row.voteCount ?? 0,
  };
}
