import {
  decodeProvisionCursor,
  encodeProvisionCursor,
  parseInstant,
  parseProvisionHistoryQuery,
  positionFromBytes,
  positionToBytes,
  DEFAULT_PROVISION_PAGE,
} from './provision-history-query';

describe('provision history query', () => {
  it('Given a provision id, When encoded as a cursor, Then it is 22 opaque characters that decode back to the id', () => {
    const id = '0f8e4a52-7c1d-4b3e-9a6f-2d5c8b1e7f30';
    const cursor = encodeProvisionCursor(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cursor).not.toContain('0f8e4a52');
    expect(decodeProvisionCursor(cursor)).toEqual({ id, providedAt: null });
  });

  it('Given an individual and a position with microseconds, When written as bytes, Then they read back exactly, and bytes out of range do not', () => {
    const individualId = '5b2c7e10-3a4d-4e8f-9c1b-7d6e5f4a3b2c';
    const position = { id: '0f8e4a52-7c1d-4b3e-9a6f-2d5c8b1e7f30', providedAt: '2026-05-04T23:59:59.999999Z' };
    const bytes = positionToBytes(individualId, position);
    expect(bytes).toHaveLength(40);
    expect(positionFromBytes(bytes)).toEqual({ individualId, position });
    expect(positionFromBytes(positionToBytes(individualId, { ...position, providedAt: '1970-01-01T00:00:00.000001Z' }))?.position).toEqual({
      ...position,
      providedAt: '1970-01-01T00:00:00.000001Z',
    });
    expect(positionFromBytes(bytes.subarray(0, 39))).toBeNull();
    const beforeTheEpoch = Buffer.from(bytes);
    beforeTheEpoch.writeBigInt64BE(-1n);
    expect(positionFromBytes(beforeTheEpoch)).toBeNull();
    const afterYear9999 = Buffer.from(bytes);
    afterYear9999.writeBigInt64BE(253_402_300_800_000_000n);
    expect(positionFromBytes(afterYear9999)).toBeNull();
    expect(() => positionToBytes(individualId, { ...position, providedAt: '2026-05-04T23:59:59.999Z' })).toThrow(TypeError);
  });

  it('Given text this API did not issue, When decoded, Then it is no cursor', () => {
    expect(decodeProvisionCursor('not-ours')).toBeNull();
    // Same bytes, but non-canonical trailing bits.
    const cursor = encodeProvisionCursor('0f8e4a52-7c1d-4b3e-9a6f-2d5c8b1e7f30');
    expect(decodeProvisionCursor(`${cursor.slice(0, 21)}${cursor.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
  });

  it('Given instants with offsets, When parsed, Then they are UTC with microseconds and out-of-range fields are refused', () => {
    expect(parseInstant('2026-04-01T09:30:00+09:00')).toEqual({
      utc: '2026-04-01T00:30:00.000000Z',
      micros: Date.UTC(2026, 3, 1, 0, 30) * 1000,
    });
    expect(parseInstant('2026-04-01T00:30:00.1234567Z')?.utc).toBe('2026-04-01T00:30:00.123456Z');
    expect(parseInstant('2026-04-31T00:00:00Z')).toBeNull();
    expect(parseInstant('2026-04-01T24:00:00Z')).toBeNull();
    expect(parseInstant('2026-04-01T00:00:00')).toBeNull();
    expect(parseInstant('2026-04-01')).toBeNull();
  });

  it('Given no parameters, When parsed, Then it is the first page of everything, 50 at most', () => {
    expect(parseProvisionHistoryQuery({})).toEqual({
      query: {
        recipientId: null,
        offerId: null,
        from: null,
        to: null,
        afterProvision: null,
        afterProvidedAt: null,
        limit: DEFAULT_PROVISION_PAGE,
      },
      problems: [],
    });
  });

  it('Given bad parameters, When parsed, Then every one is reported with its path', () => {
    const { problems } = parseProvisionHistoryQuery({
      recipient: 'x',
      offer: '1',
      from: 'yesterday',
      to: '2026-13-01T00:00:00Z',
      cursor: '!!',
      limit: '201',
    });
    expect(problems.map((problem) => problem.path)).toEqual(['/recipient', '/offer', '/from', '/to', '/cursor', '/limit']);
    expect(parseProvisionHistoryQuery({ limit: '0' }).problems.map((problem) => problem.path)).toEqual(['/limit']);
  });

  it('Given to not after from, When parsed, Then /to is refused', () => {
    const { problems } = parseProvisionHistoryQuery({ from: '2026-04-01T09:00:00+09:00', to: '2026-04-01T00:00:00Z' });
    expect(problems).toEqual([{ path: '/to', message: 'must be later than from' }]);
  });
});
