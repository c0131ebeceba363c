import { decodeRowCursor, encodeRowCursor, isUuidText, parseInstantWithOffset, type FieldProblem } from '@infobank/platform';

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

/** The opaque cursor of a page of this listing (see encodeRowCursor). */
export const encodeProvisionCursor = (id: string): string => encodeRowCursor(id, 'A provision cursor');

/** Reads a cursor of this listing back to a row id; null when it cannot be one this API issued. */
export const decodeProvisionCursor = decodeRowCursor;

/** An ISO 8601 instant with an offset as UTC with microseconds; null when it is not one (see parseInstantWithOffset). */
export const parseInstant = parseInstantWithOffset;

/** Checks a provision history query, reporting every bad parameter at once (paths `/recipient`, `/from`, …). */
export function parseProvisionHistoryQuery(input: ProvisionHistoryQueryInput): {
  query: ProvisionHistoryQuery;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const uuid = (value: string | undefined, path: string, what: string): string | null => {
    if (value === undefined) return null;
    if (typeof value === 'string' && isUuidText(value)) return value.toLowerCase();
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
