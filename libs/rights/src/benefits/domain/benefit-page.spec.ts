import { decodeBenefitCursor, DEFAULT_BENEFIT_PAGE, encodeBenefitCursor, parseBenefitPage } from './benefit-page';

describe('benefit pages', () => {
  const position = { creditedAt: '2026-05-01T09:30:00.123456Z', id: '0b7e1c52-9a1f-4c55-8f53-3f8f0c1d2e3a' };

  it('reads back the cursor it wrote', () => {
    const cursor = encodeBenefitCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeBenefitCursor(cursor)).toEqual(position);
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['an array', Buffer.from('[]').toString('base64url')],
    ['a time without microseconds', Buffer.from(JSON.stringify({ ...position, creditedAt: '2026-05-01T09:30:00Z' })).toString('base64url')],
    ['an id that is no UUID', Buffer.from(JSON.stringify({ ...position, id: "1' OR 1=1" })).toString('base64url')],
    ['an extra field', Buffer.from(JSON.stringify({ ...position, individualId: position.id })).toString('base64url')],
  ])('refuses a cursor that is %s', (_, text) => {
    expect(decodeBenefitCursor(text)).toBeNull();
  });

  it('defaults the limit to 50 and accepts 1..200 as a number or digits', () => {
    expect(parseBenefitPage({})).toEqual({ cursor: null, limit: DEFAULT_BENEFIT_PAGE, problems: [] });
    expect(parseBenefitPage({ limit: '200' }).limit).toBe(200);
    expect(parseBenefitPage({ limit: 1 }).limit).toBe(1);
  });

  it('reports every problem with its parameter', () => {
    expect(parseBenefitPage({ cursor: 'x', limit: '0' }).problems.map((problem) => problem.path)).toEqual(['/cursor', '/limit']);
    expect(parseBenefitPage({ limit: 2.5 }).problems.map((problem) => problem.path)).toEqual(['/limit']);
  });
});
