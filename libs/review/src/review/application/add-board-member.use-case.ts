import { Injectable } from '@nestjs/common';
import { accountDetailsProblems, CreateAccountUseCase, type Language } from '@infobank/identity';
import { Transactions, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { sameProfile, type Expertise, boardMemberProblems } from '../domain/board-member';
import { BoardMemberStore } from '../infrastructure/board-member.store';
import { BoardMemberExistsError } from '../../review.errors';

/** What the operator registers about a new board member (`board:add-member`). */
export interface AddBoardMemberCommand {
  email: string;
  password: string;
  name: string;
  expertise: Expertise;
  external: boolean;
  /** Language of the member's notices; Japanese unless given. */
  language?: Language;
}

/**
 * Adds a member to the data ethics board: a `board_member` account and its profile, in one
 * transaction. Idempotent on the e-mail: the same profile again returns the existing id and changes
 * nothing (the password is never replaced this way); a different profile is BOARD_MEMBER_EXISTS.
 */
@Injectable()
export class AddBoardMemberUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly members: BoardMemberStore,
    private readonly createAccount: CreateAccountUseCase,
  ) {}

  async execute(ctx: RequestContext, command: AddBoardMemberCommand): Promise<{ id: string }> {
    // The account's checks (e-mail, password, language) and the profile's, reported together; the name is the profile's.
    const account = accountDetailsProblems({ ...command, displayName: 'board member', language: command?.language ?? 'ja' });
    const problems = [...account, ...boardMemberProblems(command ?? {})];
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const profile = { name: command.name.trim(), expertise: command.expertise, external: command.external };
    return this.transactions.run(ctx, async (tx) => {
      const account = await this.createAccount.execute(tx, {
        kind: 'board_member',
        email: command.email,
        password: command.password,
        displayName: profile.name,
        language: command.language ?? 'ja',
      });
      const existing = account.created ? null : await this.members.find(account.id, tx.transaction);
      if (existing === null) {
        await this.members.insert(tx, { id: account.id, ...profile });
      } else if (!sameProfile(existing, profile)) {
        throw new BoardMemberExistsError(account.id);
      }
      return { id: account.id };
    });
  }
}
