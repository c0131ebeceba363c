import type { Expertise } from './board-member';
import {
  decide,
  mayOpenRound,
  replay,
  stricterReviewReasons,
  type ActingMember,
  type OfferUnderReview,
  type ReviewCaseCommand,
  type ReviewCaseDecision,
  type ReviewCaseEvent,
  type ReviewCaseState,
  type VoteDecision,
} from './review-case';

const opened = new Date('2026-04-01T09:00:00Z');
const now = new Date('2026-04-02T10:00:00Z');
const ordinaryOffer: OfferUnderReview = { items: [{ sensitive: false }], profiling: false, processingCountries: ['JP'] };

const member = (id: string, expertise: Expertise, external: boolean): ActingMember => ({ id, expertise, external });
const engineer = member('engineer', 'engineer', false);
const security = member('security', 'security', false);
const media = member('media', 'media', true);
const ethicist = member('ethicist', 'data_ethics', true);
const lawyer = member('lawyer', 'legal', true);
const consumer = member('consumer', 'consumer', true);

/** Given: the events a case has so far. */
function given(offer: OfferUnderReview = ordinaryOffer, round = 1): ReviewCaseEvent[] {
  const decision = decide({ type: 'open_case', caseId: 'case-1', offerId: 'offer-1', round, offer, now: opened }, { status: 'not_opened' });
  if (decision.outcome !== 'accepted') throw new Error('could not open the case');
  return decision.events;
}

const vote = (who: ActingMember, decision: VoteDecision, reason = `${who.id} says ${decision}`): ReviewCaseCommand => ({
  type: 'cast_vote',
  member: who,
  decision,
  reason,
  now,
});
const recuse = (who: ActingMember): ReviewCaseCommand => ({ type: 'recuse', member: who, reason: 'works for the recipient', now });

/** When: each command in turn, each decided against the state the previous ones left; the last one's decision is returned. */
function when(history: ReviewCaseEvent[], ...commands: ReviewCaseCommand[]) {
  const events = [...history];
  let decision: ReviewCaseDecision | undefined;
  for (const command of commands) {
    decision = decide(command, replay(events));
    if (decision.outcome === 'accepted') events.push(...decision.events);
  }
  return { decision, events, state: replay(events) };
}

const outcomeOf = (state: ReviewCaseState) => (state.status === 'decided' ? state.outcome : state.status);

