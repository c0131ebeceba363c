import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionRole } from '../domain/session-tokens';
import { UnauthenticatedError } from '../sessions.errors';

/**
 * Whether an account still admits the sessions of its access tokens, read on the primary. The same rule as
 * accountAdmitsSessionCondition (libs/identity), which a route's read carries instead (see AccountCheckedByRead).
 */
@Injectable()
export class AccountAccess {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Refuses (UNAUTHENTICATED) unless the account exists with this role, is neither disabled nor closed, and its sessions
   * began no later than `issuedAt` (a password reset ended every session before it).
   */
  async assertAdmits(session: { accountId: string; role: SessionRole; issuedAt: Date }): Promise<void> {
    // One primary-key read as plain SQL (no query builder: it runs before most guarded requests).
    const [account]: { disabledAt: Date | null; sessionsNotBefore: Date | null }[] = await this.dataSource.query(
      `SELECT "disabled_at" AS "disabledAt", "sessions_not_before" AS "sessionsNotBefore" FROM "accounts" WHERE "id" = $1 AND "kind" = $2`,
      [session.accountId, session.role],
    );
    if (account === undefined || account.disabledAt !== null) throw new UnauthenticatedError('The account is closed or disabled.');
    if (account.sessionsNotBefore !== null && session.issuedAt.getTime() < account.sessionsNotBefore.getTime()) {
      throw new UnauthenticatedError('The session ended; sign in again.');
    }
  }
}
