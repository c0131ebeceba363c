/** The session an access token carries: whose account, of which kind, issued when. */
export interface AccountSession {
  accountId: string;
  kind: string;
  issuedAt: Date;
}

/**
 * Whether an account admits a session: `closed` when it does not exist with the session's kind or is disabled or
 * closed, `ended` when its sessions began after the token was issued (a password reset moves that on).
 */
export type AccountSessionVerdict = 'admitted' | 'closed' | 'ended';

/** The account `a` is neither disabled nor closed (closing an account disables it). */
const isOpen = (a: string) => `${a}."disabled_at" IS NULL`;

/** The account `a`'s sessions began no later than `issuedAt` (a placeholder), to the millisecond, as a Date has no microseconds. */
const admitsIssuedAt = (a: string, issuedAt: string) =>
  `(${a}."sessions_not_before" IS NULL OR date_trunc('milliseconds', ${a}."sessions_not_before") <= ${issuedAt}::timestamptz)`;

/** The session's account as `a`: its id and kind. */
const sessionAccount = (a: string, accountId: string, kind: string) =>
  `FROM "accounts" ${a} WHERE ${a}."id" = ${accountId}::uuid AND ${a}."kind" = ${kind}`;

/**
 * An SQL condition (PostgreSQL) that holds while `session`'s account exists with its kind, is neither disabled nor
 * closed, and its sessions began no later than the token was issued (a password reset moves that on): the account
 * side of admitting an access token, for a statement of another context to carry (a guarded read in one round trip).
 * `bind` adds a parameter and returns its placeholder. An uncorrelated scalar subquery: PostgreSQL runs it once per
 * statement (an InitPlan, one primary-key lookup) and, as a condition, before it reads anything else.
 */
export function accountAdmitsSessionCondition(bind: (value: unknown) => string, session: AccountSession): string {
  const issuedAt = bind(session.issuedAt);
  return `COALESCE((SELECT ${isOpen('a')} AND ${admitsIssuedAt('a', issuedAt)}
     ${sessionAccount('a', bind(session.accountId), bind(session.kind))}), false)`;
}

/**
 * The statement telling the same rule's verdict on its own (one primary-key read): no row when the account does not
 * exist with the session's kind, else whether it is open and whether it admits the token's time.
 */
export function accountSessionVerdictStatement(session: AccountSession): { sql: string; parameters: unknown[] } {
  return {
    sql: `SELECT ${isOpen('a')} AS "open", ${admitsIssuedAt('a', '$3')} AS "current" ${sessionAccount('a', '$1', '$2')}`,
    parameters: [session.accountId, session.kind, session.issuedAt],
  };
}

/** The verdict from the statement's row (undefined: none). */
export function accountSessionVerdict(row: { open: boolean; current: boolean } | undefined): AccountSessionVerdict {
  if (row === undefined || !row.open) return 'closed';
  return row.current ? 'admitted' : 'ended';
}
