import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { newRefreshToken, refreshTokenDigest, REFRESH_TOKEN_LIFETIME_MS } from '../domain/refresh-token';
import type { SessionRole, SessionTokenPair } from '../domain/session-tokens';
import { RefreshTokenStore } from '../infrastructure/refresh-token.store';
import { SessionTokens } from './session-tokens';

/** Writes refresh tokens (digest only) and pairs them with a fresh access token. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly tokens: SessionTokens,
    private readonly refreshTokens: RefreshTokenStore,
  ) {}

  /** Stores a new refresh token in `familyId` (a new family starts a session) and returns it in clear, once. */
  async storeRefreshToken(tx: TransactionalContext, accountId: string, familyId: string = randomUUID()): Promise<string> {
    const refreshToken = newRefreshToken();
    const now = tx.now();
    await this.refreshTokens.insert(tx, {
      id: randomUUID(),
      familyId,
      accountId,
      tokenHash: refreshTokenDigest(refreshToken),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_LIFETIME_MS),
      usedAt: null,
      revokedAt: null,
    });
    return refreshToken;
  }

  /** The pair handed to the client: a new access token with the app's claims, and the refresh token. */
  async pair(account: { id: string; kind: SessionRole }, claims: Record<string, unknown>, refreshToken: string): Promise<SessionTokenPair> {
    const access = await this.tokens.issueAccessToken(account.id, account.kind, claims);
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn };
  }

  /** Revokes every live token of the family (logout, reuse of a spent token, account gone). */
  revokeFamily(tx: TransactionalContext, familyId: string): Promise<void> {
    return this.refreshTokens.revokeFamily(tx, familyId, tx.now());
  }
}
