import { Injectable } from '@nestjs/common';
import { RefreshTokenStore } from '@infobank/auth';
import { AccountStore, normaliseEmail, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PasswordHasher } from '@infobank/identity';
import { Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { MailOutbox } from '../../mail/application/mail-outbox';
import { accountTokenDigest, checkAccountToken, isAccountTokenShaped } from '../../mail/domain/account-token';
import { AccountMailRateLimiter } from '../../mail/infrastructure/account-mail-rate-limiter';
import { AccountTokenStore } from '../../mail/infrastructure/account-token.store';
import { AccountTokenExpiredError, AccountTokenInvalidError } from '../../rights.errors';

/**
 * 「パスワードを忘れた」: queues a reset mail when the address names an open individual's account, and
 * answers the same either way, so the route reveals no address. Throttled per address and client
 * (RATE_LIMITED), counted whether or not the account exists.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
    private readonly limiter: AccountMailRateLimiter,
    private readonly mail: MailOutbox,
  ) {}

  async execute(ctx: RequestContext, command: { email: string; clientAddress: string }): Promise<void> {
    const email = normaliseEmail(command.email);
    await this.limiter.admit('reset', email, command.clientAddress);
    await this.transactions.run(ctx, async (tx) => {
      const account = await this.accounts.findByEmail(tx, 'individual', email);
      if (account === null || account.disabledAt !== null) return;
      await this.mail.queue(tx, { accountId: account.id, purpose: 'password_reset' });
    });
  }
}

/**
 * Sets a new password with the token of a reset link (single use, 30 minutes): the password is
 * replaced, every session of the account ends (all refresh tokens revoked, and access tokens issued in an
 * earlier second refused by the guard), and the address counts as
 * verified, since the link proved the mailbox. This is how the owner of an address takes over an
 * account someone else registered with it. Bad tokens are ACCOUNT_TOKEN_INVALID or ACCOUNT_TOKEN_EXPIRED
 * and change nothing.
 */
@Injectable()
export class CompletePasswordResetUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: AccountTokenStore,
    private readonly accounts: AccountStore,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenStore,
  ) {}

  async execute(ctx: RequestContext, command: { token: string; password: string }): Promise<void> {
    const length = typeof command.password === 'string' ? [...command.password].length : 0;
    if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
      throw new ValidationFailedError([
        { path: '/password', message: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long` },
      ]);
    }
    if (!isAccountTokenShaped(command.token)) throw new AccountTokenInvalidError();
    const digest = accountTokenDigest(command.token);
    // A quick look first, so that a bad link costs no scrypt work; the decisive check is under the lock below.
    const glance = await this.transactions.run(ctx, async (tx) =>
      checkAccountToken(await this.tokens.lockByDigest(tx, digest), 'password_reset', tx.now()),
    );
    if (glance === 'expired') throw new AccountTokenExpiredError();
    if (glance !== 'usable') throw new AccountTokenInvalidError();
    const passwordHash = await this.hasher.hash(command.password);
    const outcome = await this.transactions.run(ctx, async (tx) => {
      const now = tx.now();
      const token = await this.tokens.lockByDigest(tx, digest);
      const check = checkAccountToken(token, 'password_reset', now);
      if (token === null || check !== 'usable') return check;
      const account = await this.accounts.lockIndividual(tx, token.accountId);
      if (account === null || account.disabledAt !== null) return 'unknown';
      await this.tokens.spendAll(tx, account.id, 'password_reset', now);
      await this.accounts.setPasswordHash(tx, account.id, passwordHash);
      await this.accounts.markEmailVerified(tx, account.id, now);
      await this.refreshTokens.revokeAllOfAccount(tx, account.id, now);
      await this.accounts.endAccessTokensBefore(tx, account.id, now);
      return 'usable';
    });
    if (outcome === 'expired') throw new AccountTokenExpiredError();
    if (outcome !== 'usable') throw new AccountTokenInvalidError();
  }
}
