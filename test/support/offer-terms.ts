// What a recipient sends to draft an offer (POST /v1/offers), for tests of the offers' whole path.

const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

/** A complete, valid offer as a recipient would draft it, valid for a year; `overrides` replace whole fields. */
export function offerTerms(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    purposeCode: 'marketing',
    purposeText: { ja: 'お買い物の傾向に合わせたクーポンをお届けします。', en: 'We send you coupons that match how you shop.' },
    items: [
      { itemId: 'purchase.receipts#/lineItems', required: true },
      { itemId: 'purchase.receipts#/store', required: false },
    ],
    dataRange: { fromDaysAgo: 90 },
    fetch: { type: 'periodic', per: 'month', max: 4 },
    dataLifeDays: 365,
    benefit: { type: 'points', amount: 500, description: { ja: '毎月500ポイント', en: '500 points a month' } },
    processingCountries: ['JP'],
    profiling: false,
    termsVersion: '2025-01',
    validUntil: inAYear(),
    ...overrides,
  };
}
