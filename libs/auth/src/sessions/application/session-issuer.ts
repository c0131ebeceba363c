import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { newRefreshToken, refreshTokenDigest, REFRESH_TOKEN_LIFETIME_MS } from '../domain/refresh-token';
import type { SessionTokenPair } from '../domain/session-tokens';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { SessionTokens } from './session-tokens';

/** Writes refresh tokens (digest only) and pairs them with a fresh access token. */
@Injectable()
export class SessionIssuer {
  constructor(private readonly tokens: SessionTokens) {}

  /** Stores a new refresh token in `familyId` (a new family starts a session) and returns it in clear, once. */
  async storeRefreshToken(manager: EntityManager, accountId: string, familyId: string = randomUUID(), now = new Date()): Promise<string> {
    const refreshToken = newRefreshToken();
    await manager.insert(RefreshTokenEntity, {
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
  async pair(accountId: string, claims: Record<string, unknown>, refreshToken: string): Promise<SessionTokenPair> {
    const access = await this.tokens.issueAccessToken(accountId, claims);
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn };
  }

  /** Revokes every live token of the family (logout, reuse of a spent token, account gone). */
  async revokeFamily(manager: EntityManager, familyId: string, now = new Date()): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: now })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }
}
