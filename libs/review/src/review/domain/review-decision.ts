import { countedVotes, decisionBehind, type CaseOutcome, type ReviewCaseState } from './review-case';

/** The `typ` of the bank's signed decision (a compact JWS anyone can verify with the bank's JWKS). */
export const REVIEW_DECISION_TYPE = 'review-decision+jws';

/** Most reasons one decision passes on to the recipient. */
const MAX_REASONS = 50;

/**
 * What the bank signs when a case is decided: the offer as reviewed, every vote and recusal with
 * each member's expertise and external flag, and the outcome. Auditors verify it offline.
 */
export function decisionRecord(
  state: Extract<ReviewCaseState, { status: 'decided' }>,
  context: { recipientId: string; offer: object },
): Record<string, unknown> {
  return {
    kind: 'infobank.review-decision',
    version: 1,
    caseId: state.caseId,
    offerId: state.offerId,
    recipientId: context.recipientId,
    round: state.round,
    outcome: state.outcome,
    stricterReview: [...state.stricterReview],
    openedAt: state.openedAt.toISOString(),
    decidedAt: state.decidedAt.toISOString(),
    offer: context.offer,
    votes: state.votes.map(({ member, decision, reason, castAt }) => ({
      memberId: member.id,
      expertise: member.expertise,
      external: member.external,
      decision,
      reason,
      castAt: castAt.toISOString(),
    })),
    recusals: state.recusals.map(({ member, reason, recusedAt }) => ({
      memberId: member.id,
      expertise: member.expertise,
      external: member.external,
      reason,
      recusedAt: recusedAt.toISOString(),
    })),
    iat: Math.floor(state.decidedAt.getTime() / 1000),
  };
}

/**
 * The reasons the recipient is told: those of the counted votes behind the outcome, or, when the
 * outcome comes from a tie or a barred approval, every counted vote's reason.
 */
export function reasonsFor(
  state: Pick<Extract<ReviewCaseState, { status: 'decided' }>, 'votes' | 'recusals'>,
  outcome: CaseOutcome,
): string[] {
  const counted = countedVotes(state);
  const behind = counted.filter((vote) => vote.decision === decisionBehind(outcome));
  return (behind.length > 0 ? behind : counted).map((vote) => vote.reason).slice(0, MAX_REASONS);
}
