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
   * Omitted: the first of the app's roles whose account under this e-mail takes the password.
   */
  role?: AccountKind;
}

/**
 * Signs a person in at this app and starts a session (a new refresh token family). An unknown e-mail,
 * a wrong password, a disabled account and an account this app does not serve all fail alike with
 * INVALID_CREDENTIALS after the same scrypt work; failures are throttled (RATE_LIMITED). Where the app
 * serves several kinds of account, each kind's account under the e-mail is tried in the app's order
 * (one scrypt check per kind, whether or not the account exists).
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
    const kinds = command.role === undefined ? this.realm.accountKinds : [command.role];
    let signedIn: { account: StoredAccount; claims: Record<string, unknown> } | null = null;
    for (const kind of kinds) {
      const account = realmServes(this.realm, kind) ? await this.accounts.findByEmail(ctx, kind, email) : null;
      const passwordMatches = await this.hasher.verify(command.password, account?.passwordHash);
      const claims =
        account !== null && passwordMatches && account.disabledAt === null ? await this.claimsSource.claimsFor(ctx, account.id, kind) : null;
      if (signedIn === null && account !== null && claims !== null) signedIn = { account, claims };
    }
    if (signedIn === null) {
      await this.limiter.failed(attempt);
      throw new InvalidCredentialsError();
    }
    await this.limiter.succeeded(attempt);
    const { account, claims } = signedIn;

    // A hash made with other parameters (a lower cost from before) is replaced now that the password is known.
    const upgraded = this.hasher.needsRehash(account.passwordHash) ? await this.hasher.rehash(command.password) : null;
    const refreshToken = await this.transactions.run(ctx, async (tx) => {
      if (upgraded !== null) await this.accounts.setPasswordHash(tx, account.id, upgraded);
      return this.issuer.storeRefreshToken(tx, account.id);
    });
    return this.issuer.pair(account, claims, refreshToken);
  }
}
