/** How far in the future an observation time may lie: the provider's clock may run a little fast. */
export const OBSERVED_AT_CLOCK_SKEW_MS = 5 * 60 * 1000;

// RFC 3339 §5.6 date-time: full-date "T" full-time, with a mandatory offset (Z or ±hh:mm).
const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an RFC 3339 date-time with offset (`2025-04-01T09:30:00+09:00`), checking every field's
 * range (no 31 April, no 25:00); null when it is not one. A leap second (:60) is read as :59.999.
 */
export function parseRfc3339(text: string): Date | null {
  const match = RFC_3339.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetHours = match[10] === undefined ? 0 : Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return null;
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(`0${match[7]}`) * 1000);
  const sign = match[9] === '-' ? -1 : 1;
  const utc =
    Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), second === 60 ? 999 : fraction) -
    sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Why an observation time is refused, or null when it is acceptable at `now`. */
export function observedAtProblem(text: string, now: Date): string | null {
  const judged = judgeObservedAt(text, now);
  return typeof judged === 'string' ? judged : null;
}

/** The observation time (milliseconds since the epoch) when it is acceptable at `now`, else why it is refused. */
export function judgeObservedAt(text: string, now: Date): number | string {
  const observed = parseRfc3339(text);
  if (observed === null) return 'must be an RFC 3339 date-time with a time zone offset';
  if (observed.getTime() > now.getTime() + OBSERVED_AT_CLOCK_SKEW_MS) return 'must not be in the future';
  return observed.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
