import { Inject, Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { isRefreshTokenShaped, refreshTokenDigest } from '../domain/refresh-token';
import { realmServes, type SessionRealm } from '../domain/session-tokens';
import { AccountStore } from '@infobank/identity';
import { RefreshTokenStore } from '../infrastructure/refresh-token.store';
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
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly issuer: SessionIssuer,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  async execute(ctx: RequestContext, command: { refreshToken: string }): Promise<void> {
    if (!isRefreshTokenShaped(command.refreshToken)) return;
    const tokenHash = refreshTokenDigest(command.refreshToken);
    await this.transactions.run(ctx, async (tx) => {
      const token = await this.refreshTokens.findByHash(tx, tokenHash);
      if (token === null) return;
      const account = await this.accounts.findById(tx, token.accountId);
      if (account === null || !realmServes(this.realm, account.kind)) return;
      await this.issuer.revokeFamily(tx, token.familyId);
    });
  }
}
