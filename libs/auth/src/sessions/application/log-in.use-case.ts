import { Inject, Injectable } from '@nestjs/common';
import { Transactions, type RequestContext } from '@infobank/platform';
import { normaliseEmail, type AccountKind, type StoredAccount } from '@infobank/identity';
import { realmServes, type SessionRealm, type SessionTokenPair } from '../domain/session-tokens';
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
  /**
   * Which role to sign in with, where the app serves several (the ethics board: `board_member`, `staff`).
   * Omitted: the account under this e-mail of the app's first role that has one.
   */
  role?: AccountKind;
}

/**
 * Signs a person in at this app and starts a session (a new refresh token family). An unknown e-mail,
 * a wrong password, a disabled account and an account this app does not serve all fail alike with
 * INVALID_CREDENTIALS after the same scrypt work (one check, whether or not an account exists); failures
 * are throttled (RATE_LIMITED). Where the app serves several kinds of account, the command's role picks
 * the kind, or else the first kind (in the app's order) with an account under the e-mail is the one checked.
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
    const account = await this.accountFor(ctx, email, command.role);
    const passwordMatches = await this.hasher.verify(command.password, account?.passwordHash);
    const claims =
      account !== null && passwordMatches && account.disabledAt === null
        ? await this.claimsSource.claimsFor(ctx, account.id, account.kind)
        : null;
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
    return this.issuer.pair(account, claims, refreshToken);
  }

  /** The account the attempt is for: of the role asked for (one this app serves), or of the app's first kind that has one. */
  private async accountFor(ctx: RequestContext, email: string, role: AccountKind | undefined): Promise<StoredAccount | null> {
    if (role !== undefined) return realmServes(this.realm, role) ? this.accounts.findByEmail(ctx, role, email) : null;
    for (const kind of this.realm.accountKinds) {
      const account = await this.accounts.findByEmail(ctx, kind, email);
      if (account !== null) return account;
    }
    return null;
  }
}
