import {
  customerRefProblem,
  displayStatus,
  isCustomerRef,
  isRedeemable,
  linkCategoriesProblems,
  MAX_LINK_CATEGORIES,
} from './provider-link';

const known = new Set(['profile.basic', 'purchase.receipts', 'health.checkup']);
const isKnown = (code: string) => known.has(code);

describe('the categories an individual names for a link', () => {
  it('accept distinct catalog categories', () => {
    expect(linkCategoriesProblems(['purchase.receipts', 'health.checkup'], isKnown)).toEqual([]);
  });

  it('must not be missing or empty', () => {
    for (const categories of [undefined, null, 'purchase.receipts', [], {}]) {
      expect(linkCategoriesProblems(categories, isKnown)).toEqual([{ path: '/categories', message: expect.any(String) }]);
    }
  });

  it('point at each unknown or repeated entry by its index', () => {
    expect(linkCategoriesProblems(['purchase.receipts', 'nope', 'purchase.receipts', 42], isKnown)).toEqual([
      { path: '/categories/1', message: 'is not a data category of the catalog' },
      { path: '/categories/2', message: 'repeats a category already named' },
      { path: '/categories/3', message: 'is not a data category of the catalog' },
    ]);
  });

  it('are bounded in number', () => {
    const tooMany = Array.from({ length: MAX_LINK_CATEGORIES + 1 }, () => 'purchase.receipts');
    expect(linkCategoriesProblems(tooMany, isKnown)).toEqual([{ path: '/categories', message: expect.stringContaining('at most') }]);
  });
});

describe('customer references', () => {
  it('are 1 to 128 printable ASCII characters', () => {
    for (const ref of ['C', 'CUST-000123', 'a b~!', 'x'.repeat(128)]) expect(isCustomerRef(ref)).toBe(true);
    for (const ref of ['', 'x'.repeat(129), 'tab\there', 'new\nline', '山田', 'caf\u00e9', 42, null])
      expect(isCustomerRef(ref)).toBe(false);
  });

  it('are never repeated in the problem that refuses them', () => {
    expect(customerRefProblem('secret-ref\u0000')).not.toContain('secret-ref');
  });
});

describe('link state over time', () => {
  const createdAt = new Date('2025-04-01T00:00:00Z');
  const codeExpiresAt = new Date(createdAt.getTime() + 15 * 60_000);
  const justBefore = new Date(codeExpiresAt.getTime() - 1);

  it('lets a pending code be redeemed only before it expires', () => {
    expect(isRedeemable({ status: 'pending', codeExpiresAt }, justBefore)).toBe(true);
    expect(isRedeemable({ status: 'pending', codeExpiresAt }, codeExpiresAt)).toBe(false);
    expect(isRedeemable({ status: 'active', codeExpiresAt }, justBefore)).toBe(false);
    expect(isRedeemable({ status: 'removed', codeExpiresAt }, justBefore)).toBe(false);
  });

  it('shows a pending link whose code ran out as expired, and other states as they are', () => {
    expect(displayStatus({ status: 'pending', codeExpiresAt }, justBefore)).toBe('pending');
    expect(displayStatus({ status: 'pending', codeExpiresAt }, codeExpiresAt)).toBe('expired');
    expect(displayStatus({ status: 'active', codeExpiresAt }, codeExpiresAt)).toBe('active');
    expect(displayStatus({ status: 'removed', codeExpiresAt }, codeExpiresAt)).toBe('removed');
  });
});
