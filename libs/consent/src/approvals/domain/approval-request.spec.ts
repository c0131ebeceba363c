import {
  decideApproval,
  effectiveApprovalStatus,
  expireApproval,
  letsDataOut,
  reminderTime,
  shouldRemind,
  type ApprovalRequestState,
} from './approval-request';

const expiresAt = new Date('2026-12-05T00:00:00Z');
const before = new Date('2026-12-04T23:59:59.999Z');
const pending: ApprovalRequestState = { status: 'pending', expiresAt };

describe('an individual answering an ask-mode request', () => {
  it('Given a pending request, When approved before the timeout, Then it is approved and lets data out', () => {
    const transition = decideApproval(pending, 'approve', before);
    expect(transition).toEqual({ allowed: true, to: 'approved' });
    expect(letsDataOut('approved')).toBe(true);
  });

  it('Given a pending request, When denied before the timeout, Then it is denied and lets nothing out', () => {
    expect(decideApproval(pending, 'deny', before)).toEqual({ allowed: true, to: 'denied' });
    expect(letsDataOut('denied')).toBe(false);
  });

  it('Given a pending request, When answered at or after the timeout, Then the answer is refused as expired', () => {
    for (const decision of ['approve', 'deny'] as const) {
      expect(decideApproval(pending, decision, expiresAt)).toEqual({ allowed: false, reason: 'expired', status: 'expired' });
    }
  });

  it('Given an answered request, When answered again, Then it is refused and keeps its status', () => {
    for (const status of ['approved', 'denied'] as const) {
      expect(decideApproval({ status, expiresAt }, 'approve', before)).toEqual({ allowed: false, reason: 'already_decided', status });
    }
    expect(decideApproval({ status: 'expired', expiresAt }, 'approve', before)).toEqual({
      allowed: false,
      reason: 'expired',
      status: 'expired',
    });
  });
});

describe('the approval timeout', () => {
  it('Given a pending request, When the timeout is due, Then it expires, which is a denial', () => {
    expect(expireApproval(pending, expiresAt)).toEqual({ expire: true, due: true });
    expect(letsDataOut('expired')).toBe(false);
    expect(letsDataOut('pending')).toBe(false);
  });

  it('Given a pending request, When the timeout runs early, Then nothing expires yet', () => {
    expect(expireApproval(pending, before)).toEqual({ expire: false, due: false });
  });

  it('Given an answered request, When the timeout is due, Then the answer stands', () => {
    for (const status of ['approved', 'denied', 'expired'] as const)
      expect(expireApproval({ status, expiresAt }, expiresAt).expire).toBe(false);
  });

  it('Given a pending request past its timeout the job has not reached yet, When read, Then it reads as expired', () => {
    expect(effectiveApprovalStatus(pending, expiresAt)).toBe('expired');
    expect(effectiveApprovalStatus(pending, before)).toBe('pending');
    expect(effectiveApprovalStatus({ status: 'approved', expiresAt }, expiresAt)).toBe('approved');
  });
});

describe('approval reminders', () => {
  const requestedAt = new Date('2026-12-07T00:00:00.000Z');
  const expiresAt = new Date('2026-12-10T00:00:00.000Z');

  it('Given a 72-hour request and a 24-hour lead, then the reminder is due 48 hours after the request', () => {
    expect(reminderTime(requestedAt, expiresAt, 24 * 60)?.toISOString()).toBe('2026-12-09T00:00:00.000Z');
  });

  it('Given a lead as long as the wait or longer, then there is no reminder', () => {
    expect(reminderTime(requestedAt, expiresAt, 72 * 60)).toBeNull();
    expect(reminderTime(requestedAt, expiresAt, 100 * 60)).toBeNull();
  });

  it('Given a pending request before its timeout, then it is reminded; answered or timed out, it is not', () => {
    const pending: ApprovalRequestState = { status: 'pending', expiresAt };
    expect(shouldRemind(pending, new Date('2026-12-09T00:00:00.000Z'))).toBe(true);
    expect(shouldRemind(pending, expiresAt)).toBe(false);
    expect(shouldRemind({ ...pending, status: 'approved' }, requestedAt)).toBe(false);
  });
});
