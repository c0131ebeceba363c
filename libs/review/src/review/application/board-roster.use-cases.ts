import { Injectable } from '@nestjs/common';
import { AccountStore } from '@infobank/identity';
import { requireBankActor, Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { BoardMemberNotFoundError } from '../../review.errors';
import type { BoardMember } from '../domain/board-member';
import { BoardMemberStore } from '../infrastructure/board-member.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A board member as the operator's list shows them: the profile, the sign-in e-mail and whether they were removed. */
export interface BoardRosterEntry extends BoardMember {
  email: string;
  /** Removed from the board (`board:remove-member`): the account is disabled; past votes and decisions stay. */
  removed: boolean;
}

/** Every member of the data ethics board, removed ones included, by name (`board:list`). Operator only. */
@Injectable()
export class ListBoardRosterUseCase {
  constructor(
    private readonly members: BoardMemberStore,
    private readonly accounts: AccountStore,
  ) {}

  async execute(ctx: RequestContext): Promise<BoardRosterEntry[]> {
    requireBankActor(ctx);
    const accounts = new Map((await this.accounts.listByKind(ctx, 'board_member')).map((account) => [account.id, account]));
    return (await this.members.list(ctx)).map((member) => ({
      ...member,
      email: accounts.get(member.id)?.email ?? '',
      removed: (accounts.get(member.id)?.disabledAt ?? null) !== null,
    }));
  }
}

/**
 * Removes a member from the data ethics board (`board:remove-member`): their account is disabled at
 * once, so they can no longer sign in and their live access tokens stop working; the votes and
 * decisions they took part in stay as recorded. Removing a removed member changes nothing. Operator only.
 */
@Injectable()
export class RemoveBoardMemberUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly members: BoardMemberStore,
    private readonly accounts: AccountStore,
  ) {}

  async execute(ctx: RequestContext, command: { memberId: string }): Promise<{ id: string; removed: boolean }> {
    requireBankActor(ctx);
    const memberId = command?.memberId;
    if (typeof memberId !== 'string' || !UUID.test(memberId)) {
      throw new ValidationFailedError([{ path: '/memberId', message: 'must be a UUID' }]);
    }
    return this.transactions.run(ctx, async (tx) => {
      if ((await this.members.find(memberId, tx.transaction)) === null) throw new BoardMemberNotFoundError(memberId);
      const removed = await this.accounts.disable(tx, memberId, 'board_member', ctx.now());
      return { id: memberId, removed };
    });
  }
}
