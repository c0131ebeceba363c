import { Injectable } from '@nestjs/common';
import type { AccountSession, AccountSessionVerdict } from '../infrastructure/account-session-admission.sql';
import { AccountStore } from '../infrastructure/account.store';

/**
 * Whether an account still admits the sessions of its access tokens: it exists with the session's kind, is neither
 * disabled nor closed, and its sessions began no later than the token was issued. The guards ask on every request
 * (on the primary, so closing an account ends its tokens at once on every instance); a read that carries the same
 * rule in its own statement uses accountAdmitsSessionCondition instead.
 */
@Injectable()
export class AccountSessionAdmission {
  constructor(private readonly accounts: AccountStore) {}

  verdict(session: AccountSession): Promise<AccountSessionVerdict> {
    return this.accounts.sessionVerdict(session);
  }
}
