import type { FieldProblem } from '@infobank/platform';
import type { RecordRejection } from './deposit-outcome';

/** Most records one batch may carry (more is 413). */
export const MAX_RECORDS_PER_BATCH = 5_000;
/** Longest batchId, recordId and customerRef, in characters. */
export const MAX_IDENTIFIER_LENGTH = 128;

const PRINTABLE_ASCII = /^[\x21-\x7E](?:[\x20-\x7E]*[\x21-\x7E])?$/;
const RECORD_FIELDS = new Set(['recordId', 'customerRef', 'category', 'observedAt', 'data']);

/** A batch whose outer shape is right; its records are checked one by one. */
export interface DepositPayload {
  batchId: string;
  records: readonly unknown[];
}

/** One record whose shape is right (its content is checked next). */
export interface DepositRecord {
  recordId: string;
  customerRef: string;
  category: string;
  observedAt: string;
  data: Record<string, unknown>;
}

/** True for 1 to 128 printable ASCII characters without leading or trailing spaces (provider identifiers). */
export function isProviderIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_IDENTIFIER_LENGTH && PRINTABLE_ASCII.test(value);
}

/**
 * Checks the outer shape of a verified batch payload: `{ batchId, records: [...] }` and nothing else.
 * Problems here refuse the whole batch; a record count over the limit is reported apart (413).
 */
export function checkDepositPayload(
  payload: Record<string, unknown>,
): { payload: DepositPayload; problems?: undefined; tooMany?: undefined } | { problems: FieldProblem[]; tooMany: boolean } {
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(payload)) {
    if (field !== 'batchId' && field !== 'records') problems.push({ path: `/${field}`, message: 'is not an allowed field' });
  }
  if (!isProviderIdentifier(payload.batchId)) {
    problems.push({ path: '/batchId', message: `must be 1 to ${MAX_IDENTIFIER_LENGTH} printable ASCII characters` });
  }
  const records = payload.records;
  if (!Array.isArray(records) || records.length === 0) {
    problems.push({ path: '/records', message: 'must be a non-empty array' });
  } else if (records.length > MAX_RECORDS_PER_BATCH) {
    return { problems: [{ path: '/records', message: `must hold at most ${MAX_RECORDS_PER_BATCH} records` }], tooMany: true };
  }
  if (problems.length > 0) return { problems, tooMany: false };
  return { payload: { batchId: payload.batchId as string, records: records as unknown[] } };
}

/** The record's own id if it carries a usable one (so that even a refused record can be named). */
export function recordIdOf(record: unknown): string | null {
  const recordId = typeof record === 'object' && record !== null ? (record as { recordId?: unknown }).recordId : undefined;
  return isProviderIdentifier(recordId) ? recordId : null;
}

/** Checks the shape of record `index`; its content (category, link, schema) is checked afterwards. */
export function checkRecordShape(record: unknown, index: number): { record: DepositRecord } | { rejection: RecordRejection } {
  const at = (field: string) => `/records/${index}/${field}`;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { rejection: { code: 'RECORD_MALFORMED', errors: [{ path: `/records/${index}`, message: 'must be an object' }] } };
  }
  const fields = record as Record<string, unknown>;
  const errors: FieldProblem[] = [];
  for (const field of Object.keys(fields)) {
    if (!RECORD_FIELDS.has(field)) errors.push({ path: at(field), message: 'is not an allowed field' });
  }
  for (const field of ['recordId', 'customerRef'] as const) {
    if (!isProviderIdentifier(fields[field])) {
      errors.push({ path: at(field), message: `must be 1 to ${MAX_IDENTIFIER_LENGTH} printable ASCII characters` });
    }
  }
  if (typeof fields.category !== 'string' || fields.category.length === 0)
    errors.push({ path: at('category'), message: 'must be a category code' });
  if (typeof fields.observedAt !== 'string') errors.push({ path: at('observedAt'), message: 'must be an RFC 3339 date-time' });
  if (typeof fields.data !== 'object' || fields.data === null || Array.isArray(fields.data)) {
    errors.push({ path: at('data'), message: 'must be an object' });
  }
  if (errors.length > 0) return { rejection: { code: 'RECORD_MALFORMED', errors } };
  return { record: fields as unknown as DepositRecord };
}
