import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import type { SessionRealm } from '../domain/session-tokens';
import { AccountStore, type Language } from '@infobank/identity';
import { UnauthenticatedError } from '../sessions.errors';
import { SESSION_REALM } from './session-settings';
import { signedInAccount } from './signed-in-account';

/** What a signed-in person sees of their own account. */
export interface OwnAccount {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  /** Whether the person proved they receive mail at `email` (an individual must, before consenting). */
  emailVerified: boolean;
}

/** The acting person's own account; a disabled or vanished account is no longer signed in. */
@Injectable()
export class GetOwnAccountUseCase {
  constructor(
    private readonly accounts: AccountStore,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  async execute(ctx: RequestContext): Promise<OwnAccount> {
    const { id: accountId, kind } = signedInAccount(ctx, this.realm);
    const account = await this.accounts.findById(ctx, accountId, kind);
    if (account === null || account.disabledAt !== null) throw new UnauthenticatedError('The account is no longer active.');
    return {
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      language: account.language,
      emailVerified: account.emailVerifiedAt !== null,
    };
  }
}

/**
 * Changes the acting person's own account settings: the language the bank speaks to them in (offer
 * summaries, mails). Answers the account as it now is.
 */
@Injectable()
export class UpdateOwnAccountUseCase {
  constructor(
    private readonly accounts: AccountStore,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
    private readonly ownAccount: GetOwnAccountUseCase,
  ) {}

  async execute(ctx: RequestContext, change: { language: Language }): Promise<OwnAccount> {
    const { id: accountId, kind } = signedInAccount(ctx, this.realm);
    await this.accounts.setLanguage(ctx, accountId, kind, change.language);
    return this.ownAccount.execute(ctx);
  }
}