describe('review case rules', () => {
  describe('opening', () => {
    it('given no case, when the offer is submitted, then round 1 opens with no votes', () => {
      const state = replay(given());
      expect(state).toEqual({
        status: 'open',
        caseId: 'case-1',
        offerId: 'offer-1',
        round: 1,
        stricterReview: [],
        openedAt: opened,
        votes: [],
        recusals: [],
      });
    });

    it('given an open case, when it is opened again, then nothing happens (already_opened)', () => {
      const { decision } = when(given(), { type: 'open_case', caseId: 'case-2', offerId: 'offer-1', round: 1, offer: ordinaryOffer, now });
      expect(decision).toEqual({ outcome: 'refused', reason: 'already_opened' });
    });
  });

  describe('quorum', () => {
    it('given an open case, when two members approve, then it stays open', () => {
      const { state } = when(given(), vote(media, 'approve'), vote(engineer, 'approve'));
      expect(outcomeOf(state)).toBe('open');
    });

    it('given two approvals, when a third member approves, then the offer is approved at that moment', () => {
      const { decision, state } = when(given(), vote(media, 'approve'), vote(engineer, 'approve'), vote(security, 'approve'));
      expect(decision).toEqual({
        outcome: 'accepted',
        events: [
          { type: 'vote_cast', vote: { member: security, decision: 'approve', reason: 'security says approve', castAt: now } },
          { type: 'case_decided', outcome: 'approved', at: now },
        ],
      });
      expect(state).toMatchObject({ status: 'decided', outcome: 'approved', decidedAt: now });
    });

    it('given three internal votes, when no external member has voted, then the case stays open until one does', () => {
      const internal = member('internal-3', 'media', false);
      const { state, events } = when(given(), vote(engineer, 'approve'), vote(security, 'approve'), vote(internal, 'approve'));
      expect(outcomeOf(state)).toBe('open');
      expect(outcomeOf(when(events, vote(ethicist, 'approve')).state)).toBe('approved');
    });

    it('given a decided case, when another member votes, then the vote is refused (case_not_open)', () => {
      const { decision } = when(
        given(),
        vote(media, 'approve'),
        vote(engineer, 'approve'),
        vote(security, 'approve'),
        vote(lawyer, 'reject'),
      );
      expect(decision).toEqual({ outcome: 'refused', reason: 'case_not_open' });
    });
  });

  describe('majority and ties', () => {
    it('given a quorum, when most votes reject, then the offer is rejected', () => {
      const { state } = when(given(), vote(media, 'reject'), vote(engineer, 'approve'), vote(security, 'reject'));
      expect(outcomeOf(state)).toBe('rejected');
    });

    it('given a quorum, when most votes request changes, then changes are requested', () => {
      const { state } = when(given(), vote(media, 'request_changes'), vote(engineer, 'request_changes'), vote(security, 'approve'));
      expect(outcomeOf(state)).toBe('changes_requested');
    });

    it('given three votes all different, when counted, then the tie is changes_requested', () => {
      const { state } = when(given(), vote(media, 'approve'), vote(engineer, 'reject'), vote(security, 'request_changes'));
      expect(outcomeOf(state)).toBe('changes_requested');
    });

    it('given two approvals and two rejections among four counted votes, when counted, then the tie is changes_requested', () => {
      // Three internal votes do not decide (no external member yet), so a fourth vote is counted.
      const internalA = member('internal-a', 'engineer', false);
      const internalB = member('internal-b', 'security', false);
      const internalC = member('internal-c', 'media', false);
      const tie = when(
        given(),
        vote(internalA, 'approve'),
        vote(internalB, 'reject'),
        vote(internalC, 'reject'),
        vote(ethicist, 'approve'),
      );
      expect(outcomeOf(tie.state)).toBe('changes_requested');
    });
  });

  describe('one vote per member per round', () => {
    it('given a member voted, when they vote again, then the second vote is refused (already_voted) and the first stands', () => {
      const { decision, state } = when(given(), vote(media, 'approve'), vote(media, 'reject'));
      expect(decision).toEqual({ outcome: 'refused', reason: 'already_voted' });
      expect(state).toMatchObject({ votes: [{ member: media, decision: 'approve' }] });
    });
  });

  describe('recusal', () => {
    it('given a member recused, when they try to vote, then the vote is refused (recused)', () => {
      const { decision } = when(given(), recuse(media), vote(media, 'approve'));
      expect(decision).toEqual({ outcome: 'refused', reason: 'recused' });
    });

    it('given a member recused, when they recuse again, then it is refused (already_recused)', () => {
      expect(when(given(), recuse(media), recuse(media)).decision).toEqual({ outcome: 'refused', reason: 'already_recused' });
    });

    it('given a member voted and then recused, when three others vote, then the recused vote does not count', () => {
      // Counted, the engineer's rejection would make it a 2:2 tie; recused, it is 1 rejection against 2 approvals.
      const { state, events } = when(given(), vote(engineer, 'reject'), recuse(engineer), vote(security, 'reject'), vote(media, 'approve'));
      expect(outcomeOf(state)).toBe('open');
      const decided = when(events, vote(ethicist, 'approve'));
      expect(outcomeOf(decided.state)).toBe('approved');
    });

    it('given the only external voter recuses, when two more internal members vote, then quorum still needs an external member', () => {
      const internal = member('internal-3', 'media', false);
      const { state } = when(
        given(),
        vote(media, 'approve'),
        recuse(media),
        vote(engineer, 'approve'),
        vote(security, 'approve'),
        vote(internal, 'approve'),
      );
      expect(outcomeOf(state)).toBe('open');
    });
  });

  describe('stricter review', () => {
    it('applies to sensitive items, profiling and processing outside Japan, and only to those', () => {
      expect(stricterReviewReasons(ordinaryOffer)).toEqual([]);
      expect(stricterReviewReasons({ ...ordinaryOffer, items: [{ sensitive: false }, { sensitive: true }] })).toEqual(['sensitive_items']);
      expect(stricterReviewReasons({ ...ordinaryOffer, profiling: true })).toEqual(['profiling']);
      expect(stricterReviewReasons({ ...ordinaryOffer, processingCountries: ['JP', 'SG'] })).toEqual(['cross_border']);
      expect(stricterReviewReasons({ items: [{ sensitive: true }], profiling: true, processingCountries: ['US'] })).toEqual([
        'sensitive_items',
        'profiling',
        'cross_border',
      ]);
    });

    for (const [name, offer] of [
      ['sensitive items', { ...ordinaryOffer, items: [{ sensitive: true }] }],
      ['profiling', { ...ordinaryOffer, profiling: true }],
      ['processing outside Japan', { ...ordinaryOffer, processingCountries: ['US'] }],
    ] as const) {
      it(`given an offer with ${name}, when three members approve without a legal and a consumer vote, then it stays open`, () => {
        const { state, events } = when(given(offer), vote(media, 'approve'), vote(engineer, 'approve'), vote(ethicist, 'approve'));
        expect(state).toMatchObject({ status: 'open', stricterReview: stricterReviewReasons(offer) });
        const withLawyer = when(events, vote(lawyer, 'approve'));
        expect(outcomeOf(withLawyer.state)).toBe('open');
        expect(outcomeOf(when(withLawyer.events, vote(consumer, 'approve')).state)).toBe('approved');
      });
    }

    it('given a sensitive offer, when the legal and consumer members approve with one external approval, then it is approved', () => {
      const { state } = when(
        given({ ...ordinaryOffer, items: [{ sensitive: true }] }),
        vote(lawyer, 'approve'),
        vote(consumer, 'approve'),
        vote(engineer, 'approve'),
      );
      expect(outcomeOf(state)).toBe('approved');
    });

    it('given a profiling offer, when the majority approves but one member rejects, then approval is barred: changes_requested', () => {
      const { state } = when(
        given({ ...ordinaryOffer, profiling: true }),
        vote(lawyer, 'approve'),
        vote(consumer, 'approve'),
        vote(engineer, 'reject'),
      );
      expect(outcomeOf(state)).toBe('changes_requested');
    });

    it('given an ordinary offer, when the majority approves and one member rejects, then it is approved', () => {
      const { state } = when(given(), vote(lawyer, 'approve'), vote(consumer, 'approve'), vote(engineer, 'reject'));
      expect(outcomeOf(state)).toBe('approved');
    });

    it('given a cross-border offer, when the majority rejects, then it is rejected', () => {
      const { state } = when(
        given({ ...ordinaryOffer, processingCountries: ['CN'] }),
        vote(lawyer, 'reject'),
        vote(consumer, 'reject'),
        vote(media, 'approve'),
      );
      expect(outcomeOf(state)).toBe('rejected');
    });

    it('given a sensitive offer, when the consumer member recuses after voting, then their vote no longer satisfies the rule', () => {
      const sensitive = { ...ordinaryOffer, items: [{ sensitive: true }] };
      const { state } = when(
        given(sensitive),
        vote(consumer, 'approve'),
        recuse(consumer),
        vote(lawyer, 'approve'),
        vote(media, 'approve'),
        vote(engineer, 'approve'),
      );
      expect(outcomeOf(state)).toBe('open');
    });
  });

  describe('rounds', () => {
    it('given no review yet, when round 1 or another round is asked for, then only round 1 may open', () => {
      expect(mayOpenRound([], 1)).toBe(true);
      expect(mayOpenRound([], 2)).toBe(false);
    });

    it('given round 1 ended in changes_requested, when the recipient resubmits, then round 2 may open (and no other)', () => {
      const past = [{ round: 1, status: 'decided', outcome: 'changes_requested' }] as const;
      expect(mayOpenRound(past, 2)).toBe(true);
      expect(mayOpenRound(past, 1)).toBe(false);
      expect(mayOpenRound(past, 3)).toBe(false);
    });

    it('given round 1 is still open, approved or rejected, when round 2 is asked for, then it may not open', () => {
      expect(mayOpenRound([{ round: 1, status: 'open', outcome: null }], 2)).toBe(false);
      expect(mayOpenRound([{ round: 1, status: 'decided', outcome: 'approved' }], 2)).toBe(false);
      expect(mayOpenRound([{ round: 1, status: 'decided', outcome: 'rejected' }], 2)).toBe(false);
    });

    it('given round 1 asked for changes, when round 2 opens, then members who voted in round 1 vote afresh', () => {
      const first = when(given(), vote(media, 'request_changes'), vote(engineer, 'request_changes'), vote(security, 'approve'));
      expect(outcomeOf(first.state)).toBe('changes_requested');
      const second = when(given(ordinaryOffer, 2), vote(media, 'approve'), vote(engineer, 'approve'), vote(security, 'approve'));
      expect(second.state).toMatchObject({ status: 'decided', round: 2, outcome: 'approved' });
    });
  });
});
