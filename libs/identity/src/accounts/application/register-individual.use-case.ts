import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import type { AccountDetails } from '../domain/account';
import { CreateAccountUseCase, type CreatedAccount } from './create-account.use-case';

/** What an individual gives to open an account at the portal. */
export type RegisterIndividualCommand = AccountDetails;

/**
 * Opens an individual's account (本人). Idempotent on the e-mail: a repeat returns the existing id
 * with `created: false` and changes nothing; the portal does not tell the caller which happened.
 * Also what the demo seeder uses.
 */
@Injectable()
export class RegisterIndividualUseCase {
  constructor(private readonly createAccount: CreateAccountUseCase) {}

  async execute(ctx: RequestContext, command: RegisterIndividualCommand): Promise<CreatedAccount> {
    return this.createAccount.execute(ctx, { ...command, kind: 'individual' });
  }
}
