import { Injectable } from '@nestjs/common';
import { AccountSessionAdmission } from '@infobank/identity';
import type { SessionRole } from '../domain/session-tokens';
import { UnauthenticatedError } from '../sessions.errors';

/**
 * The guards' account check on its own, as libs/identity tells it (AccountSessionAdmission, on the primary; a route's
 * read carries the same rule instead, see AccountCheckedByRead), with the refusal each verdict makes.
 */
@Injectable()
export class AccountAccess {
  constructor(private readonly admission: AccountSessionAdmission) {}

  /**
   * Refuses (UNAUTHENTICATED) unless the account exists with this role, is neither disabled nor closed, and its sessions
   * began no later than `issuedAt` (a password reset ended every session before it).
   */
  async assertAdmits(session: { accountId: string; role: SessionRole; issuedAt: Date }): Promise<void> {
    const verdict = await this.admission.verdict({ accountId: session.accountId, kind: session.role, issuedAt: session.issuedAt });
    if (verdict === 'closed') throw new UnauthenticatedError('The account is closed or disabled.');
    if (verdict === 'ended') throw new UnauthenticatedError('The session ended; sign in again.');
  }
}
