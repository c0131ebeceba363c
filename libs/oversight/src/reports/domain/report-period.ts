/**
 * A report's period: one calendar month in Japan time (JST, UTC+9 all year), written `YYYY-MM`.
 */

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const JST_OFFSET_MS = 9 * 3_600_000;

/** A month and the instants it spans, `[from, to)`. */
export interface ReportPeriod {
  period: string;
  from: Date;
  to: Date;
}

/** Reads `YYYY-MM` (years 2000 to 2999), or null when it is not a month. */
export function parseReportPeriod(period: unknown): ReportPeriod | null {
  if (typeof period !== 'string') return null;
  const match = PERIOD.exec(period);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 2000 || year > 2999) return null;
  return {
    period,
    from: new Date(Date.UTC(year, month - 1, 1) - JST_OFFSET_MS),
    to: new Date(Date.UTC(year, month, 1) - JST_OFFSET_MS),
  };
}

/** The last month that has fully ended at `now` (what the monthly schedule reports on). */
export function lastEndedPeriod(now: Date): string {
  const japan = new Date(now.getTime() + JST_OFFSET_MS);
  const previous = new Date(Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth() - 1, 1));
  return `${previous.getUTCFullYear()}-${String(previous.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A report is written once its month has ended, so that it never changes afterwards. */
export function hasEnded(period: ReportPeriod, now: Date): boolean {
  return period.to.getTime() <= now.getTime();
}
