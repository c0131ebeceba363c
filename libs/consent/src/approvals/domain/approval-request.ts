/**
 * Where an ask-mode approval request (個別確認) is: waiting for the individual, or answered — by them
 * (`approved`, `denied`) or by the timeout (`expired`, which counts as a denial) — or `cancelled` because
 * the consent ended or a stop-use order stopped the offer before anyone answered.
 */
export type ApprovalStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'cancelled';

/** Every approval status. */
export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'denied', 'expired', 'cancelled'];

/** The individual's answer to one request. */
export type ApprovalDecision = 'approve' | 'deny';

/** Every answer an individual can give. */
export const APPROVAL_DECISIONS: readonly ApprovalDecision[] = ['approve', 'deny'];

/** What the rules read of a request: its status and until when it may be answered. */
export interface ApprovalRequestState {
  status: ApprovalStatus;
  expiresAt: Date;
}

/** A change the rules allow, or why not: already answered, or past its timeout. */
export type ApprovalTransition =
  | { allowed: true; to: Exclude<ApprovalStatus, 'pending'> }
  | { allowed: false; reason: 'already_decided' | 'expired'; status: ApprovalStatus };

/** True when provision under the request may go ahead: only an explicit approval lets data out. */
export function letsDataOut(status: ApprovalStatus): boolean {
  return status === 'approved';
}

/**
 * The individual answers at `now`: a pending request before its timeout takes the answer; at or after
 * the timeout it is `expired` (no answer in time is a denial, even if the timeout job has not run yet).
 */
export function decideApproval(state: ApprovalRequestState, decision: ApprovalDecision, now: Date): ApprovalTransition {
  if (state.status !== 'pending')
    return { allowed: false, reason: state.status === 'expired' ? 'expired' : 'already_decided', status: state.status };
  if (now.getTime() >= state.expiresAt.getTime()) return { allowed: false, reason: 'expired', status: 'expired' };
  return { allowed: true, to: decision === 'approve' ? 'approved' : 'denied' };
}

/** The timeout at `now`: a pending request past its time becomes `expired`; anything else is left as it is. */
export function expireApproval(state: ApprovalRequestState, now: Date): { expire: boolean; due: boolean } {
  const due = now.getTime() >= state.expiresAt.getTime();
  return { expire: state.status === 'pending' && due, due };
}

/** The status a stored request reads as at `now` (a pending one past its timeout reads as expired). */
export function effectiveApprovalStatus(state: ApprovalRequestState, now: Date): ApprovalStatus {
  return state.status === 'pending' && now.getTime() >= state.expiresAt.getTime() ? 'expired' : state.status;
}

/**
 * When to remind the individual of a request made at `requestedAt`: `leadMinutes` before it expires,
 * or never (null) when that is not after the request itself (the request's own mail is reminder enough).
 */
export function reminderTime(requestedAt: Date, expiresAt: Date, leadMinutes: number): Date | null {
  const remindAt = expiresAt.getTime() - leadMinutes * 60 * 1000;
  return remindAt > requestedAt.getTime() ? new Date(remindAt) : null;
}

/** Whether a reminder still makes sense at `now`: the request is pending and has not timed out. */
export function shouldRemind(state: ApprovalRequestState, now: Date): boolean {
  return effectiveApprovalStatus(state, now) === 'pending';
}
