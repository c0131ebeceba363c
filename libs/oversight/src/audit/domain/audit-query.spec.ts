import {
  categoryOfItem,
  decodeAuditCursor,
  encodeAuditCursor,
  parseProvisionAuditQuery,
  parseProvisionSummaryQuery,
  parseTransferAuditQuery,
} from './audit-query';

describe('audit queries', () => {
  it('reads a full provision filter, turning instants into UTC', () => {
    const { query, problems } = parseProvisionAuditQuery({
      recipient: 'A0C3A1C2-7B1D-4C55-9E0A-2D2B8A4C1E11',
      offer: '5f1c1c2e-0f4b-4d8e-8a55-5d2b3a6f4e21',
      purpose: 'marketing',
      category: 'purchase.receipts',
      from: '2026-11-01T09:00:00+09:00',
      to: '2026-12-01T00:00:00Z',
      limit: '20',
    });
    expect(problems).toEqual([]);
    expect(query).toMatchObject({
      recipientId: 'a0c3a1c2-7b1d-4c55-9e0a-2d2b8a4c1e11',
      purposeCode: 'marketing',
      categoryCode: 'purchase.receipts',
      from: '2026-11-01T00:00:00.000000Z',
      to: '2026-12-01T00:00:00.000000Z',
      afterProvision: null,
      limit: 20,
    });
  });

  it('reports every bad parameter at once, by path', () => {
    const { problems } = parseProvisionAuditQuery({
      recipient: 'nope',
      purpose: 'DROP TABLE',
      category: '',
      from: '2026-13-01T00:00:00Z',
      to: 'yesterday',
      cursor: 'x',
      limit: '0',
    });
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      '/category',
      '/cursor',
      '/from',
      '/limit',
      '/purpose',
      '/recipient',
      '/to',
    ]);
  });

  it('refuses a window whose end is not after its start', () => {
    const { problems } = parseProvisionAuditQuery({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(problems).toEqual([{ path: '/to', message: 'must be later than from' }]);
  });

  it('needs a bucket of day, week or month for the summary', () => {
    expect(parseProvisionSummaryQuery({}).problems.map((problem) => problem.path)).toEqual(['/bucket']);
    expect(parseProvisionSummaryQuery({ bucket: 'year' }).problems.map((problem) => problem.path)).toEqual(['/bucket']);
    expect(parseProvisionSummaryQuery({ bucket: 'week' })).toMatchObject({ query: { bucket: 'week' }, problems: [] });
  });

  it('accepts only stored transfer statuses', () => {
    expect(parseTransferAuditQuery({ status: 'delivered' }).query.status).toBe('delivered');
    expect(parseTransferAuditQuery({ status: 'lost' }).problems.map((problem) => problem.path)).toEqual(['/status']);
  });

  it('round-trips a cursor and refuses one it did not issue', () => {
    const id = '5f1c1c2e-0f4b-4d8e-8a55-5d2b3a6f4e21';
    expect(decodeAuditCursor(encodeAuditCursor(id))).toBe(id);
    expect(decodeAuditCursor('AAAAAAAAAAAAAAAAAAAAAB')).toBeNull();
  });

  it('finds the data category of an item id', () => {
    expect(categoryOfItem('purchase.receipts#/lineItems')).toBe('purchase.receipts');
    expect(categoryOfItem('location.visits')).toBe('location.visits');
  });
});
