import {
  decideOrder,
  evolveOrder,
  orderCovers,
  type StopUseOrderCommand,
  type StopUseOrderDecision,
  type StopUseOrderEvent,
  type StopUseOrderState,
} from './stop-use-order';

const t0 = new Date('2026-04-01T09:00:00Z');
const t1 = new Date('2026-04-01T09:05:00Z');
const target = { type: 'recipient', id: 'recipient-1' } as const;
const propose = (memberId: string): StopUseOrderCommand => ({
  type: 'propose',
  orderId: 'order-1',
  target,
  reason: 'data leak',
  memberId,
  now: t0,
});
const confirm = (memberId: string): StopUseOrderCommand => ({ type: 'confirm', memberId, now: t1 });
const lift = (memberId: string): StopUseOrderCommand => ({ type: 'lift', memberId, reason: 'fixed and audited', now: t1 });

/** Runs each command against the state the previous ones left; returns the last decision and the final state. */
function run(...commands: StopUseOrderCommand[]): { decision: StopUseOrderDecision | undefined; state: StopUseOrderState } {
  let state: StopUseOrderState = { status: 'not_issued' };
  let decision: StopUseOrderDecision | undefined;
  for (const command of commands) {
    decision = decideOrder(command, state);
    if (decision.outcome === 'accepted') state = decision.events.reduce<StopUseOrderState>(evolveOrder, state);
  }
  return { decision, state };
}

describe('stop-use orders', () => {
  it('given nothing, when a member proposes an order, then it is proposed and not yet effective', () => {
    const { decision, state } = run(propose('a'));
    expect(decision).toEqual({
      outcome: 'accepted',
      events: [{ type: 'order_proposed', orderId: 'order-1', target, reason: 'data leak', by: 'a', at: t0 } satisfies StopUseOrderEvent],
    });
    expect(state.status).toBe('proposed');
  });

  it('given a proposed order, when the same member confirms it, then it is refused (same_member) and stays proposed', () => {
    const { decision, state } = run(propose('a'), confirm('a'));
    expect(decision).toEqual({ outcome: 'refused', reason: 'same_member' });
    expect(state.status).toBe('proposed');
  });

  it('given a proposed order, when a second member confirms it, then it is effective', () => {
    const { state } = run(propose('a'), confirm('b'));
    expect(state).toMatchObject({
      status: 'effective',
      proposed: { memberId: 'a', at: t0 },
      confirmed: { memberId: 'b', at: t1 },
      liftRequested: null,
    });
  });

  it('given an effective order, when it is confirmed again or proposed again, then both are refused', () => {
    expect(run(propose('a'), confirm('b'), confirm('c')).decision).toEqual({ outcome: 'refused', reason: 'not_proposed' });
    expect(run(propose('a'), confirm('b'), propose('c')).decision).toEqual({ outcome: 'refused', reason: 'already_issued' });
  });

  it('given a proposed order, when someone tries to lift it, then it is refused (not_effective)', () => {
    expect(run(propose('a'), lift('b')).decision).toEqual({ outcome: 'refused', reason: 'not_effective' });
  });

  it('given an effective order, when one member asks to lift it, then it stays effective with the request recorded', () => {
    const { state } = run(propose('a'), confirm('b'), lift('a'));
    expect(state).toMatchObject({ status: 'effective', liftRequested: { memberId: 'a', reason: 'fixed and audited' } });
  });

  it('given a lift request, when the same member asks again, then it is refused (same_member) and stays effective', () => {
    const { decision, state } = run(propose('a'), confirm('b'), lift('a'), lift('a'));
    expect(decision).toEqual({ outcome: 'refused', reason: 'same_member' });
    expect(state.status).toBe('effective');
  });

  it('given a lift request, when a second member confirms the lift, then the order is lifted', () => {
    const { state } = run(propose('a'), confirm('b'), lift('b'), lift('c'));
    expect(state).toMatchObject({ status: 'lifted', liftRequested: { memberId: 'b' }, lifted: { memberId: 'c', at: t1 } });
    expect(run(propose('a'), confirm('b'), lift('b'), lift('c'), lift('a')).decision).toEqual({
      outcome: 'refused',
      reason: 'not_effective',
    });
  });

  describe('coverage', () => {
    const offer = {
      id: 'offer-1',
      recipientId: 'recipient-1',
      items: [{ categoryId: 'purchase.receipts' }, { categoryId: 'health.checkup' }],
    };

    it('covers every offer of the recipient, the one offer, or every offer asking for the category', () => {
      expect(orderCovers({ type: 'recipient', id: 'recipient-1' }, offer)).toBe(true);
      expect(orderCovers({ type: 'recipient', id: 'recipient-2' }, offer)).toBe(false);
      expect(orderCovers({ type: 'offer', id: 'offer-1' }, offer)).toBe(true);
      expect(orderCovers({ type: 'offer', id: 'offer-2' }, offer)).toBe(false);
      expect(orderCovers({ type: 'category', id: 'health.checkup' }, offer)).toBe(true);
      expect(orderCovers({ type: 'category', id: 'location.visits' }, offer)).toBe(false);
    });
  });
});
