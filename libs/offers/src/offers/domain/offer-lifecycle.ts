import type { OfferStatus, ReviewOutcome, StoredOfferStatus } from './offer';

/** Why a lifecycle step is not allowed from the offer's current status. */
export interface TransitionRefusal {
  allowed: false;
  /** The action that was refused, for the error's wording. */
  action: OfferAction;
  from: OfferStatus;
}

/** A lifecycle step the recipient or the board takes. */
export type OfferAction = 'edit' | 'submit' | 'withdraw' | 'record_outcome' | 'suspend' | 'lift_suspension';

/** The result of asking whether a step is allowed: the status it leads to, or a refusal. */
export type Transition = { allowed: true; to: StoredOfferStatus; round: number } | TransitionRefusal;

const refuse = (action: OfferAction, from: OfferStatus): TransitionRefusal => ({ allowed: false, action, from });

/** A recipient may change its offer only before review or after the board asked for changes. */
export function edit(status: OfferStatus, round: number): Transition {
  return status === 'draft' || status === 'changes_requested' ? { allowed: true, to: status, round } : refuse('edit', status);
}

/** Submitting sends a draft (or a changed offer) to the board and starts the next review round. */
export function submit(status: OfferStatus, round: number): Transition {
  return status === 'draft' || status === 'changes_requested'
    ? { allowed: true, to: 'in_review', round: round + 1 }
    : refuse('submit', status);
}

/**
 * A recipient may withdraw an offer it no longer wants to make, except while the board is reviewing
 * it (the open case must be decided first) and once it has ended.
 */
export function withdraw(status: OfferStatus, round: number): Transition {
  return status === 'draft' || status === 'changes_requested' || status === 'approved' || status === 'suspended'
    ? { allowed: true, to: 'withdrawn', round }
    : refuse('withdraw', status);
}

/**
 * The board's decision on the round under review. An approval lands as `suspended` when a stop-use
 * order already covers the offer, so nothing reaches individuals until the order is lifted.
 */
export function recordOutcome(
  status: OfferStatus,
  round: number,
  decision: { round: number; outcome: ReviewOutcome; suspended: boolean },
): Transition {
  if (status !== 'in_review' || decision.round !== round) return refuse('record_outcome', status);
  const to = decision.outcome === 'approved' && decision.suspended ? 'suspended' : decision.outcome;
  return { allowed: true, to, round };
}

/** A stop-use order suspends approved offers only; others have nothing to stop. */
export function suspend(status: StoredOfferStatus, round: number): Transition {
  return status === 'approved' ? { allowed: true, to: 'suspended', round } : refuse('suspend', status);
}

/** Lifting an order restores what it suspended, and nothing else. */
export function liftSuspension(status: StoredOfferStatus, round: number): Transition {
  return status === 'suspended' ? { allowed: true, to: 'approved', round } : refuse('lift_suspension', status);
}
