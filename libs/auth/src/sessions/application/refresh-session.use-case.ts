import { Inject, Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { decideRefresh, isRefreshTokenShaped, refreshTokenDigest } from '../domain/refresh-token';
import { realmServes, type SessionRealm, type SessionTokenPair } from '../domain/session-tokens';
import { AccountStore, type AccountKind } from '@infobank/identity';
import { RefreshTokenStore } from '../infrastructure/refresh-token.store';
import { InvalidRefreshTokenError } from '../sessions.errors';
import { SessionIssuer } from './session-issuer';
import { ACCOUNT_CLAIMS_SOURCE, SESSION_REALM, type AccountClaimsSource } from './session-settings';

type Outcome =
  | { refreshed: true; account: { id: string; kind: AccountKind }; claims: Record<string, unknown>; refreshToken: string }
  | { refreshed: false };

/**
 * Exchanges a refresh token for a new pair (rotation: the presented token is spent). Presenting a
 * spent token again means a copy is in someone else's hands: the whole family is revoked, so the
 * token the rotation handed out stops working too, and the answer is INVALID_REFRESH_TOKEN.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly issuer: SessionIssuer,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
    @Inject(ACCOUNT_CLAIMS_SOURCE) private readonly claimsSource: AccountClaimsSource,
  ) {}

  async execute(ctx: RequestContext, command: { refreshToken: string }): Promise<SessionTokenPair> {
    if (!isRefreshTokenShaped(command.refreshToken)) throw new InvalidRefreshTokenError();
    const tokenHash = refreshTokenDigest(command.refreshToken);
    // The revocation must commit even though the caller is refused, so the refusal is thrown after the transaction.
    const outcome = await this.transactions.run<Outcome>(ctx, async (tx) => {
      const now = tx.now();
      // The row lock serialises concurrent refreshes of one token: exactly one rotates.
      const token = await this.refreshTokens.lockByHash(tx, tokenHash);
      if (token === null) return { refreshed: false };
      const account = await this.accounts.findById(tx, token.accountId);
      // Another app's token: not ours to judge or revoke.
      if (account === null || !realmServes(this.realm, account.kind)) return { refreshed: false };
      const decision = decideRefresh(token, now);
      if (decision.outcome === 'revoke_family') await this.issuer.revokeFamily(tx, token.familyId);
      if (decision.outcome !== 'rotate') return { refreshed: false };
      const claims = account.disabledAt === null ? await this.claimsSource.claimsFor(tx, account.id, account.kind) : null;
      if (claims === null) {
        await this.issuer.revokeFamily(tx, token.familyId);
        return { refreshed: false };
      }
      await this.refreshTokens.markUsed(tx, token.id, now);
      const refreshToken = await this.issuer.storeRefreshToken(tx, account.id, token.familyId);
      return { refreshed: true, account: { id: account.id, kind: account.kind }, claims, refreshToken };
    });
    if (!outcome.refreshed) throw new InvalidRefreshTokenError();
    return this.issuer.pair(outcome.account, outcome.claims, outcome.refreshToken);
  }
}
