import { Inject, Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import type { SessionRealm } from '../domain/session-tokens';
import { RefreshTokenStore } from '../infrastructure/refresh-token.store';
import { SESSION_REALM } from './session-settings';
import { signedInAccount } from './signed-in-account';

/**
 * Ends every session of the acting person's account, on every device: each live refresh token is
 * revoked, so no session can be refreshed again. Access tokens already issued run out within 15
 * minutes, as after a logout. Returns how many tokens it revoked.
 */
@Injectable()
export class LogOutEverywhereUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: RefreshTokenStore,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  async execute(ctx: RequestContext): Promise<{ revoked: number }> {
    const { id: accountId } = signedInAccount(ctx, this.realm);
    return this.transactions.run(ctx, async (tx) => ({ revoked: await this.tokens.revokeAllOfAccount(tx, accountId, tx.now()) }));
  }
}
