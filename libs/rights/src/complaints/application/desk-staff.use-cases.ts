import { Injectable } from '@nestjs/common';
import { AccountStore, CreateAccountUseCase, type Language } from '@infobank/identity';
import { requireBankActor, type RequestContext } from '@infobank/platform';

/** What the operator registers about a new complaints desk member (`staff:add`). */
export interface AddDeskStaffCommand {
  email: string;
  password: string;
  name: string;
  /** Language of the member's notices; Japanese unless given. */
  language?: Language;
}

/** A desk member as the operator's list shows them. */
export interface DeskStaffMember {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
}

/**
 * Adds a member to the complaints desk (苦情相談窓口): a `staff` account, which signs in at the ethics
 * board's app with its own role. A board member is not staff unless also added here (a separate account
 * under the same e-mail, with its own password). Idempotent on the e-mail: the same address again returns
 * the existing id and changes nothing (least of all the password). Operator only.
 */
@Injectable()
export class AddDeskStaffUseCase {
  constructor(private readonly createAccount: CreateAccountUseCase) {}

  async execute(ctx: RequestContext, command: AddDeskStaffCommand): Promise<{ id: string; created: boolean }> {
    requireBankActor(ctx);
    return this.createAccount.execute(ctx, {
      kind: 'staff',
      email: command?.email,
      password: command?.password,
      displayName: command?.name,
      language: command?.language ?? 'ja',
    });
  }
}

/** Every complaints desk member, oldest first (`staff:list`). Operator only. */
@Injectable()
export class ListDeskStaffUseCase {
  constructor(private readonly accounts: AccountStore) {}

  async execute(ctx: RequestContext): Promise<DeskStaffMember[]> {
    requireBankActor(ctx);
    const staff = await this.accounts.listByKind(ctx, 'staff');
    return staff.map((account) => ({
      id: account.id,
      email: account.email,
      name: account.displayName,
      disabled: account.disabledAt !== null,
    }));
  }
}
