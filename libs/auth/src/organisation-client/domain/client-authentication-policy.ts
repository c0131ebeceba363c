/**
 * The time rules of organisation client authentication (RFC 7523 client assertions, RFC 9449 DPoP
 * proofs, short-lived access tokens). Pure: the caller passes `now` in seconds since the epoch.
 */

/** How long an access token lives (FAPI 2.0 asks for short-lived tokens). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 600;
/** The furthest ahead a client assertion's `exp` may be. */
export const MAX_CLIENT_ASSERTION_LIFETIME_SECONDS = 300;
/** How far from now a DPoP proof's `iat` may be, either way. */
export const DPOP_PROOF_WINDOW_SECONDS = 60;
/** Clock difference tolerated between an organisation's clock and the bank's. */
export const CLOCK_SKEW_SECONDS = 10;
/** Longest accepted `jti` (characters): it becomes part of a Redis key, hashed, but is read first. */
export const MAX_JTI_LENGTH = 256;

/** The claims of a client assertion that its time rules look at. */
export interface ClientAssertionTimes {
  exp?: unknown;
  iat?: unknown;
  nbf?: unknown;
}

/** Why a client assertion's times are unacceptable at `now`, or undefined when they are fine. */
export function clientAssertionTimeProblem(claims: ClientAssertionTimes, now: number): string | undefined {
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return 'the assertion has no numeric "exp"';
  if (claims.exp <= now - CLOCK_SKEW_SECONDS) return 'the assertion has expired';
  if (claims.exp > now + MAX_CLIENT_ASSERTION_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    return `the assertion "exp" is more than ${MAX_CLIENT_ASSERTION_LIFETIME_SECONDS} seconds ahead`;
  }
  if (claims.iat !== undefined) {
    if (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat)) return 'the assertion "iat" is not a number';
    if (claims.iat > now + CLOCK_SKEW_SECONDS) return 'the assertion "iat" is in the future';
  }
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now + CLOCK_SKEW_SECONDS)) {
    return 'the assertion is not valid yet';
  }
  return undefined;
}

/** Why a DPoP proof's `iat` is outside the ±60 s window at `now`, or undefined when it is inside. */
export function dpopIssuedAtProblem(iat: unknown, now: number): string | undefined {
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return 'the proof has no numeric "iat"';
  if (now - iat > DPOP_PROOF_WINDOW_SECONDS) return 'the proof is too old';
  if (iat - now > DPOP_PROOF_WINDOW_SECONDS) return 'the proof is dated in the future';
  return undefined;
}

/** How long a used proof `jti` must be remembered: as long as a proof with that `iat` could be accepted. */
export function dpopReplayWindowSeconds(): number {
  return 2 * DPOP_PROOF_WINDOW_SECONDS + CLOCK_SKEW_SECONDS;
}

/** How long a used assertion `jti` must be remembered: until the assertion expires (at least one second). */
export function clientAssertionReplayWindowSeconds(exp: number, now: number): number {
  return Math.max(1, Math.ceil(exp - now) + CLOCK_SKEW_SECONDS);
}

/** True when `jti` is a usable unique identifier. */
export function isUsableJti(jti: unknown): jti is string {
  return typeof jti === 'string' && jti.length > 0 && jti.length <= MAX_JTI_LENGTH;
}
