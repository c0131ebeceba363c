/** The session an access token carries: whose account, of which kind, issued when. */
export interface AccountSession {
  accountId: string;
  kind: string;
  issuedAt: Date;
}

/**
 * An SQL condition (PostgreSQL) that holds while `session`'s account exists with its kind, is neither disabled nor
 * closed, and its sessions began no later than the token was issued (a password reset moves that on): the account
 * side of admitting an access token, for a statement of another context to carry (a guarded read in one round trip).
 * `bind` adds a parameter and returns its placeholder. An uncorrelated scalar subquery: PostgreSQL runs it once per
 * statement (an InitPlan, one primary-key lookup) and, as a condition, before it reads anything else.
 */
export function accountAdmitsSessionCondition(bind: (value: unknown) => string, session: AccountSession): string {
  // Milliseconds, as the guard compares them in JavaScript (a Date has no microseconds).
  return `COALESCE((SELECT a."disabled_at" IS NULL AND (a."sessions_not_before" IS NULL
       OR date_trunc('milliseconds', a."sessions_not_before") <= ${bind(session.issuedAt)}::timestamptz)
     FROM "accounts" a WHERE a."id" = ${bind(session.accountId)}::uuid AND a."kind" = ${bind(session.kind)}), false)`;
}
