import { Injectable } from '@nestjs/common';
import type { TransactionalContext } from '@infobank/platform';
import { IsNull } from 'typeorm';
import type { AccountTokenPurpose } from '../domain/account-token';
import { AccountTokenEntity } from './account-token.entity';

/** The account_tokens table (digests only). */
@Injectable()
export class AccountTokenStore {
  async insert(tx: TransactionalContext, token: Omit<AccountTokenEntity, 'usedAt' | 'account'>): Promise<void> {
    await tx.transaction.insert(AccountTokenEntity, { ...token, usedAt: null });
  }

  /** The token with this digest, locked so that two uses of one link cannot both succeed. */
  lockByDigest(tx: TransactionalContext, tokenHash: string): Promise<AccountTokenEntity | null> {
    return tx.transaction.findOne(AccountTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Spends every unused token of the account for `purpose` (the one just used, and older links with it). */
  async spendAll(tx: TransactionalContext, accountId: string, purpose: AccountTokenPurpose, at: Date): Promise<void> {
    await tx.transaction.update(AccountTokenEntity, { accountId, purpose, usedAt: IsNull() }, { usedAt: at });
  }
}
