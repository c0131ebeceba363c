import { matchStandingConditions, STANDING_CRITERIA, type MatchableOffer } from './standing-condition-match';
import type { StandingConditions } from './standing-conditions';

const recipientId = '0b6f7c1e-2d3a-4c5b-8e9f-a0b1c2d3e4f5';
const conditions: StandingConditions = {
  purposes: ['service_provision'],
  allowCrossBorder: false,
  allowProfiling: false,
  minimumBenefit: null,
  excludedRecipients: [],
  mode: 'auto',
};
const offer: MatchableOffer = {
  status: 'approved',
  recipientId,
  purposeCode: 'service_provision',
  purposeLabel: { ja: 'サービスの提供', en: 'Providing a service' },
  items: [
    { itemId: 'purchase.receipts#/total', categoryId: 'purchase.receipts', required: true, sensitive: false },
    { itemId: 'purchase.receipts#/store', categoryId: 'purchase.receipts', required: false, sensitive: false },
  ],
  processingCountries: ['JP'],
  profiling: false,
  benefit: { type: 'points', amount: 500, description: { ja: 'ポイント' } },
};

const failed = (match: ReturnType<typeof matchStandingConditions>) =>
  match.criteria.filter((criterion) => !criterion.passed).map((criterion) => criterion.criterion);

describe('matching an approved offer against standing conditions', () => {
  it('Given an offer inside every condition, When matched, Then it fits and every criterion is explained in ja and en', () => {
    const match = matchStandingConditions(conditions, offer);
    expect(match.fits).toBe(true);
    expect(match.criteria.map((criterion) => criterion.criterion)).toEqual([...STANDING_CRITERIA]);
    expect(match.explanation.ja).toHaveLength(STANDING_CRITERIA.length);
    expect(match.explanation.en).toHaveLength(STANDING_CRITERIA.length);
    expect(match.explanation.ja[2]).toContain('サービスの提供');
    expect(match.explanation.en[2]).toContain('Providing a service');
  });

  it("Given a fitting offer with an optional item, When matched, Then no optional item is granted on the individual's behalf", () => {
    expect(matchStandingConditions(conditions, offer).optionalItems).toEqual([]);
  });

  it('Given a sensitive item, required or optional, When matched even with everything allowed, Then it never fits', () => {
    const everything = { ...conditions, allowCrossBorder: true, allowProfiling: true };
    for (const required of [true, false]) {
      const sensitiveItem = { itemId: 'health.checkup#/bmi', categoryId: 'health.checkup', required, sensitive: true };
      const match = matchStandingConditions(everything, { ...offer, items: [...offer.items, sensitiveItem] });
      expect(match.fits).toBe(false);
      expect(failed(match)).toEqual(['no_sensitive_items']);
    }
  });

  it('Given a purpose the individual did not accept, When matched, Then it does not fit and says why', () => {
    const match = matchStandingConditions(conditions, { ...offer, purposeCode: 'marketing', purposeLabel: undefined });
    expect(failed(match)).toEqual(['purpose']);
    expect(match.explanation.en[2]).toBe('The purpose "marketing" is not among the purposes you accepted.');
  });

  it('Given an excluded recipient, When matched, Then it does not fit', () => {
    expect(failed(matchStandingConditions({ ...conditions, excludedRecipients: [recipientId] }, offer))).toEqual([
      'recipient_not_excluded',
    ]);
  });

  it('Given processing outside Japan, When cross-border is off (the default), Then it does not fit; When allowed, Then it fits', () => {
    const abroad = { ...offer, processingCountries: ['JP', 'US'] };
    const refused = matchStandingConditions(conditions, abroad);
    expect(failed(refused)).toEqual(['cross_border']);
    expect(refused.explanation.ja[4]).toContain('US');
    expect(matchStandingConditions({ ...conditions, allowCrossBorder: true }, abroad).fits).toBe(true);
  });

  it('Given a profiling offer, When profiling is off (the default), Then it does not fit; When allowed, Then it fits', () => {
    const profiles = { ...offer, profiling: true };
    expect(failed(matchStandingConditions(conditions, profiles))).toEqual(['profiling']);
    expect(matchStandingConditions({ ...conditions, allowProfiling: true }, profiles).fits).toBe(true);
  });

  it('Given a minimum benefit, When the offer gives less, another type or none, Then it does not fit; at or above it fits', () => {
    const minimum = { ...conditions, minimumBenefit: { type: 'points' as const, amount: 500 } };
    expect(matchStandingConditions(minimum, offer).fits).toBe(true);
    expect(failed(matchStandingConditions(minimum, { ...offer, benefit: { ...offer.benefit, amount: 499 } }))).toEqual(['minimum_benefit']);
    expect(
      failed(matchStandingConditions(minimum, { ...offer, benefit: { type: 'yen', amount: 5000, description: { ja: '円' } } })),
    ).toEqual(['minimum_benefit']);
    expect(failed(matchStandingConditions(minimum, { ...offer, benefit: { type: 'social', description: { ja: '社会' } } }))).toEqual([
      'minimum_benefit',
    ]);
  });

  it('Given an offer no longer approved, When matched, Then it does not fit', () => {
    for (const status of ['suspended', 'withdrawn', 'expired', 'in_review'] as const) {
      expect(failed(matchStandingConditions(conditions, { ...offer, status }))).toEqual(['offer_approved']);
    }
  });

  it('Given several failing criteria, When matched, Then every one is reported, not only the first', () => {
    const match = matchStandingConditions(conditions, { ...offer, purposeCode: 'marketing', profiling: true, processingCountries: ['SG'] });
    expect(failed(match)).toEqual(['purpose', 'cross_border', 'profiling']);
  });
});
