import { Injectable } from '@nestjs/common';
import { requireBankActor, Transactions, type RequestContext } from '@infobank/platform';
import { AccountStore } from '../infrastructure/account.store';

/**
 * Marks an individual's address verified without a mail: for the bank's operator only (the demo seed,
 * whose addresses are the bank's own; and test support, for tests that are not about mail). People
 * verify through the link in their verification mail, or a password reset. Idempotent: an address
 * verified before keeps its first time. Returns whether it changed anything.
 */
@Injectable()
export class MarkEmailVerifiedUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
  ) {}

  async execute(ctx: RequestContext, command: { individualId: string }): Promise<{ changed: boolean }> {
    requireBankActor(ctx);
    return this.transactions.run(ctx, async (tx) => {
      const account = await this.accounts.lockIndividual(tx, command.individualId);
      if (account === null || account.disabledAt !== null) return { changed: false };
      return { changed: await this.accounts.markEmailVerified(tx, account.id, tx.now()) };
    });
  }
}
