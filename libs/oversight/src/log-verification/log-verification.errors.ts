import { DomainError } from '@infobank/platform';

/** No log verification run has this id. */
export class LogVerificationNotFoundError extends DomainError<'LOG_VERIFICATION_NOT_FOUND'> {
  constructor() {
    super('LOG_VERIFICATION_NOT_FOUND', 'No log verification has this id.');
  }
}

/** The caller is not a board member, the operator or the bank's own process. */
export class LogVerificationForbiddenError extends DomainError<'LOG_VERIFICATION_FORBIDDEN'> {
  constructor() {
    super('LOG_VERIFICATION_FORBIDDEN', 'Only data ethics board members and the bank may verify the log.');
  }
}

/** Stable codes of log verification's errors. */
export type LogVerificationErrorCode = 'LOG_VERIFICATION_NOT_FOUND' | 'LOG_VERIFICATION_FORBIDDEN';

/** HTTP status of each log verification error code. */
export const LOG_VERIFICATION_ERROR_STATUS: Readonly<Record<LogVerificationErrorCode, number>> = {
  LOG_VERIFICATION_NOT_FOUND: 404,
  LOG_VERIFICATION_FORBIDDEN: 403,
};
