import { NO_STANDING_CONDITIONS, standingConditionsProblems, type StandingConditions } from './standing-conditions';

const isKnownPurpose = (code: string) => ['service_provision', 'marketing'].includes(code);
const valid: StandingConditions = {
  purposes: ['service_provision', 'marketing'],
  allowCrossBorder: false,
  allowProfiling: false,
  minimumBenefit: { type: 'points', amount: 100 },
  excludedRecipients: ['6f1c2f8e-3a55-4d0b-9a53-1d2c3b4a5e6f'],
  mode: 'auto',
};

describe('standing conditions an individual submits', () => {
  it('Given distinct known purposes and recipient ids, When checked, Then nothing is wrong', () => {
    expect(standingConditionsProblems(valid, isKnownPurpose)).toEqual([]);
    expect(standingConditionsProblems(NO_STANDING_CONDITIONS, isKnownPurpose)).toEqual([]);
  });

  it('Given unknown or repeated purposes, When checked, Then each entry is pointed at by its index', () => {
    expect(standingConditionsProblems({ ...valid, purposes: ['marketing', 'nope', 'marketing'] }, isKnownPurpose)).toEqual([
      { path: '/purposes/1', message: 'is not a purpose of the vocabulary' },
      { path: '/purposes/2', message: 'repeats an entry already listed' },
    ]);
  });

  it('Given a bad recipient id, an unknown mode and a bad minimum benefit, When checked, Then each field is named', () => {
    const conditions = {
      ...valid,
      excludedRecipients: ['not-a-uuid'],
      mode: 'sometimes',
      minimumBenefit: { type: 'service', amount: 0 },
    } as unknown as StandingConditions;
    expect(standingConditionsProblems(conditions, isKnownPurpose).map((problem) => problem.path)).toEqual([
      '/excludedRecipients/0',
      '/mode',
      '/minimumBenefit/type',
      '/minimumBenefit/amount',
    ]);
  });

  it('Given too many purposes, When checked, Then the list is refused as a whole', () => {
    const purposes = Array.from({ length: 51 }, () => 'marketing');
    expect(standingConditionsProblems({ ...valid, purposes }, isKnownPurpose)).toEqual([
      { path: '/purposes', message: 'must list at most 50 entries' },
    ]);
  });
});
