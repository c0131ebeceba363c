import { decide, evolve, replay, type ConsentCommand, type ConsentState, type ConsentTerms } from './consent';

const t0 = new Date('2026-06-01T00:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const terms: ConsentTerms = {
  consentId: '11111111-1111-4111-8111-111111111111',
  individualId: '22222222-2222-4222-8222-222222222222',
  offerId: '33333333-3333-4333-8333-333333333333',
  recipientId: '44444444-4444-4444-8444-444444444444',
  items: ['purchase.receipts#/total'],
  mode: 'auto',
  source: 'individual',
  expiresAt: later(60),
  explanation: null,
};

function given(...commands: ConsentCommand[]): ConsentState {
  return commands.reduce<ConsentState>(
    (state, command) => {
      const decision = decide(command, state);
      if (decision.outcome === 'refused') throw new Error(`setup refused: ${decision.reason}`);
      return replay(decision.events, state);
    },
    { status: 'none' },
  );
}

const grant: ConsentCommand = { type: 'grant', terms, now: t0 };
const pause: ConsentCommand = { type: 'pause', now: later(1) };
const resume: ConsentCommand = { type: 'resume', now: later(2) };
const revoke: ConsentCommand = { type: 'revoke', reason: 'no longer wanted', now: later(3) };

describe('consent rules', () => {
  describe('granting', () => {
    it('Given no consent, When granted, Then it is active at version 1 with the terms', () => {
      const state = given(grant);
      expect(state).toMatchObject({ status: 'active', version: 1, items: terms.items, grantedAt: t0 });
    });
    it('Given a consent, When granted again, Then it is refused already_granted', () => {
      expect(decide(grant, given(grant))).toEqual({ outcome: 'refused', reason: 'already_granted' });
    });
    it('Given no consent, When granted with an expiry not in the future, Then it is refused', () => {
      expect(decide({ type: 'grant', terms: { ...terms, expiresAt: t0 }, now: t0 }, { status: 'none' })).toEqual({
        outcome: 'refused',
        reason: 'expiry_not_in_future',
      });
    });
    it.each(['pause', 'resume', 'revoke', 'expire'] as const)('Given no consent, When %s, Then it is refused no_consent', (type) => {
      const command = { type, now: t0, reason: null, cause: 'expires_at' } as ConsentCommand;
      expect(decide(command, { status: 'none' })).toEqual({ outcome: 'refused', reason: 'no_consent' });
    });
  });

  describe('pausing and resuming', () => {
    it('Given an active consent, When paused, Then it is paused at version 2', () => {
      expect(given(grant, pause)).toMatchObject({ status: 'paused', version: 2 });
    });
    it('Given a paused consent, When paused again, Then it is refused already_paused', () => {
      expect(decide(pause, given(grant, pause))).toEqual({ outcome: 'refused', reason: 'already_paused' });
    });
    it('Given a paused consent, When resumed, Then it is active at version 3', () => {
      expect(given(grant, pause, resume)).toMatchObject({ status: 'active', version: 3 });
    });
    it('Given an active consent, When resumed, Then it is refused not_paused', () => {
      expect(decide(resume, given(grant))).toEqual({ outcome: 'refused', reason: 'not_paused' });
    });
    it('Given an active consent past its expiresAt, When paused, Then it is refused consent_ended', () => {
      expect(decide({ type: 'pause', now: later(61) }, given(grant))).toEqual({ outcome: 'refused', reason: 'consent_ended' });
    });
  });

  describe('revoking', () => {
    it.each([
      ['active', [grant]],
      ['paused', [grant, pause]],
    ])('Given a %s consent, When revoked, Then it is revoked with the reason and time', (_label, setup) => {
      expect(given(...setup, revoke)).toMatchObject({ status: 'revoked', reason: 'no longer wanted', revokedAt: later(3) });
    });
    it('Given a revoked consent, When revoked again, Then it is refused already_revoked', () => {
      expect(decide(revoke, given(grant, revoke))).toEqual({ outcome: 'refused', reason: 'already_revoked' });
    });
    it.each([pause, resume])('Given a revoked consent, When %p, Then it is refused consent_ended', (command) => {
      expect(decide({ ...command, now: later(4) }, given(grant, revoke))).toEqual({ outcome: 'refused', reason: 'consent_ended' });
    });
  });

  describe('expiring', () => {
    it('Given an active consent before its expiresAt, When expired for expires_at, Then it is refused not_due', () => {
      expect(decide({ type: 'expire', cause: 'expires_at', now: later(59) }, given(grant))).toEqual({
        outcome: 'refused',
        reason: 'not_due',
      });
    });
    it('Given an active consent past its expiresAt, When expired, Then it is expired with the cause', () => {
      expect(given(grant, { type: 'expire', cause: 'expires_at', now: later(60) })).toMatchObject({
        status: 'expired',
        cause: 'expires_at',
      });
    });
    it('Given a paused consent, When its offer was withdrawn, Then it expires whatever its expiresAt', () => {
      expect(given(grant, pause, { type: 'expire', cause: 'offer_withdrawn', now: later(5) })).toMatchObject({
        status: 'expired',
        cause: 'offer_withdrawn',
        version: 3,
      });
    });
    it.each([revoke, { type: 'expire', cause: 'offer_expired', now: later(9) } as ConsentCommand])(
      'Given an expired consent, When %p, Then it is refused consent_ended',
      (command) => {
        const expired = given(grant, { type: 'expire', cause: 'offer_expired', now: later(5) });
        expect(decide(command, expired)).toEqual({ outcome: 'refused', reason: 'consent_ended' });
      },
    );
  });

  it('evolve refuses an event that does not fit the state (a bug, never a silent state)', () => {
    expect(() => evolve({ status: 'none' }, { type: 'consent_paused', at: t0 })).toThrow();
    expect(() => evolve(given(grant), { type: 'consent_granted', terms, at: t0 })).toThrow();
  });
});
