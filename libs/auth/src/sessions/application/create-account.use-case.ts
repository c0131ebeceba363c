import { Injectable } from '@nestjs/common';
import { inTransaction, ValidationFailedError, type RequestContext } from '@infobank/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { accountDetailsProblems, normaliseEmail, type AccountDetails, type AccountKind } from '../domain/account';
import { AccountEntity } from '../infrastructure/account.entity';
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
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Validates, hashes the password (always, so both outcomes take the same time), then inserts. */
  async execute(ctx: RequestContext, command: CreateAccountCommand): Promise<CreatedAccount> {
    const problems = accountDetailsProblems(command ?? {});
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const email = normaliseEmail(command.email);
    const passwordHash = await this.hasher.hash(command.password);
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const id = randomUUID();
      // The unique constraint elects one account per (kind, e-mail), even for concurrent registrations.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AccountEntity)
        .values({ id, kind: command.kind, email, passwordHash, displayName: command.displayName.trim(), language: command.language })
        .orIgnore()
        .returning(['id'])
        .updateEntity(false)
        .execute();
      if ((inserted.raw as unknown[]).length === 1) return { id, created: true };
      const existing = await manager.findOneOrFail(AccountEntity, { where: { kind: command.kind, email }, select: { id: true } });
      return { id: existing.id, created: false };
    });
  }
}
