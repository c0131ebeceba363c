import { createHash, randomBytes } from 'node:crypto';

/** How long a refresh token may be used after it is issued (each rotation issues a new one). */
export const REFRESH_TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** 32 random bytes in base64url: 43 characters, no padding. */
const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new opaque refresh token: 32 random bytes, base64url. Only its digest is ever stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `token` has the shape of a refresh token this bank issues. */
export function isRefreshTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && REFRESH_TOKEN_PATTERN.test(token);
}

/** SHA-256 of the token: what the database keeps, so a leaked table cannot be replayed. */
export function refreshTokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The state of one stored refresh token, as far as deciding a refresh needs. */
export interface RefreshTokenState {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * What presenting a refresh token leads to: `rotate` (spend it, issue the next one in the family),
 * `reject` (nothing changes), or `revoke_family` (a spent token came back: someone holds a copy, so
 * every token of the family stops working, including the one the rotation handed out).
 */
export type RefreshDecision =
  { outcome: 'rotate' } | { outcome: 'reject'; reason: 'revoked' | 'expired' } | { outcome: 'revoke_family'; reason: 'reused' };

/** Decides a refresh at `now` (rules of OAuth 2.0 Security BCP §4.14.2, refresh token rotation). */
export function decideRefresh(token: RefreshTokenState, now: Date): RefreshDecision {
  if (token.revokedAt !== null) return { outcome: 'reject', reason: 'revoked' };
  if (token.usedAt !== null) return { outcome: 'revoke_family', reason: 'reused' };
  if (token.expiresAt.getTime() <= now.getTime()) return { outcome: 'reject', reason: 'expired' };
  return { outcome: 'rotate' };
}
