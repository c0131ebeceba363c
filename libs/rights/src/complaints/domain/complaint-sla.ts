import type { ComplaintState } from './complaint';

/** The desk's service levels: hours to the first answer and days to closing (COMPLAINT_FIRST_REPLY_HOURS, COMPLAINT_RESOLVE_DAYS). */
export interface ComplaintSlaPolicy {
  firstReplyHours: number;
  resolveDays: number;
}

/**
 * One timer: `pending` (not done, not yet due), `overdue` (not done, past due), `met` (done in time),
 * `missed` (done, but late).
 */
export type SlaTimerState = 'pending' | 'overdue' | 'met' | 'missed';

/** A timer's due time and state. */
export interface SlaTimer {
  dueAt: Date;
  state: SlaTimerState;
}

/** Where a complaint stands against both timers. */
export interface ComplaintSla {
  firstReply: SlaTimer;
  resolution: SlaTimer;
}

const HOUR_MS = 3_600_000;

/** When the first answer is due for a complaint filed at `filedAt`. */
export function firstReplyDueAt(filedAt: Date, policy: ComplaintSlaPolicy): Date {
  return new Date(filedAt.getTime() + Math.round(policy.firstReplyHours * HOUR_MS));
}

/** When a complaint filed at `filedAt` is due to be closed. */
export function resolutionDueAt(filedAt: Date, policy: ComplaintSlaPolicy): Date {
  return new Date(filedAt.getTime() + Math.round(policy.resolveDays * 24 * HOUR_MS));
}

/** The complaint's two timers at `now`. */
export function complaintSla(
  state: Pick<ComplaintState, 'filedAt' | 'firstAnsweredAt' | 'closedAt'>,
  policy: ComplaintSlaPolicy,
  now: Date,
): ComplaintSla {
  return {
    firstReply: timer(firstReplyDueAt(state.filedAt, policy), state.firstAnsweredAt, now),
    resolution: timer(resolutionDueAt(state.filedAt, policy), state.closedAt, now),
  };
}

function timer(dueAt: Date, doneAt: Date | null, now: Date): SlaTimer {
  if (doneAt !== null) return { dueAt, state: doneAt.getTime() <= dueAt.getTime() ? 'met' : 'missed' };
  return { dueAt, state: now.getTime() > dueAt.getTime() ? 'overdue' : 'pending' };
}
