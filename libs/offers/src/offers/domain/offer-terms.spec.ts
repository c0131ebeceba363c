import { normaliseOfferTerms, offerTermsProblems } from './offer-terms';
import type { OfferTerms } from './offer';

const now = new Date('2025-06-01T00:00:00Z');

const terms = (overrides: Partial<Record<keyof OfferTerms | 'extra', unknown>> = {}): Record<string, unknown> => ({
  purposeCode: 'marketing',
  purposeText: { ja: 'クーポンのご案内' },
  items: [{ itemId: 'purchase.receipts#/lineItems', required: true }],
  dataRange: { fromDaysAgo: 30 },
  fetch: { type: 'one_time' },
  dataLifeDays: 30,
  benefit: { type: 'service', description: { ja: '会員特典' } },
  processingCountries: ['JP'],
  profiling: false,
  termsVersion: '2025-01',
  validUntil: '2026-01-01T00:00:00+09:00',
  ...overrides,
});

const paths = (value: unknown) => offerTermsProblems(value, now).map((problem) => problem.path);

describe('offer terms', () => {
  it('Given complete terms, when checked, then there is no problem', () => {
    expect(offerTermsProblems(terms(), now)).toEqual([]);
  });

  it('Given a body that is not an object, when checked, then the whole body is named', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths([])).toEqual(['']);
  });

  it('Given unknown fields anywhere, when checked, then each is named', () => {
    expect(paths(terms({ extra: 1, purposeText: { ja: 'x', fr: 'y' }, fetch: { type: 'one_time', max: 1 } }))).toEqual([
      '/extra',
      '/purposeText/fr',
      '/fetch/max',
    ]);
  });

  it('Given item ids, when checked, then unknown, repeated and all-optional lists are refused', () => {
    expect(paths(terms({ items: [{ itemId: 'nope#/x', required: true }] }))).toEqual(['/items/0/itemId']);
    expect(
      paths(
        terms({
          items: [
            { itemId: 'purchase.receipts#/lineItems', required: true },
            { itemId: 'purchase.receipts#/lineItems', required: false },
          ],
        }),
      ),
    ).toEqual(['/items/1/itemId']);
    expect(paths(terms({ items: [{ itemId: 'purchase.receipts#/lineItems', required: false }] }))).toEqual(['/items']);
    expect(paths(terms({ items: [] }))).toEqual(['/items']);
  });

  it('Given a data range, when checked, then exactly one form with from before to is accepted', () => {
    expect(paths(terms({ dataRange: { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' } }))).toEqual([]);
    expect(paths(terms({ dataRange: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } }))).toEqual(['/dataRange/to']);
    expect(paths(terms({ dataRange: { fromDaysAgo: 10, from: '2025-01-01T00:00:00Z' } }))).toEqual(['/dataRange/from']);
    expect(paths(terms({ dataRange: { fromDaysAgo: 0 } }))).toEqual(['/dataRange/fromDaysAgo']);
    expect(paths(terms({ dataRange: { from: '2025-01-01', to: 'tomorrow' } }))).toEqual(['/dataRange/from', '/dataRange/to']);
  });

  it('Given a periodic fetch, when checked, then it needs a period and a limit', () => {
    expect(paths(terms({ fetch: { type: 'periodic', per: 'week', max: 2 } }))).toEqual([]);
    expect(paths(terms({ fetch: { type: 'periodic' } }))).toEqual(['/fetch/per', '/fetch/max']);
    expect(paths(terms({ fetch: { type: 'always' } }))).toEqual(['/fetch/type']);
  });

  it('Given a benefit, when checked, then points and yen need an amount and social-only has none', () => {
    const description = { ja: '説明' };
    expect(paths(terms({ benefit: { type: 'yen', amount: 100, description } }))).toEqual([]);
    expect(paths(terms({ benefit: { type: 'points', description } }))).toEqual(['/benefit/amount']);
    expect(paths(terms({ benefit: { type: 'social', amount: 1, description } }))).toEqual(['/benefit/amount']);
    expect(paths(terms({ benefit: { type: 'gift', description: {} } }))).toEqual(['/benefit/type', '/benefit/description/ja']);
  });

  it('Given data life, countries, purpose and validity, when checked, then each limit is enforced', () => {
    expect(paths(terms({ dataLifeDays: 3651 }))).toEqual(['/dataLifeDays']);
    expect(paths(terms({ dataLifeDays: 3650 }))).toEqual([]);
    expect(paths(terms({ processingCountries: ['JP', 'jp', 'JP'] }))).toEqual(['/processingCountries/1', '/processingCountries/2']);
    expect(paths(terms({ processingCountries: [] }))).toEqual(['/processingCountries']);
    expect(paths(terms({ purposeCode: 'resale' }))).toEqual(['/purposeCode']);
    expect(paths(terms({ validUntil: '2025-06-01T00:00:00Z' }))).toEqual(['/validUntil']);
    expect(paths(terms({ purposeText: { ja: 'ok\u0007' } }))).toEqual(['/purposeText/ja']);
  });

  it('Given a purpose that profiles, when the offer says it does not profile, then profiling is refused', () => {
    expect(paths(terms({ purposeCode: 'credit_assessment' }))).toEqual(['/profiling']);
    expect(paths(terms({ purposeCode: 'credit_assessment', profiling: true }))).toEqual([]);
  });

  it('Given valid terms with offsets, when normalised, then instants are UTC and only known fields remain', () => {
    const normal = normaliseOfferTerms(
      terms({ dataRange: { from: '2025-01-01T09:00:00+09:00', to: '2025-02-01T00:00:00Z' } }) as unknown as OfferTerms,
    );
    expect(normal.validUntil).toBe('2025-12-31T15:00:00.000Z');
    expect(normal.dataRange).toEqual({ from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' });
    expect(normal.purposeText).toEqual({ ja: 'クーポンのご案内' });
  });
});
