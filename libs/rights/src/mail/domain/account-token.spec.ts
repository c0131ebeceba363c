import {
  ACCOUNT_TOKEN_LIFETIME_MS,
  accountTokenDigest,
  accountTokenExpiry,
  checkAccountToken,
  isAccountTokenShaped,
  newAccountToken,
} from './account-token';

const now = new Date('2026-12-07T05:00:00.000Z');

describe('one-time account tokens', () => {
  it('are 32 random bytes in base64url, different every time, and shaped as the check expects', () => {
    const first = newAccountToken();
    const second = newAccountToken();
    expect(first).not.toBe(second);
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    expect(isAccountTokenShaped(first)).toBe(true);
    expect(isAccountTokenShaped(`${first}x`)).toBe(false);
    expect(isAccountTokenShaped('a+b/c')).toBe(false);
    expect(isAccountTokenShaped(undefined)).toBe(false);
  });

  it('are stored as their SHA-256 digest, never as themselves', () => {
    const token = newAccountToken();
    const digest = accountTokenDigest(token);
    expect(digest).not.toContain(token);
    expect(Buffer.from(digest, 'base64url')).toHaveLength(32);
    expect(accountTokenDigest(token)).toBe(digest);
  });

  it('Given a reset link, then it lasts 30 minutes; a verification link lasts 24 hours', () => {
    expect(ACCOUNT_TOKEN_LIFETIME_MS.password_reset).toBe(30 * 60 * 1000);
    expect(accountTokenExpiry('password_reset', now).toISOString()).toBe('2026-12-07T05:30:00.000Z');
    expect(accountTokenExpiry('email_verification', now).toISOString()).toBe('2026-12-08T05:00:00.000Z');
  });

  it('Given an unused token before its expiry, when checked for its own purpose, then it is usable', () => {
    const token = { purpose: 'password_reset' as const, expiresAt: accountTokenExpiry('password_reset', now), usedAt: null };
    expect(checkAccountToken(token, 'password_reset', new Date(now.getTime() + 29 * 60 * 1000))).toBe('usable');
  });

  it('Given a token at or after its expiry, then it is expired', () => {
    const token = { purpose: 'password_reset' as const, expiresAt: accountTokenExpiry('password_reset', now), usedAt: null };
    expect(checkAccountToken(token, 'password_reset', token.expiresAt)).toBe('expired');
    expect(checkAccountToken(token, 'password_reset', new Date(token.expiresAt.getTime() + 1))).toBe('expired');
  });

  it('Given a spent token, then it is spent even before its expiry (single use)', () => {
    const token = { purpose: 'email_verification' as const, expiresAt: accountTokenExpiry('email_verification', now), usedAt: now };
    expect(checkAccountToken(token, 'email_verification', now)).toBe('spent');
  });

  it('Given a token of the other purpose, or none, then it is unknown', () => {
    const verification = { purpose: 'email_verification' as const, expiresAt: accountTokenExpiry('email_verification', now), usedAt: null };
    expect(checkAccountToken(verification, 'password_reset', now)).toBe('unknown');
    expect(checkAccountToken(null, 'email_verification', now)).toBe('unknown');
  });
});
