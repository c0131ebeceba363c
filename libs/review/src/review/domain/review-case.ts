import type { Expertise } from './board-member';

/** How a member votes on an offer: approve it, reject it, or send it back to the recipient for changes. */
export type VoteDecision = 'approve' | 'reject' | 'request_changes';

/** Every vote decision, in the order the board's screens list them. */
export const VOTE_DECISIONS: readonly VoteDecision[] = ['approve', 'reject', 'request_changes'];

/** What a decided case means for the offer. */
export type CaseOutcome = 'approved' | 'rejected' | 'changes_requested';

/** Why an offer gets the stricter review (a legal and a consumer vote, and no rejection, to approve). */
export type StricterReviewReason = 'sensitive_items' | 'profiling' | 'cross_border';

/** What the rules need to know about the offer under review. */
export interface OfferUnderReview {
  items: readonly { sensitive: boolean }[];
  profiling: boolean;
  processingCountries: readonly string[];
}

/** The member who acts, as their profile stood when they acted. */
export interface ActingMember {
  id: string;
  expertise: Expertise;
  external: boolean;
}

/** One member's vote in one round, with the reason the recipient and auditors read. */
export interface Vote {
  member: ActingMember;
  decision: VoteDecision;
  reason: string;
  castAt: Date;
}

/** A member's declaration that they take no part in this round (conflict of interest); their vote does not count. */
export interface Recusal {
  member: ActingMember;
  reason: string;
  recusedAt: Date;
}

interface CaseFacts {
  caseId: string;
  offerId: string;
  round: number;
  /** Empty for the ordinary review. */
  stricterReview: readonly StricterReviewReason[];
  openedAt: Date;
  votes: readonly Vote[];
  recusals: readonly Recusal[];
}

/** A review case: one round of the board's review of one offer. */
export type ReviewCaseState =
  { status: 'not_opened' } | ({ status: 'open' } & CaseFacts) | ({ status: 'decided'; outcome: CaseOutcome; decidedAt: Date } & CaseFacts);

/** What happened to a case, in order. */
export type ReviewCaseEvent =
  | { type: 'case_opened'; caseId: string; offerId: string; round: number; stricterReview: StricterReviewReason[]; at: Date }
  | { type: 'vote_cast'; vote: Vote }
  | { type: 'member_recused'; recusal: Recusal }
  | { type: 'case_decided'; outcome: CaseOutcome; at: Date };

/** What can be asked of a case. Time is passed in (`now`), never read. */
export type ReviewCaseCommand =
  | { type: 'open_case'; caseId: string; offerId: string; round: number; offer: OfferUnderReview; now: Date }
  | { type: 'cast_vote'; member: ActingMember; decision: VoteDecision; reason: string; now: Date }
  | { type: 'recuse'; member: ActingMember; reason: string; now: Date };

/** Why a command is refused; nothing changes. */
export type ReviewCaseRefusal = 'case_not_open' | 'already_voted' | 'recused' | 'already_recused' | 'already_opened';

/** The result of deciding a command: the events to record, or why it is refused. */
export type ReviewCaseDecision = { outcome: 'accepted'; events: ReviewCaseEvent[] } | { outcome: 'refused'; reason: ReviewCaseRefusal };

/** At least this many members who are not recused must vote before a case is decided. */
export const QUORUM = 3;

/** Why `offer` needs the stricter review: sensitive items, profiling, or processing outside Japan. */
export function stricterReviewReasons(offer: OfferUnderReview): StricterReviewReason[] {
  const reasons: StricterReviewReason[] = [];
  if (offer.items.some((item) => item.sensitive)) reasons.push('sensitive_items');
  if (offer.profiling) reasons.push('profiling');
  if (offer.processingCountries.some((country) => country !== 'JP')) reasons.push('cross_border');
  return reasons;
}

/** The votes that count: those of members who have not recused themselves. */
export function countedVotes(state: Pick<CaseFacts, 'votes' | 'recusals'>): Vote[] {
  const recused = new Set(state.recusals.map((recusal) => recusal.member.id));
  return state.votes.filter((vote) => !recused.has(vote.member.id));
}

/**
 * The outcome once the counted votes reach quorum (at least three, one of them external; for the
 * stricter review also a legal and a consumer member), or null while they do not. The majority wins
 * and a tie is `changes_requested`; under the stricter review any rejection bars approval.
 */
