/**
 * Values that arrive in query strings and must be read strictly: opaque page cursors and instants.
 * Shared by every paged listing (an individual's provision history, the board's audit).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{22}$/;
// ISO 8601 / RFC 3339 instant: date "T" time, with a mandatory offset (Z or ±hh:mm).
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/** True for a UUID in its canonical spelling (any case). */
export function isUuidText(value: string): boolean {
  return UUID.test(value);
}

/**
 * The opaque cursor of a page: the last row's id (16 bytes, base64url, 22 characters). It names only
 * that random id, never a time or a subject, so a URL carrying it says nothing about anyone.
 */
export function encodeRowCursor(rowId: string, what = 'A page cursor'): string {
  if (!UUID.test(rowId)) throw new TypeError(`${what} needs a row id (UUID).`);
  return Buffer.from(rowId.replaceAll('-', ''), 'hex').toString('base64url');
}

/** Reads a cursor back to a row id; null when it cannot be one this API issued. */
export function decodeRowCursor(text: string): string | null {
  if (!CURSOR.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  // One canonical spelling per id: a cursor with other trailing bits is not ours.
  if (bytes.length !== 16 || bytes.toString('base64url') !== text) return null;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Parses an ISO 8601 instant with an offset (`2026-04-01T09:30:00+09:00`), checking every field's range,
 * to UTC with microseconds (`2026-04-01T00:30:00.000000Z`, ready for a timestamptz parameter) and
 * microseconds since the epoch; null when it is not one. Digits beyond microseconds (Postgres's
 * precision) are dropped.
 */
export function parseInstantWithOffset(text: string): { utc: string; micros: number } | null {
  const match = INSTANT.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const fraction = Number((match[7] ?? '').padEnd(6, '0').slice(0, 6));
  const sign = match[9] === '-' ? -1 : 1;
  const offsetHours = match[10] === undefined ? 0 : Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null;
  const millis = Date.UTC(year, month - 1, day, hour, minute, second) - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  if (Number.isNaN(new Date(millis).getTime())) return null;
  const utc = `${new Date(millis).toISOString().slice(0, 19)}.${String(fraction).padStart(6, '0')}Z`;
  return { utc, micros: millis * 1000 + fraction };
}
