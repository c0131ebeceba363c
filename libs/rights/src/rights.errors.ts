import { DomainError } from '@infobank/platform';
import { TERMS_ERROR_STATUS, type TermsErrorCode } from './terms/terms.errors';

/** No notification of the acting individual has this id (someone else's answers the same). */
export class NotificationNotFoundError extends DomainError<'NOTIFICATION_NOT_FOUND'> {
  constructor() {
    super('NOTIFICATION_NOT_FOUND', 'You have no notification with this id.');
  }
}

/** The link's token is unknown, already used, or for another purpose (all answered alike). */
export class AccountTokenInvalidError extends DomainError<'ACCOUNT_TOKEN_INVALID'> {
  constructor() {
    super('ACCOUNT_TOKEN_INVALID', 'This link is not valid or has been used already; ask for a new one.');
  }
}

/** The link's token ran out (a reset link lasts 30 minutes, a verification link 24 hours). */
export class AccountTokenExpiredError extends DomainError<'ACCOUNT_TOKEN_EXPIRED'> {
  constructor() {
    super('ACCOUNT_TOKEN_EXPIRED', 'This link has expired; ask for a new one.');
  }
}

/** Stable codes of libs/rights. */
export type RightsErrorCode =
  | 'NOTIFICATION_NOT_FOUND'
  | 'ACCOUNT_TOKEN_INVALID'
  | 'ACCOUNT_TOKEN_EXPIRED'
  | 'COMPLAINT_NOT_FOUND'
  | 'COMPLAINT_STEP_REFUSED'
  | TermsErrorCode;

/** HTTP status of each libs/rights error code, for the problem+json filters of the portal and the ethics board. */
export const RIGHTS_ERROR_STATUS: Readonly<Record<RightsErrorCode, number>> = {
  NOTIFICATION_NOT_FOUND: 404,
  ACCOUNT_TOKEN_INVALID: 400,
  ACCOUNT_TOKEN_EXPIRED: 400,
  ...TERMS_ERROR_STATUS,
  COMPLAINT_NOT_FOUND: 404,
  COMPLAINT_STEP_REFUSED: 409,
};
