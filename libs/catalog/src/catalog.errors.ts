import { DomainError } from '@infobank/platform';

/** No organisation has this id (or the caller may not know it exists). */
export class OrganisationNotFoundError extends DomainError<'ORGANISATION_NOT_FOUND'> {
  constructor(organisationId: string) {
    super('ORGANISATION_NOT_FOUND', `No organisation has id ${organisationId}.`);
  }
}

/** An organisation with this corporate number is already registered with different details. */
export class OrganisationExistsError extends DomainError<'ORGANISATION_EXISTS'> {
  constructor(
    readonly corporateNumber: string,
    readonly existingId: string,
  ) {
    super(
      'ORGANISATION_EXISTS',
      `An organisation with corporate number ${corporateNumber} is already registered (id ${existingId}) with different details.`,
    );
  }
}

/** The organisation already has a signing key with this kid (a different key). */
export class SigningKeyExistsError extends DomainError<'SIGNING_KEY_EXISTS'> {
  constructor(organisationId: string, kid: string) {
    super('SIGNING_KEY_EXISTS', `Organisation ${organisationId} already has a different signing key with kid "${kid}".`);
  }
}

/** The organisation has no signing key with this kid. */
export class SigningKeyNotFoundError extends DomainError<'SIGNING_KEY_NOT_FOUND'> {
  constructor(organisationId: string, kid: string) {
    super('SIGNING_KEY_NOT_FOUND', `Organisation ${organisationId} has no signing key with kid "${kid}".`);
  }
}

/** Removing this key would leave the organisation unable to authenticate at all. */
export class LastSigningKeyError extends DomainError<'LAST_SIGNING_KEY'> {
  constructor(organisationId: string) {
    super(
      'LAST_SIGNING_KEY',
      `Organisation ${organisationId} would have no signing key left; add the new key before removing the last one.`,
    );
  }
}

/** The organisation already has as many signing keys as the bank accepts. */
export class TooManySigningKeysError extends DomainError<'TOO_MANY_SIGNING_KEYS'> {
  constructor(organisationId: string, limit: number) {
    super('TOO_MANY_SIGNING_KEYS', `Organisation ${organisationId} already has ${limit} signing keys; remove one first.`);
  }
}

/** Stable codes of libs/catalog's errors. */
export type CatalogErrorCode =
  | 'ORGANISATION_NOT_FOUND'
  | 'ORGANISATION_EXISTS'
  | 'SIGNING_KEY_EXISTS'
  | 'SIGNING_KEY_NOT_FOUND'
  | 'LAST_SIGNING_KEY'
  | 'TOO_MANY_SIGNING_KEYS';

/** HTTP status for each catalog error code, for apps' problem+json filters. */
export const CATALOG_ERROR_STATUS: Readonly<Record<CatalogErrorCode, number>> = {
  ORGANISATION_NOT_FOUND: 404,
  ORGANISATION_EXISTS: 409,
  SIGNING_KEY_EXISTS: 409,
  SIGNING_KEY_NOT_FOUND: 404,
  LAST_SIGNING_KEY: 409,
  TOO_MANY_SIGNING_KEYS: 409,
};
