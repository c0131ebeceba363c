import { Inject, Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { isRefreshTokenShaped, refreshTokenDigest } from '../domain/refresh-token';
import type { SessionRealm } from '../domain/session-tokens';
import { AccountEntity } from '../infrastructure/account.entity';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { SessionIssuer } from './session-issuer';
import { SESSION_REALM } from './session-settings';

/**
 * Ends the session a refresh token belongs to: every token of its family is revoked. Idempotent and
 * quiet: an unknown, spent or already revoked token is not an error (there is nothing left to end).
 * Access tokens already issued run out within 15 minutes.
 */
@Injectable()
export class LogOutUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: SessionIssuer,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  async execute(ctx: RequestContext, command: { refreshToken: string }): Promise<void> {
    if (!isRefreshTokenShaped(command.refreshToken)) return;
    const tokenHash = refreshTokenDigest(command.refreshToken);
    await inTransaction(ctx, this.dataSource, async (manager) => {
      const token = await manager.findOne(RefreshTokenEntity, { where: { tokenHash } });
      if (token === null) return;
      const account = await manager.findOne(AccountEntity, { where: { id: token.accountId }, select: { id: true, kind: true } });
      if (account?.kind !== this.realm.accountKind) return;
      await this.issuer.revokeFamily(manager, token.familyId);
    });
  }
}
