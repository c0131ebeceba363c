import { boardMemberProblems, EXPERTISE, isExpertise, sameProfile } from './board-member';

describe('board members', () => {
  it('have one of six fields of expertise', () => {
    expect(EXPERTISE).toEqual(['engineer', 'security', 'legal', 'data_ethics', 'consumer', 'media']);
    expect(isExpertise('legal')).toBe(true);
    expect(isExpertise('marketing')).toBe(false);
  });

  it('need a name, a known expertise and an explicit external flag', () => {
    expect(boardMemberProblems({ name: '佐藤 一郎', expertise: 'consumer', external: true })).toEqual([]);
    const problems = boardMemberProblems({ name: '', expertise: 'marketing', external: 'yes' });
    expect(problems.map((problem) => problem.path)).toEqual(['/name', '/expertise', '/external']);
  });

  it('compare profiles field by field', () => {
    const profile = { name: '佐藤 一郎', expertise: 'legal', external: true } as const;
    expect(sameProfile(profile, { ...profile })).toBe(true);
    expect(sameProfile(profile, { ...profile, external: false })).toBe(false);
  });
});
