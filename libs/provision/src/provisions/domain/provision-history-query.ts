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
  /** When that provision was made (UTC, microseconds), if the cursor carried it; null for an id-only cursor. */
  afterProvidedAt: string | null;
  limit: number;
}

/** Where a page ended: the last provision's id and, when known, its time (ISO 8601 UTC with microseconds). */
export interface ProvisionPosition {
  id: string;
  providedAt: string | null;
}

/** The id-only cursor of this listing (see encodeRowCursor), as issued before cursors carried the time. */
export const encodeProvisionCursor = (id: string): string => encodeRowCursor(id, 'A provision cursor');

/** Reads an id-only cursor of this listing back to a position without a time; null when it cannot be one this API issued. */
export function decodeProvisionCursor(text: string): ProvisionPosition | null {
  const id = decodeRowCursor(text);
  return id === null ? null : { id, providedAt: null };
}

const POSITION_BYTES = 40;
/** 9999-12-31T23:59:59.999Z: the last instant an ISO 8601 year of four digits can name. */
const LAST_MILLISECOND = 253_402_300_799_999;
const MICROSECOND_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const uuidBytes = (id: string): Buffer => Buffer.from(id.replaceAll('-', ''), 'hex');
const uuidText = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * An individual's position as 40 bytes, to be sealed into a cursor: microseconds since the epoch (big-endian), the
 * provision's id, and the individual's id (whose cursor it is).
 */
export function positionToBytes(individualId: string, position: { id: string; providedAt: string }): Buffer {
  if (!MICROSECOND_INSTANT.test(position.providedAt)) throw new TypeError('A provision position needs a UTC instant with microseconds.');
  const milliseconds = Date.parse(`${position.providedAt.slice(0, 23)}Z`);
  const bytes = Buffer.alloc(POSITION_BYTES);
  bytes.writeBigInt64BE(BigInt(milliseconds) * 1000n + BigInt(position.providedAt.slice(23, 26)));
  uuidBytes(position.id).copy(bytes, 8);
  uuidBytes(individualId).copy(bytes, 24);
  return bytes;
}

/** The individual and position `positionToBytes` wrote; null for bytes it cannot have written. */
export function positionFromBytes(bytes: Buffer): { individualId: string; position: ProvisionPosition } | null {
  if (bytes.length !== POSITION_BYTES) return null;
  const micros = bytes.readBigInt64BE(0);
  const milliseconds = micros / 1000n;
  if (micros < 0n || milliseconds > BigInt(LAST_MILLISECOND)) return null;
  const providedAt = `${new Date(Number(milliseconds)).toISOString().slice(0, 23)}${String(micros % 1000n).padStart(3, '0')}Z`;
  return { individualId: uuidText(bytes.subarray(24)), position: { id: uuidText(bytes.subarray(8, 24)), providedAt } };
}

/** An ISO 8601 instant with an offset as UTC with microseconds; null when it is not one (see parseInstantWithOffset). */
export const parseInstant = parseInstantWithOffset;

/**
 * Checks a provision history query, reporting every bad parameter at once (paths `/recipient`, `/from`, …).
 * `readCursor` turns a cursor into a position (null when it is not one this API issued); by default id-only cursors.
 */
export function parseProvisionHistoryQuery(
  input: ProvisionHistoryQueryInput,
  readCursor: (text: string) => ProvisionPosition | null = decodeProvisionCursor,
): {
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
  const after = input.cursor === undefined ? null : readCursor(String(input.cursor));
  if (input.cursor !== undefined && after === null) problems.push({ path: '/cursor', message: 'must be a cursor this API returned' });
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
  const position = { afterProvision: after?.id ?? null, afterProvidedAt: after?.providedAt ?? null };
  return { query: { recipientId, offerId, from: from?.utc ?? null, to: to?.utc ?? null, ...position, limit }, problems };
}
