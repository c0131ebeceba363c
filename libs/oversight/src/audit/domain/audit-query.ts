import { decodeRowCursor, encodeRowCursor, isUuidText, parseInstantWithOffset, type FieldProblem } from '@infobank/platform';

/** Default and largest page of the board's provision and transfer audit lists. */
export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 200;

/** How the provision summary groups time: calendar day, ISO week (from Monday) or calendar month, in UTC. */
export type SummaryBucket = 'day' | 'week' | 'month';
export const SUMMARY_BUCKETS: readonly SummaryBucket[] = ['day', 'week', 'month'];

/** Transfer statuses the audit filters on (as the provision library stores them). */
export const AUDITED_TRANSFER_STATUSES = ['requested', 'processing', 'ready', 'delivered', 'expired', 'cancelled'] as const;
export type AuditedTransferStatus = (typeof AUDITED_TRANSFER_STATUSES)[number];

/** Which provisions the board looks at: every field narrows; instants are UTC with microseconds. */
export interface ProvisionAuditFilter {
  recipientId: string | null;
  offerId: string | null;
  purposeCode: string | null;
  /** A data category code, such as `purchase.receipts`: provisions with at least one item of it. */
  categoryCode: string | null;
  /** Inclusive lower bound of provided_at. */
  from: string | null;
  /** Exclusive upper bound of provided_at. */
  to: string | null;
}

/** A page of the provision audit: the filter, the last provision of the previous page and the page size. */
export interface ProvisionAuditQuery extends ProvisionAuditFilter {
  afterProvision: string | null;
  limit: number;
}

/** The provision summary: the filter and the time bucket. */
export interface ProvisionSummaryQuery extends ProvisionAuditFilter {
  bucket: SummaryBucket;
}

/** A page of the transfer audit. */
export interface TransferAuditQuery {
  recipientId: string | null;
  status: AuditedTransferStatus | null;
  /** Inclusive lower bound of requested_at. */
  from: string | null;
  /** Exclusive upper bound of requested_at. */
  to: string | null;
  afterTransfer: string | null;
  limit: number;
}

/** Query parameters as they arrive from a query string: every field optional and untrusted. */
export type AuditQueryInput = Partial<
  Record<'recipient' | 'offer' | 'purpose' | 'category' | 'from' | 'to' | 'cursor' | 'limit' | 'bucket' | 'status', unknown>
>;

// Purpose and category codes of the vocabulary: lower case words joined by '.', '_' or '-'.
const CODE = /^[a-z][a-z0-9_.-]{0,63}$/;

/** The opaque cursor of a page of this listing (see encodeRowCursor). */
export const encodeAuditCursor = (id: string): string => encodeRowCursor(id, 'An audit cursor');

/** Reads a cursor of this listing back to a row id; null when it cannot be one this API issued. */
export const decodeAuditCursor = decodeRowCursor;

/** An ISO 8601 instant with an offset as UTC with microseconds; null when it is not one (see parseInstantWithOffset). */
export const parseAuditInstant = parseInstantWithOffset;

/** Collects the problems of one query string while reading its parameters. */
class QueryReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly input: AuditQueryInput) {}

  uuid(name: 'recipient' | 'offer', what: string): string | null {
    const value = this.input[name];
    if (value === undefined) return null;
    if (typeof value === 'string' && isUuidText(value)) return value.toLowerCase();
    this.problems.push({ path: `/${name}`, message: `must be ${what} id (UUID)` });
    return null;
  }

  code(name: 'purpose' | 'category', what: string): string | null {
    const value = this.input[name];
    if (value === undefined) return null;
    if (typeof value === 'string' && CODE.test(value)) return value;
    this.problems.push({ path: `/${name}`, message: `must be ${what} code (lower-case letters, digits, '.', '_' or '-')` });
    return null;
  }

  oneOf<T extends string>(name: 'bucket' | 'status', allowed: readonly T[]): T | null {
    const value = this.input[name];
    if (value === undefined) return null;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push({ path: `/${name}`, message: `must be one of ${allowed.join(', ')}` });
    return null;
  }

  window(): { from: string | null; to: string | null } {
    const instant = (name: 'from' | 'to') => {
      const value = this.input[name];
      if (value === undefined) return null;
      const parsed = typeof value === 'string' ? parseAuditInstant(value) : null;
      if (parsed === null) this.problems.push({ path: `/${name}`, message: 'must be an ISO 8601 date-time with a time zone offset' });
      return parsed;
    };
    const from = instant('from');
    const to = instant('to');
    if (from !== null && to !== null && to.micros <= from.micros) this.problems.push({ path: '/to', message: 'must be later than from' });
    return { from: from?.utc ?? null, to: to?.utc ?? null };
  }

  cursor(): string | null {
    const value = this.input.cursor;
    if (value === undefined) return null;
    const decoded = typeof value === 'string' ? decodeAuditCursor(value) : null;
    if (decoded === null) this.problems.push({ path: '/cursor', message: 'must be a cursor this API returned' });
    return decoded;
  }

  limit(): number {
    const value = this.input.limit;
    if (value === undefined) return DEFAULT_AUDIT_PAGE;
    const limit = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_AUDIT_PAGE) return limit;
    this.problems.push({ path: '/limit', message: `must be a whole number from 1 to ${MAX_AUDIT_PAGE}` });
    return DEFAULT_AUDIT_PAGE;
  }

  filter(): ProvisionAuditFilter {
    return {
      recipientId: this.uuid('recipient', 'a recipient'),
      offerId: this.uuid('offer', 'an offer'),
      purposeCode: this.code('purpose', 'a purpose'),
      categoryCode: this.code('category', 'a data category'),
      ...this.window(),
    };
  }
}

/** Checks the provision audit's query, reporting every bad parameter at once (paths `/recipient`, `/from`, …). */
export function parseProvisionAuditQuery(input: AuditQueryInput): { query: ProvisionAuditQuery; problems: FieldProblem[] } {
  const reader = new QueryReader(input);
  const query = { ...reader.filter(), afterProvision: reader.cursor(), limit: reader.limit() };
  return { query, problems: reader.problems };
}

/** Checks the provision summary's query; `bucket` is required. */
export function parseProvisionSummaryQuery(input: AuditQueryInput): { query: ProvisionSummaryQuery; problems: FieldProblem[] } {
  const reader = new QueryReader(input);
  const filter = reader.filter();
  const bucket = reader.oneOf('bucket', SUMMARY_BUCKETS);
  if (input.bucket === undefined) reader.problems.push({ path: '/bucket', message: `is required: one of ${SUMMARY_BUCKETS.join(', ')}` });
  return { query: { ...filter, bucket: bucket ?? 'day' }, problems: reader.problems };
}

/** Checks the transfer audit's query. */
export function parseTransferAuditQuery(input: AuditQueryInput): { query: TransferAuditQuery; problems: FieldProblem[] } {
  const reader = new QueryReader(input);
  const query = {
    recipientId: reader.uuid('recipient', 'a recipient'),
    status: reader.oneOf('status', AUDITED_TRANSFER_STATUSES),
    ...reader.window(),
    afterTransfer: reader.cursor(),
    limit: reader.limit(),
  };
  return { query, problems: reader.problems };
}

/** The data category of an item id (`purchase.receipts#/lineItems` → `purchase.receipts`). */
export function categoryOfItem(itemId: string): string {
  const hash = itemId.indexOf('#');
  return hash === -1 ? itemId : itemId.slice(0, hash);
}
