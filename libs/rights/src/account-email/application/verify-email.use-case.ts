import { Injectable } from '@nestjs/common';
import { AccountStore, normaliseEmail } from '@infobank/identity';
import { requireIndividual, Transactions, UnauthenticatedError, type RequestContext } from '@infobank/platform';
import { accountTokenDigest, checkAccountToken, isAccountTokenShaped } from '../../mail/domain/account-token';
import { MailOutbox } from '../../mail/application/mail-outbox';
import { AccountMailRateLimiter } from '../../mail/infrastructure/account-mail-rate-limiter';
import { AccountTokenStore } from '../../mail/infrastructure/account-token.store';
import { AccountTokenExpiredError, AccountTokenInvalidError } from '../../rights.errors';

/**
 * Verifies an individual's address with the token of a verification link (no sign-in needed: the link
 * may be opened on another device). The token is spent, and so are the account's other verification
 * links. Unknown, spent or wrong-purpose tokens are ACCOUNT_TOKEN_INVALID; expired ones ACCOUNT_TOKEN_EXPIRED.
 */
@Injectable()
export class VerifyEmailUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: AccountTokenStore,
    private readonly accounts: AccountStore,
  ) {}

  async execute(ctx: RequestContext, command: { token: string }): Promise<{ verified: true }> {
    if (!isAccountTokenShaped(command.token)) throw new AccountTokenInvalidError();
    const outcome = await this.transactions.run(ctx, async (tx) => {
      const now = tx.now();
      const token = await this.tokens.lockByDigest(tx, accountTokenDigest(command.token));
      const check = checkAccountToken(token, 'email_verification', now);
      if (token === null || check !== 'usable') return check;
      const account = await this.accounts.lockIndividual(tx, token.accountId);
      if (account === null || account.disabledAt !== null) return 'unknown';
      await this.tokens.spendAll(tx, account.id, 'email_verification', now);
      await this.accounts.markEmailVerified(tx, account.id, now);
      return 'usable';
    });
    if (outcome === 'expired') throw new AccountTokenExpiredError();
    if (outcome !== 'usable') throw new AccountTokenInvalidError();
    return { verified: true };
  }
}

/**
 * Sends the signed-in individual a new verification link (the banner's 「確認メールを再送」), within the
 * account-mail limit (RATE_LIMITED with Retry-After beyond it). An address verified already gets no mail.
 */
@Injectable()
export class ResendVerificationMailUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
    private readonly limiter: AccountMailRateLimiter,
    private readonly mail: MailOutbox,
  ) {}

  async execute(ctx: RequestContext, command: { clientAddress: string }): Promise<{ status: 'sent' | 'already_verified' }> {
    const individualId = requireIndividual(ctx, { code: 'UNAUTHENTICATED', detail: 'Sign in to ask for a new verification mail.' });
    const account = await this.accounts.findById(ctx, individualId, 'individual');
    if (account === null || account.disabledAt !== null) throw new UnauthenticatedError('The account is no longer active.');
    if (account.emailVerifiedAt !== null) return { status: 'already_verified' };
    await this.limiter.admit('verification', normaliseEmail(account.email), command.clientAddress);
    await this.transactions.run(ctx, (tx) => this.mail.queue(tx, { accountId: account.id, purpose: 'email_verification' }));
    return { status: 'sent' };
  }
}
