import { DomainError } from '@infobank/platform';

/**
 * No active provider has this id, as far as the individual may know: unknown, suspended and
 * recipient-only organisations are answered alike, so linking reveals nothing about them.
 */
export class ProviderNotFoundError extends DomainError<'PROVIDER_NOT_FOUND'> {
  constructor() {
    super('PROVIDER_NOT_FOUND', 'No provider with this id accepts links.', {
      errors: [{ path: '/providerId', message: 'names no provider' }],
    });
  }
}

/**
 * The caller has no such link: the individual no link with this id (someone else's is answered the
 * same way), or the provider no active link for this customer reference.
 */
export class LinkNotFoundError extends DomainError<'LINK_NOT_FOUND'> {
  constructor(detail = 'You have no link with this id.') {
    super('LINK_NOT_FOUND', detail);
  }
}

/**
 * The link code cannot be redeemed by this provider. Unknown, expired, already used and codes made
 * for another provider are answered identically, so codes cannot be probed.
 */
export class LinkCodeInvalidError extends DomainError<'LINK_CODE_INVALID'> {
  constructor() {
    super('LINK_CODE_INVALID', 'The link code is not valid for this provider: ask the customer for a new one.', {
      errors: [{ path: '/linkCode', message: 'is not a valid link code' }],
    });
  }
}

/** The provider's customer reference is already actively linked to a different individual. */
export class CustomerRefInUseError extends DomainError<'CUSTOMER_REF_IN_USE'> {
  constructor() {
    super('CUSTOMER_REF_IN_USE', 'This customer reference is already linked to another individual; remove that link first.', {
      errors: [{ path: '/customerRef', message: 'is already linked to another individual' }],
    });
  }
}

/** Stable codes of the provider-link errors. */
export type LinkErrorCode = 'PROVIDER_NOT_FOUND' | 'LINK_NOT_FOUND' | 'LINK_CODE_INVALID' | 'CUSTOMER_REF_IN_USE';

/** HTTP status of each provider-link error code. */
export const LINK_ERROR_STATUS: Readonly<Record<LinkErrorCode, number>> = {
  PROVIDER_NOT_FOUND: 404,
  LINK_NOT_FOUND: 404,
  LINK_CODE_INVALID: 400,
  CUSTOMER_REF_IN_USE: 409,
};
