import { DomainError } from '@infobank/platform';

/**
 * The organisation could not be authenticated at the token endpoint (RFC 6749 §5.2 `invalid_client`):
 * unknown organisation, bad client assertion, replayed assertion or suspended organisation.
 */
export class InvalidClientError extends DomainError<'INVALID_CLIENT'> {
  constructor(detail = 'The client assertion could not be verified.', options: { cause?: unknown } = {}) {
    super('INVALID_CLIENT', detail, options);
  }
}

/** The DPoP proof is missing, malformed, stale, replayed or does not match the request (RFC 9449 `invalid_dpop_proof`). */
export class InvalidDpopProofError extends DomainError<'INVALID_DPOP_PROOF'> {
  constructor(detail = 'The DPoP proof is not valid for this request.', options: { cause?: unknown } = {}) {
    super('INVALID_DPOP_PROOF', detail, options);
  }
}

/**
 * The access token is missing, not a DPoP token, not issued for this API, expired, bound to another
 * key, or belongs to an organisation that is no longer active (RFC 6750 / RFC 9449 `invalid_token`).
 */
export class InvalidTokenError extends DomainError<'INVALID_TOKEN'> {
  constructor(detail = 'The access token is not valid for this API.', options: { cause?: unknown } = {}) {
    super('INVALID_TOKEN', detail, options);
  }
}

/** The token endpoint was asked for a grant other than `client_credentials` (RFC 6749 `unsupported_grant_type`). */
export class UnsupportedGrantTypeError extends DomainError<'UNSUPPORTED_GRANT_TYPE'> {
  constructor() {
    super('UNSUPPORTED_GRANT_TYPE', 'Only grant_type=client_credentials is supported.');
  }
}

/**
 * An authenticated organisation lacks the role this API serves, e.g. a provider asking the recipients'
 * gateway for a token (RFC 6749 `unauthorized_client`).
 */
export class UnauthorizedClientError extends DomainError<'UNAUTHORIZED_CLIENT'> {
  constructor(role: string) {
    super('UNAUTHORIZED_CLIENT', `This API issues tokens to organisations with the ${role} role only.`);
  }
}

/** An authenticated organisation called a route its current roles do not allow. */
export class WrongRoleError extends DomainError<'WRONG_ROLE'> {
  constructor(role: string) {
    super('WRONG_ROLE', `This route is for organisations with the ${role} role.`);
  }
}

/** The replay cache (Redis) cannot be reached: authentication fails closed rather than accept a possible replay. */
export class ReplayCacheUnavailableError extends DomainError<'SERVICE_UNAVAILABLE'> {
  constructor(options: { cause?: unknown } = {}, detail = 'Authentication is unavailable for a moment; try again shortly.') {
    super('SERVICE_UNAVAILABLE', detail, options);
  }
}

/**
 * The replay cache lost its data (Redis restarted empty or was flushed) and this token could have been
 * accepted before that: whether it was is forgotten, so it is refused (fail closed). Fresh tokens pass
 * again once they are newer than any token of before the loss (about a minute for DPoP proofs).
 */
export class ReplayCacheResetError extends ReplayCacheUnavailableError {
  constructor() {
    super({}, 'Authentication was reset a moment ago; try again shortly with a freshly issued proof and assertion.');
  }
}

/** HTTP status for each auth error code, for apps' problem+json filters. */
export const AUTH_ERROR_STATUS: Readonly<Record<string, number>> = {
  INVALID_CLIENT: 401,
  INVALID_DPOP_PROOF: 401,
  INVALID_TOKEN: 401,
  UNSUPPORTED_GRANT_TYPE: 400,
  UNAUTHORIZED_CLIENT: 400,
  WRONG_ROLE: 403,
};
