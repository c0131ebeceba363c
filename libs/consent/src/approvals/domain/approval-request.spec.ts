import { decideApproval, effectiveApprovalStatus, expireApproval, letsDataOut, type ApprovalRequestState } from './approval-request';

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
