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
/**
 * The `typ` header a client assertion must carry (draft-ietf-oauth-rfc7523bis explicit typing), so that
 * no other JWS an organisation signs (a deposit batch, a deletion attestation) can serve as one.
 */
export const CLIENT_ASSERTION_TYPE = 'client-authentication+jwt';

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

/**
 * Why a client assertion's `aud` does not name this bank, or undefined when it does. Accepted: the
 * issuer identifier (RFC 8414, as draft-ietf-oauth-rfc7523bis asks) or the token endpoint URL (RFC 7523,
 * kept for existing clients), alone or as an array holding nothing but those.
 */
export function clientAssertionAudienceProblem(aud: unknown, accepted: { issuer: string; tokenEndpointUrl: string }): string | undefined {
  const names = (value: unknown) => value === accepted.issuer || value === accepted.tokenEndpointUrl;
  if (typeof aud === 'string') return names(aud) ? undefined : 'the assertion "aud" names another audience';
  if (!Array.isArray(aud) || aud.length === 0) return 'the assertion has no "aud"';
  return aud.every(names) ? undefined : 'the assertion "aud" also names another audience';
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

/**
 * The earliest moment a DPoP proof with this `iat` could have been accepted: the ±60 s window lets a
 * proof in up to a minute before its `iat`.
 */
export function dpopEarliestAcceptance(iat: number): number {
  return iat - DPOP_PROOF_WINDOW_SECONDS;
}

/**
 * The earliest moment a client assertion with these times could have been accepted: not before its
 * `exp` came within the 5-minute limit, its `iat` and `nbf` within the clock skew.
 */
export function clientAssertionEarliestAcceptance(claims: { exp: number; iat?: unknown; nbf?: unknown }): number {
  const bounds = [claims.exp - MAX_CLIENT_ASSERTION_LIFETIME_SECONDS - CLOCK_SKEW_SECONDS];
  for (const time of [claims.iat, claims.nbf])
    if (typeof time === 'number' && Number.isFinite(time)) bounds.push(time - CLOCK_SKEW_SECONDS);
  return Math.max(...bounds);
}

/**
 * True when a token could have been accepted (and its `jti` spent) before the replay cache's current
 * epoch began at `epochStart`: the spent ids of that time may be lost, so the token is refused. An
 * epoch start of 0 means no loss is known. The skew covers the clocks of the bank's own instances.
 */
export function mayPredateReplayEpoch(earliestAcceptance: number, epochStart: number): boolean {
  return epochStart > 0 && earliestAcceptance < epochStart + CLOCK_SKEW_SECONDS;
}
