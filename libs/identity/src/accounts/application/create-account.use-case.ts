import { Injectable } from '@nestjs/common';
import { Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { accountDetailsProblems, normaliseEmail, type AccountDetails, type AccountKind } from '../domain/account';
import { AccountStore } from '../infrastructure/account.store';
import { PasswordHasher } from './password-hasher';

/** A new account of either kind. */
export interface CreateAccountCommand extends AccountDetails {
  kind: AccountKind;
}

/** The account the e-mail names, and whether this call created it. */
export interface CreatedAccount {
  id: string;
  created: boolean;
}

/**
 * Creates an account. Idempotent on (kind, e-mail): when the e-mail is already registered for that
 * kind, nothing changes (least of all the password) and the existing id comes back with
 * `created: false`; callers facing the public decide how much of that to say.
 */
@Injectable()
export class CreateAccountUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: AccountStore,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Validates, hashes the password (always, so both outcomes take the same time), then inserts. */
  async execute(ctx: RequestContext, command: CreateAccountCommand): Promise<CreatedAccount> {
    const problems = accountDetailsProblems(command ?? {});
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const email = normaliseEmail(command.email);
    const passwordHash = await this.hasher.hash(command.password);
    return this.transactions.run(ctx, async (tx) => {
      const id = randomUUID();
      const account = { id, kind: command.kind, email, passwordHash, displayName: command.displayName.trim(), language: command.language };
      if (await this.accounts.insertIfNew(tx, account)) return { id, created: true };
      return { id: await this.accounts.idOf(tx, command.kind, email), created: false };
    });
  }
}
