import { DomainError } from '@infobank/platform';

/**
 * The e-mail and password do not name an enabled account of this app. Deliberately the same for an
 * unknown e-mail, a wrong password and a disabled account, so that sign-in reveals nothing.
 */
export class InvalidCredentialsError extends DomainError<'INVALID_CREDENTIALS'> {
  constructor() {
    super('INVALID_CREDENTIALS', 'The e-mail address or password is not correct.');
  }
}

/** The refresh token is unknown, expired, spent or revoked (all answered alike). */
export class InvalidRefreshTokenError extends DomainError<'INVALID_REFRESH_TOKEN'> {
  constructor() {
    super('INVALID_REFRESH_TOKEN', 'The refresh token is not valid; sign in again.');
  }
}

/** The request carries no valid access token for this app (the platform's error, re-exported for the session code's callers). */
export { UnauthenticatedError } from '@infobank/platform';

/** The action is sensitive and needs a fresh step-up token (password re-entry) for this account. */
export class StepUpRequiredError extends DomainError<'STEP_UP_REQUIRED'> {
  constructor(options: { cause?: unknown } = {}) {
    super('STEP_UP_REQUIRED', 'This action needs a step-up token: re-enter your password at POST /v1/auth/step-up.', options);
  }
}

/** Too many attempts of some kind; `retryAfterSeconds` says when to retry (sent as `Retry-After`). */
export class RateLimitedError extends DomainError<'RATE_LIMITED'> {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super('RATE_LIMITED', detail);
  }
}

/** Too many failed sign-ins for this account or from this address: wait `retryAfterSeconds` (a delay, never a lock-out). */
export class LoginRateLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds.`);
  }
}

/** Too many new accounts from this client address this hour. */
export class RegistrationRateLimitedError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, `Too many accounts were opened from this address; try again in ${retryAfterSeconds} seconds.`);
  }
}

/**
 * A cookie-session request (refresh cookie or `X-Infobank-Session: cookie`) came from a page of another
 * origin, or named none: refused before anything changes (cross-site request forgery defence).
 */
export class OriginRefusedError extends DomainError<'ORIGIN_REFUSED'> {
  constructor() {
    super('ORIGIN_REFUSED', "Cookie sessions are accepted only from the portal's own pages; the request's Origin is not one of them.");
  }
}

/** Stable codes of the sessions part of libs/auth. */
export type SessionErrorCode =
  'INVALID_CREDENTIALS' | 'INVALID_REFRESH_TOKEN' | 'UNAUTHENTICATED' | 'STEP_UP_REQUIRED' | 'RATE_LIMITED' | 'ORIGIN_REFUSED';

/** HTTP status for each session error code, for the portal's and the board's problem+json filters. */
export const SESSION_ERROR_STATUS: Readonly<Record<SessionErrorCode, number>> = {
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  UNAUTHENTICATED: 401,
  STEP_UP_REQUIRED: 401,
  RATE_LIMITED: 429,
  ORIGIN_REFUSED: 403,
};
