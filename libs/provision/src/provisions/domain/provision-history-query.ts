import type { FieldProblem } from '@infobank/platform';

/** Default and largest page of an individual's provision history. */
export const DEFAULT_PROVISION_PAGE = 50;
export const MAX_PROVISION_PAGE = 200;

/** The provision history query as it arrives from a query string (or from code): every field optional. */
export interface ProvisionHistoryQueryInput {
  recipient?: string;
  offer?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: string | number;
}

/** A checked provision history query: instants are UTC with microseconds, ready for a timestamptz parameter. */
export interface ProvisionHistoryQuery {
  recipientId: string | null;
  offerId: string | null;
  /** Inclusive lower bound of provided_at. */
  from: string | null;
  /** Exclusive upper bound of provided_at. */
  to: string | null;
  /** The id of the last provision of the previous page. */
  afterProvision: string | null;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{22}$/;
// ISO 8601 / RFC 3339 instant: date "T" time, with a mandatory offset (Z or ±hh:mm).
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The opaque cursor handed to the client: the provision id's 16 bytes, base64url (22 characters).
 * It names only that random id, never a time, so the URL carries nothing about the individual; where
 * the provision sits is looked up again among the caller's own provisions when the cursor comes back.
 */
export function encodeProvisionCursor(provisionId: string): string {
  if (!UUID.test(provisionId)) throw new TypeError('A provision cursor needs a provision id (UUID).');
  return Buffer.from(provisionId.replaceAll('-', ''), 'hex').toString('base64url');
}

/** Reads a cursor back to a provision id; null when it cannot be one this API issued. */
export function decodeProvisionCursor(text: string): string | null {
  if (!CURSOR.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  // One canonical spelling per id: a cursor with other trailing bits is not ours.
  if (bytes.length !== 16 || bytes.toString('base64url') !== text) return null;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Parses an ISO 8601 instant with an offset (`2026-04-01T09:30:00+09:00`), checking every field's range,
 * to UTC with microseconds (`2026-04-01T00:30:00.000000Z`) and microseconds since the epoch; null when it
 * is not one. Digits beyond microseconds (Postgres's precision) are dropped.
 */
export function parseInstant(text: string): { utc: string; micros: number } | null {
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

/** Checks a provision history query, reporting every bad parameter at once (paths `/recipient`, `/from`, …). */
export function parseProvisionHistoryQuery(input: ProvisionHistoryQueryInput): {
  query: ProvisionHistoryQuery;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const uuid = (value: string | undefined, path: string, what: string): string | null => {
    if (value === undefined) return null;
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    problems.push({ path, message: `must be ${what} id (UUID)` });
    return null;
  };
  const instant = (value: string | undefined, path: string) => {
    if (value === undefined) return null;
    const parsed = typeof value === 'string' ? parseInstant(value) : null;
    if (parsed === null) problems.push({ path, message: 'must be an ISO 8601 date-time with a time zone offset' });
    return parsed;
  };
  const recipientId = uuid(input.recipient, '/recipient', 'a recipient');
  const offerId = uuid(input.offer, '/offer', 'an offer');
  const from = instant(input.from, '/from');
  const to = instant(input.to, '/to');
  if (from !== null && to !== null && to.micros <= from.micros) problems.push({ path: '/to', message: 'must be later than from' });
  const afterProvision = input.cursor === undefined ? null : decodeProvisionCursor(String(input.cursor));
  if (input.cursor !== undefined && afterProvision === null)
    problems.push({ path: '/cursor', message: 'must be a cursor this API returned' });
  const limit =
    input.limit === undefined
      ? DEFAULT_PROVISION_PAGE
      : typeof input.limit === 'number'
        ? input.limit
        : /^\d{1,3}$/.test(input.limit)
          ? Number(input.limit)
          : Number.NaN;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_PROVISION_PAGE)) {
    problems.push({ path: '/limit', message: `must be a whole number from 1 to ${MAX_PROVISION_PAGE}` });
  }
  return { query: { recipientId, offerId, from: from?.utc ?? null, to: to?.utc ?? null, afterProvision, limit }, problems };
}
