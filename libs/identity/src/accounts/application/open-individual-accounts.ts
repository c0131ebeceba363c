import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { AccountStore } from '../infrastructure/account.store';

/**
 * Which of these individuals still have an open account. Other contexts ask before acting on an
 * individual's behalf without them present (e.g. standing-condition grants), so a closed account is
 * never granted anything. Reads in the context's transaction when it has one.
 */
@Injectable()
export class OpenIndividualAccounts {
  constructor(private readonly accounts: AccountStore) {}

  among(ctx: RequestContext, individualIds: readonly string[]): Promise<Set<string>> {
    return this.accounts.openIndividualsAmong(ctx, individualIds);
  }
}
