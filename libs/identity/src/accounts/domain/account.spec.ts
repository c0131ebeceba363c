import { accountDetailsProblems, normaliseEmail } from './account';

const valid = { email: 'Hanako@Example.JP', password: 'twelve chars', displayName: '山田 花子', language: 'ja' };

describe('account details', () => {
  it('normalise e-mail addresses: trimmed and lower case', () => {
    expect(normaliseEmail('  Hanako.Yamada@Example.JP ')).toBe('hanako.yamada@example.jp');
  });

  it('accept valid details, with a password of exactly 12 characters (counted as a person counts them)', () => {
    expect(accountDetailsProblems(valid)).toEqual([]);
    expect(accountDetailsProblems({ ...valid, password: 'あいうえおかきくけこさし' })).toEqual([]);
  });

  it('name every bad field', () => {
    const problems = accountDetailsProblems({ email: 'not-an-email', password: 'eleven char', displayName: ' ', language: 'fr' });
    expect(problems.map((problem) => problem.path)).toEqual(['/email', '/password', '/displayName', '/language']);
  });

  it('refuse passwords over 200 characters', () => {
    expect(accountDetailsProblems({ ...valid, password: 'x'.repeat(201) }).map((problem) => problem.path)).toEqual(['/password']);
    expect(accountDetailsProblems({ ...valid, password: 'x'.repeat(200) })).toEqual([]);
  });
});
