import { findDataCategory, isUuid } from '@infobank/catalog';
import { ValidationFailedError, type FieldProblem } from '@infobank/platform';
import { decodeRecordCursor, type RecordCursor } from '../domain/record-cursor';
import type { RecordFilter } from '../infrastructure/individual-records.queries';

/** Default and largest page of records. */
export const DEFAULT_RECORD_PAGE = 20;
export const MAX_RECORD_PAGE = 100;

/** Filters as they arrive in a query string. */
export interface RecordQueryInput {
  provider?: string;
  category?: string;
  cursor?: string;
  limit?: string;
}

/** Which records to erase, as they arrive in a query string: one provider's, optionally one category. */
export interface EraseQueryInput {
  provider?: string;
  category?: string;
}

/** Checks the filters of a listing: a provider id shaped as a UUID, a catalog category, a cursor we issued, a limit 1..100. */
export function parseRecordQuery(input: RecordQueryInput): { filter: RecordFilter; cursor: RecordCursor | null; limit: number } {
  const problems = filterProblems(input);
  const cursor = input.cursor === undefined ? null : decodeRecordCursor(input.cursor);
  if (input.cursor !== undefined && cursor === null) problems.push({ path: '/cursor', message: 'must be a cursor this API returned' });
  const limit = input.limit === undefined ? DEFAULT_RECORD_PAGE : /^\d{1,3}$/.test(input.limit) ? Number(input.limit) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_RECORD_PAGE))
    problems.push({ path: '/limit', message: `must be a whole number from 1 to ${MAX_RECORD_PAGE}` });
  if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
  return { filter: { providerId: input.provider, category: input.category }, cursor, limit };
}

/**
 * Checks what to erase: a provider is required (an erasure names whose records it removes; erasing
 * everything, key included, is closing the account), a category narrows it.
 */
export function parseEraseQuery(input: EraseQueryInput): RecordFilter & { providerId: string } {
  const problems = filterProblems(input);
  if (input.provider === undefined) problems.push({ path: '/provider', message: 'is required: the provider whose records to erase' });
  if (problems.length > 0) throw new ValidationFailedError(problems, 'The query is not valid; see errors for each parameter.');
  return { providerId: input.provider as string, category: input.category };
}

function filterProblems(input: EraseQueryInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.provider !== undefined && !isUuid(input.provider))
    problems.push({ path: '/provider', message: 'must be a provider id (UUID)' });
  if (input.category !== undefined && findDataCategory(input.category) === undefined) {
    problems.push({ path: '/category', message: 'must be a category code of the catalog' });
  }
  return problems;
}
