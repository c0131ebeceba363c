import { mayAccept, termsTextProblems, versionToAccept } from './terms';

describe('terms versions (利用規約・契約の版)', () => {
  const individualTerms = { audience: 'individual', version: '2026-12', ja: '利用規約', en: 'Terms of use' };
  const recipientContract = {
    audience: 'recipient',
    version: '2026-12',
    ja: '提供先は受け取ったデータを第三者に再提供してはならない。',
    en: 'The recipient must make no onward transfer of the data to any third party.',
  };

  it('given complete texts in both languages, when checked, then there is nothing to fix', () => {
    expect(termsTextProblems(individualTerms)).toEqual([]);
    expect(termsTextProblems(recipientContract)).toEqual([]);
  });

  it('given an unknown audience, a bad version label and empty texts, when checked, then each field is named', () => {
    const problems = termsTextProblems({ audience: 'board', version: '../etc', ja: ' ', en: 42 });
    expect(problems.map((problem) => problem.path)).toEqual(['/audience', '/version', '/ja', '/en']);
  });

  it('given a recipient contract without the no-onward-transfer clause (再提供禁止), when checked, then it cannot be published', () => {
    const problems = termsTextProblems({
      ...recipientContract,
      ja: '提供先はデータを安全に管理する。',
      en: 'The recipient keeps the data safe.',
    });
    expect(problems.map((problem) => problem.path)).toEqual(['/ja', '/en']);
    expect(problems[0].message).toContain('再提供');
  });

  it('given a provider contract, when checked, then no onward-transfer clause is asked for', () => {
    expect(termsTextProblems({ ...individualTerms, audience: 'provider' })).toEqual([]);
  });

  it('given a text over the limit, when checked, then it is refused', () => {
    expect(termsTextProblems({ ...individualTerms, en: 'x'.repeat(200_001) }).map((problem) => problem.path)).toEqual(['/en']);
  });
});

describe('which version must be accepted', () => {
  it('given nothing was ever published, then nothing is required', () => {
    expect(versionToAccept(null, [])).toBeNull();
  });

  it('given the current version is accepted, then nothing is required', () => {
    expect(versionToAccept({ version: '2026-12' }, ['2026-01', '2026-12'])).toBeNull();
  });

  it('given a newer version was published after the last acceptance, then that version must be accepted', () => {
    expect(versionToAccept({ version: '2027-04' }, ['2026-12'])).toBe('2027-04');
    expect(versionToAccept({ version: '2027-04' }, [])).toBe('2027-04');
  });

  it('only the current version can be accepted; with none published, no version can', () => {
    expect(mayAccept({ version: '2027-04' }, '2027-04')).toBe(true);
    expect(mayAccept({ version: '2027-04' }, '2026-12')).toBe(false);
    expect(mayAccept({ version: '2027-04' }, undefined)).toBe(false);
    expect(mayAccept(null, undefined)).toBe(true);
    expect(mayAccept(null, '2026-12')).toBe(false);
  });
});
