import { Injectable } from '@nestjs/common';
import { enqueueJob, inTransaction, type RequestContext } from '@infobank/platform';
import { DataSource } from 'typeorm';
import { ACCOUNT_CLOSED_JOB } from '../account.jobs';
import { AccountEntity } from '../infrastructure/account.entity';
import { RefreshTokenEntity } from '../infrastructure/refresh-token.entity';

/** Placeholder e-mail of a closed account: unique per account, in the reserved `.invalid` domain, no personal data. */
export function closedAccountEmail(accountId: string): string {
  return `closed-${accountId}@closed.invalid`;
}

/**
 * Closes an individual's account (the last step of 退会): every refresh token is revoked, and the
 * account is anonymised and disabled. Its e-mail, display name and password hash are overwritten, so
 * the e-mail can register a new account; the row stays (with its id only) because links and ledgers
 * refer to it. Access tokens already issued stop working at once: the access token guard admits only
 * accounts that exist and are not disabled. The closure is announced through the outbox
 * (ACCOUNT_CLOSED_JOB), so the consent ledger revokes what the bank could otherwise still grant or
 * provide. Idempotent; joins the caller's transaction if it has one.
 */
@Injectable()
export class CloseAccountUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ctx: RequestContext, command: { accountId: string }): Promise<{ closed: boolean }> {
    return inTransaction(ctx, this.dataSource, async (manager) => {
      const account = await manager.findOne(AccountEntity, {
        where: { id: command.accountId, kind: 'individual' },
        lock: { mode: 'pessimistic_write' },
      });
      if (account === null) return { closed: false };
      const now = new Date();
      await manager
        .createQueryBuilder()
        .update(RefreshTokenEntity)
        .set({ revokedAt: now })
        .where('account_id = :accountId AND revoked_at IS NULL', { accountId: account.id })
        .execute();
      if (account.disabledAt !== null && account.email === closedAccountEmail(account.id)) return { closed: false };
      await manager.update(
        AccountEntity,
        { id: account.id },
        // "!" is no scrypt hash: no password ever matches it.
        { email: closedAccountEmail(account.id), displayName: '-', passwordHash: '!closed', disabledAt: account.disabledAt ?? now },
      );
      await enqueueJob({ ...ctx, transaction: manager }, ACCOUNT_CLOSED_JOB, { individualId: account.id });
      return { closed: true };
    });
  }
}
