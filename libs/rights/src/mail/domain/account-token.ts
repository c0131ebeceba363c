import { createHash, randomBytes } from 'node:crypto';

/** What a one-time link proves: that the person reads mail at the address (verification), or may set a new password (reset). */
export type AccountTokenPurpose = 'email_verification' | 'password_reset';

/** How long a link stays usable: a reset link 30 minutes, a verification link 24 hours. */
export const ACCOUNT_TOKEN_LIFETIME_MS: Readonly<Record<AccountTokenPurpose, number>> = {
  email_verification: 24 * 60 * 60 * 1000,
  password_reset: 30 * 60 * 1000,
};

const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new one-time token: 32 random bytes, base64url. Only its digest is stored; the token itself goes into one mail. */
export function newAccountToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** True when the text could be a token this code made (checked before any database work). */
export function isAccountTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_SHAPE.test(token);
}

/** The stored form of a token: SHA-256, base64url. A leaked table gives no usable link. */
export function accountTokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** A stored token as the rules read it. */
export interface AccountTokenState {
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Whether a presented token may be spent now: `usable`, or why not. */
export type AccountTokenCheck = 'usable' | 'unknown' | 'spent' | 'expired';

/**
 * The one-time rule: a token is usable once, for its own purpose, before its expiry (the instant of
 * expiry is already too late). A token of the other purpose is as good as unknown.
 */
export function checkAccountToken(token: AccountTokenState | null, purpose: AccountTokenPurpose, now: Date): AccountTokenCheck {
  if (token === null || token.purpose !== purpose) return 'unknown';
  if (token.usedAt !== null) return 'spent';
  if (now.getTime() >= token.expiresAt.getTime()) return 'expired';
  return 'usable';
}

/** When a token made at `now` for `purpose` expires. */
export function accountTokenExpiry(purpose: AccountTokenPurpose, now: Date): Date {
  return new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_MS[purpose]);
}
