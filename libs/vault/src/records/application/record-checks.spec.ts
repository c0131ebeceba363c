import { CatalogCategoryRules } from './catalog-category-rules';
import { checkDepositPayload, checkRecordShape, type DepositRecord } from '../domain/deposit-payload';
import { checkRecordContent, checkRecordLink, decideRejection } from '../domain/record-checks';

const rules = new CatalogCategoryRules();
const now = new Date('2025-06-01T12:00:00Z');

function receipt(overrides: Partial<DepositRecord> = {}, data: Record<string, unknown> = {}): DepositRecord {
  return {
    recordId: 'r-1',
    customerRef: 'c-1',
    category: 'purchase.receipts',
    observedAt: '2025-05-31T10:00:00+09:00',
    data: {
      receiptId: 'R-0001',
      purchasedAt: '2025-05-31T10:00:00+09:00',
      channel: 'store',
      store: { name: 'コンビニ 駅前店', prefecture: '13' },
      lineItems: [{ name: 'おにぎり', quantity: 2, unitPriceYen: 150, amountYen: 300 }],
      totalYen: 300,
      paymentMethod: 'electronic_money',
      ...data,
    },
    ...overrides,
  };
}

describe('deposit record checks', () => {
  it('Given a valid receipt for a linked category, then nothing is refused', () => {
    expect(checkRecordContent(receipt(), 0, rules, now)).toBeNull();
    expect(checkRecordLink(receipt(), 0, { individualId: 'i', categories: ['purchase.receipts'] })).toBeNull();
  });

  it('Given data against the schema, then DATA_INVALID names each field by JSON pointer into the batch', () => {
    const record = receipt({}, { lineItems: [{ name: 'x', quantity: 1, amountYen: 'free' }], extra: true, totalYen: undefined });
    delete (record.data as Record<string, unknown>).totalYen;

    const rejection = checkRecordContent(record, 17, rules, now);

    expect(rejection?.code).toBe('DATA_INVALID');
    expect(rejection?.errors).toEqual(
      expect.arrayContaining([
        { path: '/records/17/data/lineItems/0/amountYen', message: 'must be integer' },
        { path: '/records/17/data/extra', message: 'is not an allowed field' },
        { path: '/records/17/data/totalYen', message: 'is required' },
      ]),
    );
  });

  it('Given a date-time format error, then the schema formats are checked too', () => {
    const rejection = checkRecordContent(receipt({}, { purchasedAt: '31/05/2025' }), 0, rules, now);
    expect(rejection).toEqual({
      code: 'DATA_INVALID',
      errors: [{ path: '/records/0/data/purchasedAt', message: 'must match format "date-time"' }],
    });
  });

  it('Given an unknown category, then CATEGORY_UNKNOWN wins over a missing link', () => {
    const record = receipt({ category: 'pets.food' });
    const content = checkRecordContent(record, 3, rules, now);
    expect(content).toEqual({
      code: 'CATEGORY_UNKNOWN',
      errors: [{ path: '/records/3/category', message: 'is not a category of the catalog' }],
    });
    expect(decideRejection(content, checkRecordLink(record, 3, undefined))?.code).toBe('CATEGORY_UNKNOWN');
  });

  it('Given no link, then NOT_LINKED is reported even when the content is also wrong', () => {
    const record = receipt({}, { totalYen: 'lots' });
    const decided = decideRejection(checkRecordContent(record, 0, rules, now), checkRecordLink(record, 0, undefined));
    expect(decided).toEqual({
      code: 'NOT_LINKED',
      errors: [{ path: '/records/0/customerRef', message: 'has no active link with this provider' }],
    });
  });

  it('Given a link without the category, then CATEGORY_NOT_LINKED', () => {
    const rejection = checkRecordLink(receipt(), 2, { individualId: 'i', categories: ['finance.transactions'] });
    expect(rejection?.code).toBe('CATEGORY_NOT_LINKED');
    expect(rejection?.errors[0].path).toBe('/records/2/category');
  });

  it.each([
    ['not RFC 3339', '2025-05-31 10:00', 'must be an RFC 3339 date-time with a time zone offset'],
    ['without offset', '2025-05-31T10:00:00', 'must be an RFC 3339 date-time with a time zone offset'],
    ['an impossible day', '2025-04-31T10:00:00Z', 'must be an RFC 3339 date-time with a time zone offset'],
    ['in the future', '2025-06-01T12:10:00Z', 'must not be in the future'],
  ])('Given an observedAt %s, then OBSERVED_AT_INVALID', (_what, observedAt, message) => {
    expect(checkRecordContent(receipt({ observedAt }), 4, rules, now)).toEqual({
      code: 'OBSERVED_AT_INVALID',
      errors: [{ path: '/records/4/observedAt', message }],
    });
  });

  it('Given an observedAt a little ahead (clock skew) or with an offset, then it is accepted', () => {
    expect(checkRecordContent(receipt({ observedAt: '2025-06-01T12:04:00Z' }), 0, rules, now)).toBeNull();
    expect(checkRecordContent(receipt({ observedAt: '2025-06-01T21:03:59.123456+09:00' }), 0, rules, now)).toBeNull();
  });

  it('Given a My Number in a product name, then INDIVIDUAL_NUMBER_FOUND points at it', () => {
    const record = receipt({}, { lineItems: [{ name: 'メモ 1234 5678 9018', quantity: 1, amountYen: 1 }] });
    expect(checkRecordContent(record, 9, rules, now)).toEqual({
      code: 'INDIVIDUAL_NUMBER_FOUND',
      errors: [{ path: '/records/9/data/lineItems/0/name', message: 'must not hold a 個人番号 (My Number)' }],
    });
  });

  it('Given a record of the wrong shape, then RECORD_MALFORMED names each field', () => {
    expect(checkRecordShape('text', 0)).toEqual({
      rejection: { code: 'RECORD_MALFORMED', errors: [{ path: '/records/0', message: 'must be an object' }] },
    });
    const shaped = checkRecordShape({ recordId: '', customerRef: 'c', category: 'purchase.receipts', observedAt: 5, data: [], more: 1 }, 1);
    expect(shaped).toEqual({
      rejection: {
        code: 'RECORD_MALFORMED',
        errors: [
          { path: '/records/1/more', message: 'is not an allowed field' },
          { path: '/records/1/recordId', message: 'must be 1 to 128 printable ASCII characters' },
          { path: '/records/1/observedAt', message: 'must be an RFC 3339 date-time' },
          { path: '/records/1/data', message: 'must be an object' },
        ],
      },
    });
  });

  it('Given a batch payload, then its outer shape and the record limit are checked', () => {
    expect(checkDepositPayload({ batchId: 'b-1', records: [{}] })).toEqual({ payload: { batchId: 'b-1', records: [{}] } });
    expect(checkDepositPayload({ batchId: ' b', records: [], x: 1 })).toEqual({
      problems: [
        { path: '/x', message: 'is not an allowed field' },
        { path: '/batchId', message: 'must be 1 to 128 printable ASCII characters' },
        { path: '/records', message: 'must be a non-empty array' },
      ],
      tooMany: false,
    });
    expect(checkDepositPayload({ batchId: 'b', records: new Array(5_001).fill({}) })).toMatchObject({ tooMany: true });
  });
});