export function outcomeOf(state: Pick<CaseFacts, 'votes' | 'recusals' | 'stricterReview'>): CaseOutcome | null {
  const votes = countedVotes(state);
  if (votes.length < QUORUM || !votes.some((vote) => vote.member.external)) return null;
  const stricter = state.stricterReview.length > 0;
  if (stricter && !(['legal', 'consumer'] as const).every((field) => votes.some((vote) => vote.member.expertise === field))) return null;
  const tally = (decision: VoteDecision) => votes.filter((vote) => vote.decision === decision).length;
  const [first, second] = [...VOTE_DECISIONS].sort((a, b) => tally(b) - tally(a));
  if (tally(first) === tally(second)) return 'changes_requested';
  if (first === 'approve' && stricter && tally('reject') > 0) return 'changes_requested';
  return OUTCOME_OF_DECISION[first];
}

const OUTCOME_OF_DECISION: Readonly<Record<VoteDecision, CaseOutcome>> = {
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'changes_requested',
};

/** The vote decision that leads to `outcome` (whose reasons explain it to the recipient). */
export function decisionBehind(outcome: CaseOutcome): VoteDecision {
  return VOTE_DECISIONS.find((decision) => OUTCOME_OF_DECISION[decision] === outcome) as VoteDecision;
}

/** Decides a command against a case's state: the events it produces, or why it is refused. */
export function decide(command: ReviewCaseCommand, state: ReviewCaseState): ReviewCaseDecision {
  if (command.type === 'open_case') {
    if (state.status !== 'not_opened') return refuse('already_opened');
    const { caseId, offerId, round, now } = command;
    return accept([{ type: 'case_opened', caseId, offerId, round, stricterReview: stricterReviewReasons(command.offer), at: now }]);
  }
  if (state.status !== 'open') return refuse('case_not_open');
  const recused = state.recusals.some((recusal) => recusal.member.id === command.member.id);
  if (command.type === 'recuse') {
    if (recused) return refuse('already_recused');
    // A recusal only removes a vote from the count, so it can never complete a quorum.
    return accept([{ type: 'member_recused', recusal: { member: command.member, reason: command.reason, recusedAt: command.now } }]);
  }
  if (recused) return refuse('recused');
  if (state.votes.some((vote) => vote.member.id === command.member.id)) return refuse('already_voted');
  const vote: Vote = { member: command.member, decision: command.decision, reason: command.reason, castAt: command.now };
  const voted: ReviewCaseEvent = { type: 'vote_cast', vote };
  const outcome = outcomeOf({ ...state, votes: [...state.votes, vote] });
  return accept(outcome === null ? [voted] : [voted, { type: 'case_decided', outcome, at: command.now }]);
}

/** Applies one event to a case's state. */
export function evolve(state: ReviewCaseState, event: ReviewCaseEvent): ReviewCaseState {
  switch (event.type) {
    case 'case_opened': {
      const { caseId, offerId, round, stricterReview, at } = event;
      return { status: 'open', caseId, offerId, round, stricterReview, openedAt: at, votes: [], recusals: [] };
    }
    case 'vote_cast':
      return state.status === 'open' ? { ...state, votes: [...state.votes, event.vote] } : state;
    case 'member_recused':
      return state.status === 'open' ? { ...state, recusals: [...state.recusals, event.recusal] } : state;
    case 'case_decided':
      return state.status === 'open' ? { ...state, status: 'decided', outcome: event.outcome, decidedAt: event.at } : state;
  }
}

/** The state after a sequence of events. */
export function replay(events: readonly ReviewCaseEvent[], initial: ReviewCaseState = { status: 'not_opened' }): ReviewCaseState {
  return events.reduce(evolve, initial);
}

function accept(events: ReviewCaseEvent[]): ReviewCaseDecision {
  return { outcome: 'accepted', events };
}

function refuse(reason: ReviewCaseRefusal): ReviewCaseDecision {
  return { outcome: 'refused', reason };
}

/** A past round of an offer's review, as far as opening the next one needs. */
export interface PastRound {
  round: number;
  status: 'open' | 'decided';
  outcome: CaseOutcome | null;
}

/**
 * True when round `round` of an offer's review may open after `past`: round 1 first, then each
 * further round only after the previous one ended in `changes_requested` (the recipient resubmitted).
 */
export function mayOpenRound(past: readonly PastRound[], round: number): boolean {
  const latest = past.reduce<PastRound | null>(
    (found, candidate) => (found === null || candidate.round > found.round ? candidate : found),
    null,
  );
  if (latest === null) return round === 1;
  return latest.status === 'decided' && latest.outcome === 'changes_requested' && round === latest.round + 1;
}
