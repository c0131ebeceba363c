import { decideRefresh, isRefreshTokenShaped, newRefreshToken, refreshTokenDigest, type RefreshTokenState } from './refresh-token';

const now = new Date('2026-04-01T09:00:00Z');
const live: RefreshTokenState = { expiresAt: new Date('2026-04-30T09:00:00Z'), usedAt: null, revokedAt: null };

describe('refresh tokens', () => {
  it('are 32 random bytes in base64url, and only their SHA-256 is kept', () => {
    const token = newRefreshToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isRefreshTokenShaped(token)).toBe(true);
    expect(newRefreshToken()).not.toBe(token);
    expect(refreshTokenDigest(token)).toHaveLength(32);
    expect(refreshTokenDigest(token).equals(refreshTokenDigest(token))).toBe(true);
  });

  it('reject anything not shaped like one', () => {
    for (const candidate of ['', 'short', `${newRefreshToken()}x`, 'a'.repeat(42) + '=', 42, null]) {
      expect(isRefreshTokenShaped(candidate)).toBe(false);
    }
  });

  describe('deciding a refresh', () => {
    it('given a live token, when presented, then it is rotated', () => {
      expect(decideRefresh(live, now)).toEqual({ outcome: 'rotate' });
    });

    it('given a spent token, when presented again, then the whole family is revoked', () => {
      expect(decideRefresh({ ...live, usedAt: new Date('2026-04-01T08:00:00Z') }, now)).toEqual({
        outcome: 'revoke_family',
        reason: 'reused',
      });
    });

    it('given a revoked token (even a spent one), when presented, then it is refused and nothing more happens', () => {
      const revokedAt = new Date('2026-04-01T08:30:00Z');
      expect(decideRefresh({ ...live, revokedAt }, now)).toEqual({ outcome: 'reject', reason: 'revoked' });
      expect(decideRefresh({ ...live, revokedAt, usedAt: revokedAt }, now)).toEqual({ outcome: 'reject', reason: 'revoked' });
    });

    it('given a token at or past its expiry, when presented, then it is refused', () => {
      expect(decideRefresh({ ...live, expiresAt: now }, now)).toEqual({ outcome: 'reject', reason: 'expired' });
    });
  });
});
