import { DomainError } from '@infobank/platform';
import { TERMS_ERROR_STATUS, type TermsErrorCode } from './terms/terms.errors';

/** No notification of the acting individual has this id (someone else's answers the same). */
export class NotificationNotFoundError extends DomainError<'NOTIFICATION_NOT_FOUND'> {
  constructor() {
    super('NOTIFICATION_NOT_FOUND', 'You have no notification with this id.');
  }
}

/** Stable codes of libs/rights. */
export type RightsErrorCode = 'NOTIFICATION_NOT_FOUND' | TermsErrorCode;

/** HTTP status of each libs/rights error code, for the portal's problem+json filter. */
export const RIGHTS_ERROR_STATUS: Readonly<Record<RightsErrorCode, number>> = {
  NOTIFICATION_NOT_FOUND: 404,
  ...TERMS_ERROR_STATUS,
};
