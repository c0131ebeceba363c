import fc from 'fast-check';
import { decide, replay, type ConsentCommand, type ConsentEvent, type ConsentState, type ConsentTerms } from './consent';
import { mayProvide } from './may-provide';

const t0 = Date.parse('2026-06-01T00:00:00Z');
const ITEMS = ['a.x#/1', 'a.x#/2', 'b.y#/1', 'b.y#/2'];
const OFFER_STATUSES = ['approved', 'suspended', 'withdrawn', 'expired', 'in_review', 'rejected'];
const offerId = '33333333-3333-4333-8333-333333333333';

const termsArb = fc.record({
  items: fc.subarray(ITEMS, { minLength: 1 }),
  mode: fc.constantFrom('auto' as const, 'ask' as const),
  expiresInMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
});
const commandArb = fc.record({
  type: fc.constantFrom('pause' as const, 'resume' as const, 'revoke' as const, 'expire' as const),
  cause: fc.constantFrom('expires_at' as const, 'offer_withdrawn' as const),
  afterMinutes: fc.integer({ min: 0, max: 120 }),
});

/** A random history: maybe a grant, then commands in time order; refused commands leave no event. */
const historyArb = fc.record({ granted: fc.boolean(), terms: termsArb, commands: fc.array(commandArb, { maxLength: 12 }) }).map((spec) => {
  let state = { status: 'none' } as ConsentState;
  const events: ConsentEvent[] = [];
  let now = t0;
  const apply = (command: ConsentCommand) => {
    const decision = decide(command, state);
    if (decision.outcome === 'accepted') {
      events.push(...decision.events);
      state = replay(decision.events, state);
    }
  };
  if (spec.granted) {
    const terms: ConsentTerms = {
      consentId: '11111111-1111-4111-8111-111111111111',
      individualId: '22222222-2222-4222-8222-222222222222',
      offerId,
      recipientId: '44444444-4444-4444-8444-444444444444',
      items: spec.terms.items,
      mode: spec.terms.mode,
      source: 'individual',
      expiresAt: spec.terms.expiresInMinutes === null ? null : new Date(t0 + spec.terms.expiresInMinutes * 60_000),
      explanation: null,
    };
    apply({ type: 'grant', terms, now: new Date(now) });
  }
  for (const command of spec.commands) {
    now += command.afterMinutes * 60_000;
    apply({ type: command.type, cause: command.cause, reason: null, now: new Date(now) } as ConsentCommand);
  }
  return { state, events, now };
});

const askArb = fc.record({
  history: historyArb,
  offerStatus: fc.constantFrom(...OFFER_STATUSES),
  items: fc.subarray(ITEMS),
  laterMinutes: fc.integer({ min: 0, max: 900 }),
});

describe('mayProvide over random event histories', () => {
  it('allows only an active, unexpired consent to an approved offer, and only items inside it', () => {
    fc.assert(
      fc.property(askArb, ({ history, offerStatus, items, laterMinutes }) => {
        const at = new Date(history.now + laterMinutes * 60_000);
        const verdict = mayProvide(history.state, { id: offerId, status: offerStatus }, items, at);
        if (!verdict.allowed) return;
        const { state } = history;
        expect(state.status).toBe('active');
        if (state.status !== 'active') return;
        expect(offerStatus).toBe('approved');
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((item) => state.items.includes(item))).toBe(true);
        expect(state.expiresAt === null || state.expiresAt.getTime() > at.getTime()).toBe(true);
        expect(verdict.mode).toBe(state.mode);
      }),
    );
  });

  it('never allows anything once a revocation or expiry is in the history', () => {
    fc.assert(
      fc.property(askArb, ({ history, offerStatus, items, laterMinutes }) => {
        fc.pre(history.events.some((event) => event.type === 'consent_revoked' || event.type === 'consent_expired'));
        const verdict = mayProvide(
          history.state,
          { id: offerId, status: offerStatus },
          items,
          new Date(history.now + laterMinutes * 60_000),
        );
        expect(verdict).toMatchObject({ allowed: false, reason: expect.stringMatching(/^(revoked|expired)$/) });
      }),
    );
  });

  it('refuses an item outside the consent as item_not_consented, naming it', () => {
    fc.assert(
      fc.property(historyArb, fc.constantFrom(...ITEMS), (history, item) => {
        const { state } = history;
        fc.pre(
          state.status === 'active' && !state.items.includes(item) && (state.expiresAt === null || state.expiresAt.getTime() > history.now),
        );
        const verdict = mayProvide(state, { id: offerId, status: 'approved' }, [item], new Date(history.now));
        expect(verdict).toEqual({ allowed: false, reason: 'item_not_consented', items: [item] });
      }),
    );
  });

  it('answers the same for the stored state as for the state replayed from the events (the ledger is the truth)', () => {
    fc.assert(
      fc.property(askArb, ({ history, offerStatus, items }) => {
        const replayed = replay(history.events);
        const at = new Date(history.now);
        expect(mayProvide(replayed, { id: offerId, status: offerStatus }, items, at)).toEqual(
          mayProvide(history.state, { id: offerId, status: offerStatus }, items, at),
        );
      }),
    );
  });

  it('refuses with a specific reason for each blocking condition', () => {
    const active = replay([
      {
        type: 'consent_granted',
        at: new Date(t0),
        terms: {
          consentId: '1',
          individualId: '2',
          offerId,
          recipientId: '4',
          items: ['a.x#/1'],
          mode: 'auto',
          source: 'individual',
          expiresAt: null,
          explanation: null,
        },
      },
    ]);
    const now = new Date(t0 + 1000);
    expect(mayProvide({ status: 'none' }, { id: offerId, status: 'approved' }, ['a.x#/1'], now)).toMatchObject({ reason: 'no_consent' });
    expect(mayProvide(active, { id: 'other', status: 'approved' }, ['a.x#/1'], now)).toMatchObject({ reason: 'no_consent' });
    expect(mayProvide(active, { id: offerId, status: 'suspended' }, ['a.x#/1'], now)).toMatchObject({ reason: 'offer_suspended' });
    expect(mayProvide(active, { id: offerId, status: 'withdrawn' }, ['a.x#/1'], now)).toMatchObject({ reason: 'offer_not_approved' });
    expect(
      mayProvide(replay([{ type: 'consent_paused', at: now }], active), { id: offerId, status: 'approved' }, ['a.x#/1'], now),
    ).toMatchObject({
      reason: 'paused',
    });
    expect(mayProvide(active, { id: offerId, status: 'approved' }, ['a.x#/1'], now)).toEqual({ allowed: true, mode: 'auto' });
  });
});
