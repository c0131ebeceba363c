import { hasEnded, lastEndedPeriod, parseReportPeriod } from './report-period';

describe('report periods (months in Japan time)', () => {
  it('Given YYYY-MM, When read, Then it spans the month from midnight JST to midnight JST', () => {
    expect(parseReportPeriod('2026-03')).toEqual({
      period: '2026-03',
      from: new Date('2026-02-28T15:00:00.000Z'),
      to: new Date('2026-03-31T15:00:00.000Z'),
    });
    expect(parseReportPeriod('2026-12')?.to).toEqual(new Date('2026-12-31T15:00:00.000Z'));
  });

  it('Given something that is not a month, When read, Then it is refused', () => {
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-00', 202601, '1999-12']) expect(parseReportPeriod(bad)).toBeNull();
  });

  it('Given a time, When the last ended month is asked for, Then it is the month before in Japan time', () => {
    expect(lastEndedPeriod(new Date('2026-04-01T00:00:00Z'))).toBe('2026-03'); // 09:00 JST on 1 April
    expect(lastEndedPeriod(new Date('2026-03-31T14:59:59Z'))).toBe('2026-02'); // still 31 March in Japan
    expect(lastEndedPeriod(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
  });

  it('Given the current month, When asked whether it has ended, Then not until its last JST midnight', () => {
    const march = parseReportPeriod('2026-03')!;
    expect(hasEnded(march, new Date('2026-03-31T14:59:59Z'))).toBe(false);
    expect(hasEnded(march, new Date('2026-03-31T15:00:00Z'))).toBe(true);
  });
});
