import { DomainError } from '@infobank/platform';

/** No organisation with this id has the recipient role (or none exists). */
export class AuditRecipientNotFoundError extends DomainError<'AUDIT_RECIPIENT_NOT_FOUND'> {
  constructor() {
    super('AUDIT_RECIPIENT_NOT_FOUND', 'No recipient with this id.');
  }
}

/** HTTP status of each audit error code. */
export const AUDIT_ERROR_STATUS: Readonly<Record<string, number>> = {
  AUDIT_RECIPIENT_NOT_FOUND: 404,
};
