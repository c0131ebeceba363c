import { Injectable } from '@nestjs/common';
import { RateLimitedError, SignUpUseCase, type SignUpCommand } from '@infobank/auth';
import { normaliseEmail, type CreatedAccount } from '@infobank/identity';
import { Transactions, type RequestContext } from '@infobank/platform';
import { MailOutbox } from '../../mail/application/mail-outbox';
import { AccountMailRateLimiter } from '../../mail/infrastructure/account-mail-rate-limiter';

/**
 * Registration at the portal with address verification: the account is opened (SignUpUseCase:
 * throttled, idempotent on the e-mail) and a verification mail is queued. When the address is taken
 * already, the account is left as it is and the address is told so instead, with the way to take the
 * account over (a password reset, which proves the mailbox): registering someone else's address never
 * locks its owner out. The caller answers both cases alike.
 */
@Injectable()
export class RegisterWithVerificationUseCase {
  constructor(
    private readonly signUp: SignUpUseCase,
    private readonly transactions: Transactions,
    private readonly mail: MailOutbox,
    private readonly limiter: AccountMailRateLimiter,
  ) {}

  async execute(ctx: RequestContext, command: SignUpCommand): Promise<CreatedAccount> {
    const account = await this.signUp.execute(ctx, command);
    if (!account.created && !(await this.mayMail(command))) return account;
    await this.transactions.run(ctx, (tx) =>
      this.mail.queue(tx, { accountId: account.id, purpose: account.created ? 'email_verification' : 'address_already_registered' }),
    );
    return account;
  }

  /** Repeated registrations of a taken address mail it within the account-mail limit only; beyond it, quietly not. */
  private async mayMail(command: SignUpCommand): Promise<boolean> {
    try {
      await this.limiter.admit('verification', normaliseEmail(command.email), command.clientAddress);
      return true;
    } catch (error) {
      if (error instanceof RateLimitedError) return false;
      throw error;
    }
  }
}
