import { fetchAllowance, observationRange } from './offer-limits';
import { selectItems, valueAtPointer } from './package-contents';
import { transferStatusOf, type PartStatus, type SubjectStatus } from './transfer-status';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-12-02T00:00:00Z');
const status = (parts: PartStatus[], subjects: SubjectStatus[]) => transferStatusOf('processing', parts, new Set(subjects));

describe('transferStatusOf', () => {
  it('is ready as soon as a part can be downloaded, even while other subjects still wait or are packaged', () => {
    expect(status(['ready'], ['pending', 'ready'])).toBe('ready');
    expect(status(['delivered', 'ready'], ['awaiting_approval', 'ready', 'delivered'])).toBe('ready');
  });

  it('stays processing while work is left and nothing can be downloaded', () => {
    expect(status([], ['pending'])).toBe('processing');
    expect(status(['stale'], ['pending'])).toBe('processing');
    expect(status(['delivered'], ['delivered', 'awaiting_approval'])).toBe('processing');
  });

  it('once settled: expired if a part expired undownloaded, delivered if any part was downloaded, ready with nothing when every subject was denied', () => {
    expect(status(['delivered', 'expired'], ['delivered', 'expired'])).toBe('expired');
    expect(status(['delivered', 'void'], ['delivered', 'denied'])).toBe('delivered');
    expect(status([], ['denied'])).toBe('ready');
  });

  it('keeps a cancelled or not yet admitted transfer as it is', () => {
    expect(transferStatusOf('cancelled', ['ready'], new Set(['ready']))).toBe('cancelled');
    expect(transferStatusOf('requested', [], new Set())).toBe('requested');
  });
});

describe('fetchAllowance', () => {
  it('allows a one-time offer once, ever', () => {
    expect(fetchAllowance({ type: 'one_time' }, now)).toEqual({ limit: 1, since: null });
  });

  it('counts a periodic offer over the rolling day, 7 days or 30 days', () => {
    expect(fetchAllowance({ type: 'periodic', per: 'day', max: 3 }, now)).toEqual({ limit: 3, since: new Date(now.getTime() - DAY) });
    expect(fetchAllowance({ type: 'periodic', per: 'week', max: 1 }, now).since).toEqual(new Date(now.getTime() - 7 * DAY));
    expect(fetchAllowance({ type: 'periodic', per: 'month', max: 4 }, now).since).toEqual(new Date(now.getTime() - 30 * DAY));
  });
});

describe('observationRange', () => {
  it('reads a rolling window back from now, and a fixed period as given', () => {
    expect(observationRange({ fromDaysAgo: 90 }, now)).toEqual({ from: new Date(now.getTime() - 90 * DAY), to: now });
    expect(observationRange({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }, now)).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    });
  });
});

describe('selectItems (minimisation by construction)', () => {
  const record = {
    store: { name: 'さくらマート', prefecture: '13' },
    lineItems: [{ name: 'おにぎり', amountYen: 150 }],
    totalYen: 150,
    'a/b': 1,
    'c~d': 2,
  };

  it('keeps only the consented pointers, keyed by pointer', () => {
    expect(selectItems(record, ['/lineItems', '/store/prefecture'])).toEqual({
      '/lineItems': [{ name: 'おにぎり', amountYen: 150 }],
      '/store/prefecture': '13',
    });
  });

  it('leaves out items the record does not carry and never follows prototypes', () => {
    expect(selectItems(record, ['/missing', '/store/name/length', '/constructor', '/__proto__'])).toEqual({});
  });

  it('follows RFC 6901 escapes and array indexes', () => {
    expect(valueAtPointer(record, '/a~1b')).toBe(1);
    expect(valueAtPointer(record, '/c~0d')).toBe(2);
    expect(valueAtPointer(record, '/lineItems/0/amountYen')).toBe(150);
    expect(valueAtPointer(record, '/lineItems/01')).toBeUndefined();
    expect(valueAtPointer(record, 'totalYen')).toBeUndefined();
  });
});
