import type { FieldProblem } from '@infobank/platform';

/** Default and largest page of benefit entries. */
export const DEFAULT_BENEFIT_PAGE = 50;
export const MAX_BENEFIT_PAGE = 200;

/**
 * A position in an individual's benefit entries (newest first): the credit time and id of the last
 * entry of the previous page. creditedAt keeps the database's microseconds so that no entry is
 * skipped or repeated at a page boundary.
 */
export interface BenefitCursor {
  /** UTC, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  creditedAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

/** The opaque cursor handed to the client: base64url of `{creditedAt, id}`. */
export function encodeBenefitCursor(cursor: BenefitCursor): string {
  return Buffer.from(JSON.stringify({ creditedAt: cursor.creditedAt, id: cursor.id }), 'utf8').toString('base64url');
}

/** Reads a cursor back; null when it cannot be one this API issued. */
export function decodeBenefitCursor(text: string): BenefitCursor | null {
  if (!BASE64URL.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { creditedAt, id, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof creditedAt !== 'string' || typeof id !== 'string') return null;
  if (!TIMESTAMP.test(creditedAt) || Number.isNaN(Date.parse(creditedAt)) || !UUID.test(id)) return null;
  return { creditedAt, id };
}

/** Checks a page request as it arrives (query string or code): a cursor we issued, a whole limit from 1 to 200 (default 50). */
export function parseBenefitPage(input: { cursor?: string; limit?: string | number }): {
  cursor: BenefitCursor | null;
  limit: number;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const cursor = input.cursor === undefined ? null : decodeBenefitCursor(input.cursor);
  if (input.cursor !== undefined && cursor === null) problems.push({ path: '/cursor', message: 'must be a cursor this API returned' });
  const limit =
    input.limit === undefined
      ? DEFAULT_BENEFIT_PAGE
      : typeof input.limit === 'number'
        ? input.limit
        : /^\d{1,3}$/.test(input.limit)
          ? Number(input.limit)
          : Number.NaN;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_BENEFIT_PAGE)) {
    problems.push({ path: '/limit', message: `must be a whole number from 1 to ${MAX_BENEFIT_PAGE}` });
  }
  return { cursor, limit, problems };
}
