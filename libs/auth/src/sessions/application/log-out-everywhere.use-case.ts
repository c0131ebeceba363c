import { Inject, Injectable } from '@nestjs/common';
import { inTransaction, type RequestContext } from '@infobank/platform';
import { DataSource, IsNull } from 'typeorm';
import type { SessionRealm } from '../domain/session-tokens';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';
import { UnauthenticatedError } from '../sessions.errors';
import { actingAccountId } from './acting-account';
import { SESSION_REALM } from './session-settings';

/**
 * Ends every session of the acting person's account, on every device: each live refresh token is
 * revoked, so no session can be refreshed again. Access tokens already issued run out within 15
 * minutes, as after a logout. Returns how many tokens it revoked.
 */
@Injectable()
export class LogOutEverywhereUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  async execute(ctx: RequestContext): Promise<{ revoked: number }> {
    const accountId = actingAccountId(ctx.actor, this.realm.accountKind);
    if (accountId === null) throw new UnauthenticatedError();
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const result = await manager.update(RefreshTokenEntity, { accountId, revokedAt: IsNull() }, { revokedAt: ctx.now() });
      return { revoked: result.affected ?? 0 };
    });
  }
}
