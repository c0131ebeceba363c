import { Injectable } from '@nestjs/common';
import { enqueueJob, Transactions, type RequestContext } from '@infobank/platform';
import { ACCOUNT_CLOSED_JOB } from '../account.jobs';
import { AccountStore } from '@infobank/identity';
import { RefreshTokenStore } from '../infrastructure/refresh-token.store';

/** Placeholder e-mail of a closed account: unique per account, in the reserved `.invalid` domain, no personal data. */
export function closedAccountEmail(accountId: string): string {
  return `closed-${accountId}@closed.invalid`;
}

/**
 * Closes an individual's account (the last step of 退会): every refresh token is revoked, and the
 * account is anonymised and disabled. Its e-mail, display name and password hash are overwritten, so
 * the e-mail can register a new account; the row stays (with its id only) because links and ledgers
 * refer to it. Access tokens already issued stop working at once: the access token guard admits only
 * accounts that exist and are not disabled. The closure is announced through the outbox
 * (ACCOUNT_CLOSED_JOB), so the consent ledger revokes what the bank could otherwise still grant or
 * provide. Idempotent; joins the caller's transaction if it has one.
 */
@Injectable()
export class CloseAccountUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
    private readonly refreshTokens: RefreshTokenStore,
  ) {}

  async execute(ctx: RequestContext, command: { accountId: string }): Promise<{ closed: boolean }> {
    return this.transactions.run(ctx, async (tx) => {
      const account = await this.accounts.lockIndividual(tx, command.accountId);
      if (account === null) return { closed: false };
      const now = tx.now();
      await this.refreshTokens.revokeAllOfAccount(tx, account.id, now);
      if (account.disabledAt !== null && account.email === closedAccountEmail(account.id)) return { closed: false };
      await this.accounts.anonymise(tx, account.id, {
        email: closedAccountEmail(account.id),
        displayName: '-',
        // "!" is no scrypt hash: no password ever matches it.
        passwordHash: '!closed',
        emailVerifiedAt: null,
        disabledAt: account.disabledAt ?? now,
      });
      await enqueueJob(tx, ACCOUNT_CLOSED_JOB, { individualId: account.id });
      return { closed: true };
    });
  }
}
