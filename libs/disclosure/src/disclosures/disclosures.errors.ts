import { DomainError } from '@infobank/platform';

/** The acting individual has no disclosure request with this id (someone else's answers the same). */
export class DisclosureNotFoundError extends DomainError<'DISCLOSURE_NOT_FOUND'> {
  constructor() {
    super('DISCLOSURE_NOT_FOUND', 'You have no disclosure request with this id.');
  }
}

/** A download token is asked for before the bundle is ready. */
export class DisclosureNotReadyError extends DomainError<'DISCLOSURE_NOT_READY'> {
  constructor() {
    super('DISCLOSURE_NOT_READY', 'The bundle is not ready yet; you will be notified when it is.');
  }
}

/** The bundle was deleted at the end of its retention; a new request makes a new one. */
export class DisclosureExpiredError extends DomainError<'DISCLOSURE_EXPIRED'> {
  constructor() {
    super('DISCLOSURE_EXPIRED', 'The bundle was deleted after its retention period; make a new request.');
  }
}

/** An earlier request of the same individual is still being prepared. */
export class DisclosureInProgressError extends DomainError<'DISCLOSURE_IN_PROGRESS'> {
  constructor() {
    super('DISCLOSURE_IN_PROGRESS', 'An earlier disclosure request of yours is still being prepared; wait until it is ready.');
  }
}

/** The download token is unknown, already used or expired (all read the same). */
export class DisclosureTokenInvalidError extends DomainError<'DISCLOSURE_TOKEN_INVALID'> {
  constructor() {
    super('DISCLOSURE_TOKEN_INVALID', 'The download token is not valid: it may have expired or been used; ask for a new one.');
  }
}

/** No published disclosure schema has this file name. */
export class DisclosureSchemaNotFoundError extends DomainError<'DISCLOSURE_SCHEMA_NOT_FOUND'> {
  constructor() {
    super('DISCLOSURE_SCHEMA_NOT_FOUND', 'No disclosure schema has this name; GET /v1/disclosure-schemas lists them.');
  }
}

/** Stable codes of disclosure requests. */
export type DisclosureErrorCode =
  | 'DISCLOSURE_NOT_FOUND'
  | 'DISCLOSURE_NOT_READY'
  | 'DISCLOSURE_EXPIRED'
  | 'DISCLOSURE_IN_PROGRESS'
  | 'DISCLOSURE_TOKEN_INVALID'
  | 'DISCLOSURE_SCHEMA_NOT_FOUND';

/** HTTP status of each disclosure error code. */
export const DISCLOSURE_ERROR_STATUS: Readonly<Record<DisclosureErrorCode, number>> = {
  DISCLOSURE_NOT_FOUND: 404,
  DISCLOSURE_NOT_READY: 409,
  DISCLOSURE_EXPIRED: 410,
  DISCLOSURE_IN_PROGRESS: 409,
  DISCLOSURE_TOKEN_INVALID: 401,
  DISCLOSURE_SCHEMA_NOT_FOUND: 404,
};
