import { DomainError } from '@infobank/platform';
import type { ContractAudience } from './domain/terms';

/** A newer version of the individual terms (利用規約) was published: the individual accepts it before any new consent or approval. */
export class TermsAcceptanceRequiredError extends DomainError<'TERMS_ACCEPTANCE_REQUIRED'> {
  constructor(version: string) {
    super(
      'TERMS_ACCEPTANCE_REQUIRED',
      `Accept the terms version ${version} (POST /v1/me/terms/accept) before giving a new consent or approval.`,
      {
        extensions: { audience: 'individual', version },
      },
    );
  }
}

/** The organisation has not accepted the current version of its contract (a recipient cannot submit offers until it has). */
export class ContractAcceptanceRequiredError extends DomainError<'CONTRACT_ACCEPTANCE_REQUIRED'> {
  constructor(audience: ContractAudience, version: string) {
    super(
      'CONTRACT_ACCEPTANCE_REQUIRED',
      `Accept the ${audience} contract version ${version} (POST /v1/organisation/contract/accept) before submitting an offer.`,
      { extensions: { audience, version } },
    );
  }
}

/** Only the current version can be accepted; the answer names it. */
export class TermsVersionNotCurrentError extends DomainError<'TERMS_VERSION_NOT_CURRENT'> {
  constructor(currentVersion: string | null) {
    super(
      'TERMS_VERSION_NOT_CURRENT',
      currentVersion === null
        ? 'No version of these terms has been published, so none can be accepted.'
        : `The current version is ${currentVersion}; read it and accept that version.`,
      { extensions: currentVersion === null ? {} : { currentVersion } },
    );
  }
}

/** No version of these terms has been published yet. */
export class TermsNotPublishedError extends DomainError<'TERMS_NOT_PUBLISHED'> {
  constructor() {
    super('TERMS_NOT_PUBLISHED', 'No version of these terms has been published yet.');
  }
}

/** A version with this label was already published for the audience with other texts; published versions never change. */
export class TermsVersionExistsError extends DomainError<'TERMS_VERSION_EXISTS'> {
  constructor(version: string) {
    super(
      'TERMS_VERSION_EXISTS',
      `Version ${version} is already published with other texts; published versions never change, so publish a new version.`,
    );
  }
}

/** Stable codes of the terms part of libs/rights. */
export type TermsErrorCode =
  | 'TERMS_ACCEPTANCE_REQUIRED'
  | 'CONTRACT_ACCEPTANCE_REQUIRED'
  | 'TERMS_VERSION_NOT_CURRENT'
  | 'TERMS_NOT_PUBLISHED'
  | 'TERMS_VERSION_EXISTS';

/** HTTP status of each terms error code. */
export const TERMS_ERROR_STATUS: Readonly<Record<TermsErrorCode, number>> = {
  TERMS_ACCEPTANCE_REQUIRED: 403,
  CONTRACT_ACCEPTANCE_REQUIRED: 403,
  TERMS_VERSION_NOT_CURRENT: 409,
  TERMS_NOT_PUBLISHED: 404,
  TERMS_VERSION_EXISTS: 409,
};
