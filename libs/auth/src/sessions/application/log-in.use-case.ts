import { Inject, Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { normaliseEmail } from '@infobank/identity';
import type { SessionRealm, SessionTokenPair } from '../domain/session-tokens';
import { AccountStore } from '@infobank/identity';
import { LoginRateLimiter } from '../infrastructure/login-rate-limiter';
import { InvalidCredentialsError } from '../sessions.errors';
import { PasswordHasher } from '@infobank/identity';
import { SessionIssuer } from './session-issuer';
import { ACCOUNT_CLAIMS_SOURCE, SESSION_REALM, type AccountClaimsSource } from './session-settings';

/** E-mail and password, and the address the attempt comes from (for throttling). */
export interface LogInCommand {
  email: string;
  password: string;
  clientAddress: string;
}

/**
 * Signs a person in at this app and starts a session (a new refresh token family). An unknown e-mail,
 * a wrong password, a disabled account and an account this app does not serve all fail alike with
 * INVALID_CREDENTIALS after the same scrypt work; failures are throttled (RATE_LIMITED).
 */
@Injectable()
export class LogInUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly issuer: SessionIssuer,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
    @Inject(ACCOUNT_CLAIMS_SOURCE) private readonly claimsSource: AccountClaimsSource,
  ) {}

  async execute(ctx: RequestContext, command: LogInCommand): Promise<SessionTokenPair> {
    const email = normaliseEmail(command.email);
    const attempt = await this.limiter.begin(email, command.clientAddress);
    const account = await this.accounts.findByEmail(ctx, this.realm.accountKind, email);
    const passwordMatches = await this.hasher.verify(command.password, account?.passwordHash);
    const claims =
      account !== null && passwordMatches && account.disabledAt === null ? await this.claimsSource.claimsFor(ctx, account.id) : null;
    if (account === null || claims === null) {
      await this.limiter.failed(attempt);
      throw new InvalidCredentialsError();
    }
    await this.limiter.succeeded(attempt);

    // A hash made with other parameters (a lower cost from before) is replaced now that the password is known.
    const upgraded = this.hasher.needsRehash(account.passwordHash) ? await this.hasher.rehash(command.password) : null;
    const refreshToken = await this.transactions.run(ctx, async (tx) => {
      if (upgraded !== null) await this.accounts.setPasswordHash(tx, account.id, upgraded);
      return this.issuer.storeRefreshToken(tx, account.id);
    });
    return this.issuer.pair(account.id, claims, refreshToken);
  }
}
