import { DomainError } from '@infobank/platform';

/** No notification of the acting individual has this id (someone else's answers the same). */
export class NotificationNotFoundError extends DomainError<'NOTIFICATION_NOT_FOUND'> {
  constructor() {
    super('NOTIFICATION_NOT_FOUND', 'You have no notification with this id.');
  }
}

/** Stable codes of libs/rights. */
export type RightsErrorCode = 'NOTIFICATION_NOT_FOUND' | 'COMPLAINT_NOT_FOUND' | 'COMPLAINT_STEP_REFUSED';

/** HTTP status of each libs/rights error code, for the problem+json filters of the portal and the ethics board. */
export const RIGHTS_ERROR_STATUS: Readonly<Record<RightsErrorCode, number>> = {
  NOTIFICATION_NOT_FOUND: 404,
  COMPLAINT_NOT_FOUND: 404,
  COMPLAINT_STEP_REFUSED: 409,
};
