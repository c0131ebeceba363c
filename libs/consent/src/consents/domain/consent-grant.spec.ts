import { grantedItems, grantProblems, type GrantableOffer, type GrantConsentCommand } from './consent-grant';

const now = new Date('2026-06-01T00:00:00Z');
const domestic: GrantableOffer = {
  processingCountries: ['JP'],
  items: [
    { itemId: 'total', categoryId: 'purchase.receipts', label: { ja: '合計', en: 'Total' }, required: true, sensitive: false },
    { itemId: 'store', categoryId: 'purchase.receipts', label: { ja: '店舗', en: 'Store' }, required: false, sensitive: false },
  ],
};
const abroad: GrantableOffer = { ...domestic, processingCountries: ['JP', 'US'] };
const command = (overrides: Partial<GrantConsentCommand> = {}): GrantConsentCommand => ({
  offerId: '33333333-3333-4333-8333-333333333333',
  optionalItems: [],
  mode: 'auto',
  ...overrides,
});

describe('grant rules', () => {
  it('Given a domestic offer, When granted with its optional item and a future end, Then nothing is wrong', () => {
    expect(grantProblems(command({ optionalItems: ['store'], expiresAt: '2026-07-01T00:00:00Z' }), domestic, 'individual', now)).toEqual(
      [],
    );
  });
  it('Given an offer, When granted in an unknown mode, Then /mode is refused', () => {
    const problems = grantProblems(command({ mode: 'always' as never }), domestic, 'individual', now);
    expect(problems.map((problem) => problem.path)).toEqual(['/mode']);
  });
  it('Given an offer, When a required, unknown or repeated item is chosen as optional, Then each is refused by its index', () => {
    const problems = grantProblems(command({ optionalItems: ['total', 'store', 'nope', 'store'] }), domestic, 'individual', now);
    expect(problems).toEqual([
      { path: '/optionalItems/0', message: 'is not an optional item of this offer' },
      { path: '/optionalItems/2', message: 'is not an optional item of this offer' },
      { path: '/optionalItems/3', message: 'is listed twice' },
    ]);
  });
  it.each([
    ['now itself', now.toISOString(), 'must be in the future'],
    ['the past', '2026-05-31T23:59:59Z', 'must be in the future'],
    ['no date', 'tomorrow', 'must be an ISO 8601 date-time'],
  ])('Given an offer, When granted with an end at %s, Then /expiresAt is refused', (_when, expiresAt, message) => {
    expect(grantProblems(command({ expiresAt }), domestic, 'individual', now)).toEqual([{ path: '/expiresAt', message }]);
  });
  it('Given an offer processed abroad, When its countries are not acknowledged exactly, Then /acknowledgedCountries is refused', () => {
    for (const acknowledgedCountries of [undefined, ['US'], ['JP', 'US', 'DE']]) {
      const problems = grantProblems(command({ acknowledgedCountries }), abroad, 'individual', now);
      expect(problems.map((problem) => problem.path)).toEqual(['/acknowledgedCountries']);
    }
    expect(grantProblems(command({ acknowledgedCountries: ['US', 'JP', 'US'] }), abroad, 'individual', now)).toEqual([]);
  });
  it('Given a standing-condition grant, When it has no explanation, Then /explanation is refused', () => {
    expect(grantProblems(command(), domestic, 'standing_condition', now).map((problem) => problem.path)).toEqual(['/explanation']);
    const explained = command({ explanation: { ja: ['目的が一致'], en: ['The purpose matches'] } });
    expect(grantProblems(explained, domestic, 'standing_condition', now)).toEqual([]);
  });
  it('Given an offer, When optional items are chosen, Then the grant covers every required item and the chosen ones in offer order', () => {
    expect(grantedItems(domestic, [])).toEqual(['total']);
    expect(grantedItems(domestic, ['store'])).toEqual(['total', 'store']);
  });
});
