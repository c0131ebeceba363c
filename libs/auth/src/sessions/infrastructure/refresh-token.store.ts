import { Injectable } from '@nestjs/common';
import type { RequestContext, TransactionalContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

/** A stored refresh token (its digest only) and where it stands. */
export interface StoredRefreshToken {
  id: string;
  familyId: string;
  accountId: string;
  tokenHash: Buffer;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** The refresh_tokens table: one row per token, grouped in families (sessions). */
@Injectable()
export class RefreshTokenStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a new token. */
  async insert(tx: TransactionalContext, token: StoredRefreshToken): Promise<void> {
    await tx.transaction.insert(RefreshTokenEntity, token);
  }

  /** The token with this digest, if any. */
  findByHash(ctx: RequestContext, tokenHash: Buffer): Promise<StoredRefreshToken | null> {
    return (ctx.transaction ?? this.dataSource.manager).findOne(RefreshTokenEntity, { where: { tokenHash } });
  }

  /** The token with this digest, locked until the transaction ends (serialises concurrent refreshes of one token). */
  lockByHash(tx: TransactionalContext, tokenHash: Buffer): Promise<StoredRefreshToken | null> {
    return tx.transaction.findOne(RefreshTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Marks the token spent (exchanged for the next one). */
  async markUsed(tx: TransactionalContext, id: string, usedAt: Date): Promise<void> {
    await tx.transaction.update(RefreshTokenEntity, { id }, { usedAt });
  }

  /** Revokes every live token of the family. */
  async revokeFamily(tx: TransactionalContext, familyId: string, revokedAt: Date): Promise<void> {
    await tx.transaction
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  /** Revokes every live token of the account; returns how many it revoked. */
  async revokeAllOfAccount(tx: TransactionalContext, accountId: string, revokedAt: Date): Promise<number> {
    const result = await tx.transaction
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt })
      .where('account_id = :accountId AND revoked_at IS NULL', { accountId })
      .execute();
    return result.affected ?? 0;
  }
}
