import { accountAdmitsSessionCondition } from '@infobank/identity';
import type { SessionRole } from '../domain/session-tokens';

/**
 * The account check of a request whose access token is already verified, left by the guard to the route's one read
 * (see AccountCheckedByRead): the read carries `condition` into its own statement and, once that statement returned
 * a row, calls `confirm`. A check still unconfirmed when the route ends (an empty page, a read on the replica, an
 * error) is made on its own then, before anything is answered.
 */
export class PendingAccountCheck {
  private confirmed = false;

  constructor(readonly session: { accountId: string; role: SessionRole; issuedAt: Date }) {}

  /** An SQL condition true only while the account admits this session; `bind` adds a parameter and returns its placeholder. */
  condition(bind: (value: unknown) => string): string {
    return accountAdmitsSessionCondition(bind, {
      accountId: this.session.accountId,
      kind: this.session.role,
      issuedAt: this.session.issuedAt,
    });
  }

  /** A row came back from a statement that carried `condition`: the account admitted the session when it ran. */
  confirm(): void {
    this.confirmed = true;
  }

  get isConfirmed(): boolean {
    return this.confirmed;
  }
}
