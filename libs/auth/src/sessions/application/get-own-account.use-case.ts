import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@infobank/platform';
import { DataSource, IsNull } from 'typeorm';
import type { Language } from '../domain/account';
import type { SessionRealm } from '../domain/session-tokens';
import { AccountEntity } from '../infrastructure/account.entity';
import { UnauthenticatedError } from '../sessions.errors';
import { actingAccountId } from './acting-account';
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
    private readonly dataSource: DataSource,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
  ) {}

  async execute(ctx: RequestContext): Promise<OwnAccount> {
    const accountId = actingAccountId(ctx.actor, this.realm.accountKind);
    if (accountId === null) throw new UnauthenticatedError();
    const account = await this.dataSource.manager.findOne(AccountEntity, { where: { id: accountId, kind: this.realm.accountKind } });
    if (account === null || account.disabledAt !== null) throw new UnauthenticatedError('The account is no longer active.');
    return { id: account.id, email: account.email, displayName: account.displayName, language: account.language };
  }
}

/**
 * Changes the acting person's own account settings: the language the bank speaks to them in (offer
 * summaries, mails). Answers the account as it now is.
 */
@Injectable()
export class UpdateOwnAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SESSION_REALM) private readonly realm: SessionRealm,
    private readonly ownAccount: GetOwnAccountUseCase,
  ) {}

  async execute(ctx: RequestContext, change: { language: Language }): Promise<OwnAccount> {
    const accountId = actingAccountId(ctx.actor, this.realm.accountKind);
    if (accountId === null) throw new UnauthenticatedError();
    await this.dataSource.manager.update(
      AccountEntity,
      { id: accountId, kind: this.realm.accountKind, disabledAt: IsNull() },
      { language: change.language },
    );
    return this.ownAccount.execute(ctx);
  }
}
