import { DomainError } from '@infobank/platform';

/** No notification of the acting individual has this id (someone else's answers the same). */
export class NotificationNotFoundError extends DomainError<'NOTIFICATION_NOT_FOUND'> {
  constructor() {
    super('NOTIFICATION_NOT_FOUND', 'You have no notification with this id.');
  }
}

/** Stable codes of libs/rights. */
export type RightsErrorCode = 'NOTIFICATION_NOT_FOUND';

/** HTTP status of each libs/rights error code, for the portal's problem+json filter. */
export const RIGHTS_ERROR_STATUS: Readonly<Record<RightsErrorCode, number>> = {
  NOTIFICATION_NOT_FOUND: 404,
};
