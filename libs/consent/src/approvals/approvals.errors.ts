import { DomainError } from '@infobank/platform';

/** The individual has no approval request with this id (someone else's is answered the same way). */
export class ApprovalNotFoundError extends DomainError<'APPROVAL_NOT_FOUND'> {
  constructor() {
    super('APPROVAL_NOT_FOUND', 'You have no approval request with this id.');
  }
}

/** The request was already approved or denied; an answer stands. */
export class ApprovalAlreadyDecidedError extends DomainError<'APPROVAL_ALREADY_DECIDED'> {
  constructor(status: string) {
    super('APPROVAL_ALREADY_DECIDED', `This approval request is already ${status}.`);
  }
}

/** The request timed out before the answer: no answer in time counts as a denial. */
export class ApprovalExpiredError extends DomainError<'APPROVAL_EXPIRED'> {
  constructor() {
    super('APPROVAL_EXPIRED', 'This approval request timed out and counts as denied.');
  }
}

/** Approval requests are only made under a live consent in ask mode. */
export class ApprovalNotNeededError extends DomainError<'APPROVAL_NOT_NEEDED'> {
  constructor() {
    super('APPROVAL_NOT_NEEDED', 'The consent is not a live ask-mode consent of this individual.', {
      errors: [{ path: '/consentId', message: 'names no live ask-mode consent of this individual' }],
    });
  }
}

/** Stable codes of the approval errors. */
export type ApprovalErrorCode = 'APPROVAL_NOT_FOUND' | 'APPROVAL_ALREADY_DECIDED' | 'APPROVAL_EXPIRED' | 'APPROVAL_NOT_NEEDED';

/** HTTP status of each approval error code. */
export const APPROVAL_ERROR_STATUS: Readonly<Record<ApprovalErrorCode, number>> = {
  APPROVAL_NOT_FOUND: 404,
  APPROVAL_ALREADY_DECIDED: 409,
  APPROVAL_EXPIRED: 409,
  APPROVAL_NOT_NEEDED: 409,
};
