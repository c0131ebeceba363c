import { DomainError } from '@infobank/platform';
import type { OfferAction, TransitionRefusal } from './offers/domain/offer-lifecycle';

/** No offer has this id, or the caller may not know it exists (another recipient's offer reads the same). */
export class OfferNotFoundError extends DomainError<'OFFER_NOT_FOUND'> {
  constructor(offerId: string) {
    super('OFFER_NOT_FOUND', `No offer has id ${offerId}.`);
  }
}

const conflictCodes = {
  edit: 'OFFER_NOT_EDITABLE',
  submit: 'OFFER_NOT_SUBMITTABLE',
  withdraw: 'OFFER_NOT_WITHDRAWABLE',
  record_outcome: 'OFFER_NOT_IN_REVIEW',
  suspend: 'OFFER_NOT_SUSPENDABLE',
  lift_suspension: 'OFFER_NOT_SUSPENDED',
} as const satisfies Record<OfferAction, string>;

type OfferConflictCode = (typeof conflictCodes)[OfferAction];

const conflictDetails: Record<OfferAction, string> = {
  edit: 'can be changed only while it is a draft or after the board requested changes',
  submit: 'can be submitted only while it is a draft or after the board requested changes',
  withdraw: 'cannot be withdrawn while the board reviews it or after it has ended',
  record_outcome: 'is not under review in that round',
  suspend: 'is not approved',
  lift_suspension: 'is not suspended',
};

/** The offer's status does not allow this step (e.g. editing an offer the board is reviewing). */
export class OfferStatusConflictError extends DomainError<OfferConflictCode> {
  constructor(refusal: TransitionRefusal) {
    super(conflictCodes[refusal.action], `The offer is ${refusal.from}: it ${conflictDetails[refusal.action]}.`);
  }
}

/** The review case already recorded a different outcome (another offer, round or decision). */
export class ReviewOutcomeConflictError extends DomainError<'REVIEW_OUTCOME_CONFLICT'> {
  constructor(caseId: string) {
    super('REVIEW_OUTCOME_CONFLICT', `Review case ${caseId} already recorded a different outcome.`);
  }
}

/** Stable codes of libs/offers' errors. */
export type OffersErrorCode = 'OFFER_NOT_FOUND' | OfferConflictCode | 'REVIEW_OUTCOME_CONFLICT';

/** HTTP status for each offers error code, for apps' problem+json filters. */
export const OFFERS_ERROR_STATUS: Readonly<Record<OffersErrorCode, number>> = {
  OFFER_NOT_FOUND: 404,
  OFFER_NOT_EDITABLE: 409,
  OFFER_NOT_SUBMITTABLE: 409,
  OFFER_NOT_WITHDRAWABLE: 409,
  OFFER_NOT_IN_REVIEW: 409,
  OFFER_NOT_SUSPENDABLE: 409,
  OFFER_NOT_SUSPENDED: 409,
  REVIEW_OUTCOME_CONFLICT: 409,
};
