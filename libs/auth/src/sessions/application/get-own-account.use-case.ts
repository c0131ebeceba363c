import { Inject, Injectable } from '@nestjs/common';
import { requireBoardMember, requireIndividual, type RequestContext } from '@infobank/platform';
import type { Language } from '@infobank/identity';
import type { SessionRealm } from '../domain/session-tokens';
import { AccountStore } from '@infobank/identity';
import { UnauthenticatedError } from '../sessions.errors';
import { SESSION_REALM } from './session-settings';

/** What a signed-in person sees of their own account. */
export interface OwnAccount {
  id: string;
  email: string;
  displayName: string;
  language: Language;
}

/** The acting person's own account; a disabled or vanished account is no longer signed in. */
@Injectable()
export class GetOwnAccountUseCase {
  constructor(
    private readonly accounts: AccountStore,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  async execute(ctx: RequestContext): Promise<OwnAccount> {
    // A token of the other realm never reaches here (the app's guard checks the realm); any other actor is not signed in.
    const notSignedIn = { code: 'UNAUTHENTICATED', detail: 'A valid access token is required.' };
    const accountId = this.realm.accountKind === 'individual' ? requireIndividual(ctx, notSignedIn) : requireBoardMember(ctx, notSignedIn);
    const account = await this.accounts.findById(ctx, accountId, this.realm.accountKind);
    if (account === null || account.disabledAt !== null) throw new UnauthenticatedError('The account is no longer active.');
    return { id: account.id, email: account.email, displayName: account.displayName, language: account.language };
  }
}
