import { accountAdmitsSessionCondition, accountSessionVerdict, accountSessionVerdictStatement } from './account-session-admission.sql';

const session = { accountId: '00000000-0000-4000-8000-000000000001', kind: 'individual', issuedAt: new Date('2026-12-07T12:00:00.123Z') };

describe('account session admission: one rule, as a condition a read carries and as a statement of its own', () => {
  it('Given no row, a disabled account, a reset after the token or neither, When judged, Then closed, closed, ended, admitted', () => {
    expect(accountSessionVerdict(undefined)).toBe('closed');
    expect(accountSessionVerdict({ open: false, current: true })).toBe('closed');
    expect(accountSessionVerdict({ open: false, current: false })).toBe('closed');
    expect(accountSessionVerdict({ open: true, current: false })).toBe('ended');
    expect(accountSessionVerdict({ open: true, current: true })).toBe('admitted');
  });

  it('Given a session, When the statement and the condition are built, Then both test the same columns the same way', () => {
    const { sql, parameters } = accountSessionVerdictStatement(session);
    expect(parameters).toEqual([session.accountId, session.kind, session.issuedAt]);
    const bound: unknown[] = [];
    const condition = accountAdmitsSessionCondition((value) => {
      bound.push(value);
      return `$${bound.length}`;
    }, session);
    expect(bound).toEqual([session.issuedAt, session.accountId, session.kind]);
    // The statement's placeholders renumbered as the condition binds them: the same SQL for each part of the rule.
    const renumbered = sql.replace(/\$([123])/g, (_match, index: string) => `$${{ '1': 2, '2': 3, '3': 1 }[index]}`);
    for (const part of [
      `a."disabled_at" IS NULL`,
      `(a."sessions_not_before" IS NULL OR date_trunc('milliseconds', a."sessions_not_before") <= $1::timestamptz)`,
      `FROM "accounts" a WHERE a."id" = $2::uuid AND a."kind" = $3`,
    ]) {
      expect(renumbered).toContain(part);
      expect(condition).toContain(part);
    }
  });
});
