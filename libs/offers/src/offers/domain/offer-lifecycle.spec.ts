import { effectiveStatus, isVisibleToIndividuals } from './offer';
import { edit, liftSuspension, recordOutcome, submit, suspend, withdraw } from './offer-lifecycle';

describe('offer lifecycle', () => {
  it('Given a draft, when it is submitted, then it is in review in round 1', () => {
    expect(submit('draft', 0)).toEqual({ allowed: true, to: 'in_review', round: 1 });
  });

  it('Given an offer the board returned in round 1, when it is resubmitted, then round 2 starts', () => {
    expect(edit('changes_requested', 1)).toMatchObject({ allowed: true });
    expect(submit('changes_requested', 1)).toEqual({ allowed: true, to: 'in_review', round: 2 });
  });

  it.each(['in_review', 'approved', 'rejected', 'suspended', 'withdrawn', 'expired'] as const)(
    'Given an offer %s, when the recipient edits or submits it, then it is refused',
    (status) => {
      expect(edit(status, 1)).toEqual({ allowed: false, action: 'edit', from: status });
      expect(submit(status, 1)).toEqual({ allowed: false, action: 'submit', from: status });
    },
  );

  it('Given an offer in review in round 2, when the board decides round 2, then it takes the outcome', () => {
    expect(recordOutcome('in_review', 2, { round: 2, outcome: 'rejected', suspended: false })).toEqual({
      allowed: true,
      to: 'rejected',
      round: 2,
    });
    expect(recordOutcome('in_review', 2, { round: 2, outcome: 'changes_requested', suspended: false })).toMatchObject({
      to: 'changes_requested',
    });
  });

  it('Given a stop-use order covers the offer, when the board approves it, then it lands suspended', () => {
    expect(recordOutcome('in_review', 1, { round: 1, outcome: 'approved', suspended: true })).toMatchObject({ to: 'suspended' });
    expect(recordOutcome('in_review', 1, { round: 1, outcome: 'rejected', suspended: true })).toMatchObject({ to: 'rejected' });
  });

  it('Given an offer in review in round 2, when a decision for round 1 arrives, then it is refused', () => {
    expect(recordOutcome('in_review', 2, { round: 1, outcome: 'approved', suspended: false })).toMatchObject({ allowed: false });
    expect(recordOutcome('approved', 1, { round: 1, outcome: 'approved', suspended: false })).toMatchObject({ allowed: false });
  });

  it('Given an approved offer, when an order suspends and lifts, then it is suspended and approved again', () => {
    expect(suspend('approved', 1)).toMatchObject({ allowed: true, to: 'suspended' });
    expect(liftSuspension('suspended', 1)).toMatchObject({ allowed: true, to: 'approved' });
    expect(suspend('in_review', 1)).toMatchObject({ allowed: false });
    expect(liftSuspension('approved', 1)).toMatchObject({ allowed: false });
  });

  it('Given an offer under review, when the recipient withdraws it, then it is refused; otherwise it is withdrawn', () => {
    expect(withdraw('in_review', 1)).toMatchObject({ allowed: false });
    expect(withdraw('expired', 1)).toMatchObject({ allowed: false });
    for (const status of ['draft', 'changes_requested', 'approved', 'suspended'] as const) {
      expect(withdraw(status, 1)).toMatchObject({ allowed: true, to: 'withdrawn' });
    }
  });

  it('Given validUntil has passed, when an approved or suspended offer is read, then it is expired and hidden', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const past = new Date('2025-06-01T00:00:00Z');
    const future = new Date('2025-06-01T00:00:01Z');
    expect(effectiveStatus('approved', past, now)).toBe('expired');
    expect(effectiveStatus('suspended', past, now)).toBe('expired');
    expect(effectiveStatus('draft', past, now)).toBe('draft');
    expect(isVisibleToIndividuals('approved', future, now)).toBe(true);
    expect(isVisibleToIndividuals('approved', past, now)).toBe(false);
    expect(isVisibleToIndividuals('suspended', future, now)).toBe(false);
  });
});
