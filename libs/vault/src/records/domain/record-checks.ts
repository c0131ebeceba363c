import type { FieldProblem } from '@infobank/platform';
import type { RecordRejection } from './deposit-outcome';
import type { DepositRecord } from './deposit-payload';
import { findIndividualNumbers } from './individual-number';
import { judgeObservedAt } from './observed-at';

/** Most field problems reported for one record (a wildly wrong record should not bloat the answer). */
export const MAX_PROBLEMS_PER_RECORD = 20;

/** What the catalog says about a category's records, as record checks need it. */
export interface CategoryRules {
  /** Problems with `data` under the category's JSON Schema (paths relative to data); undefined when the category is unknown. */
  validate(category: string, data: unknown): FieldProblem[] | undefined;
  /** Whether the category may hold a 個人番号 (none may today). */
  allowsIndividualNumber(category: string): boolean;
}

/** The part of an active link a record is checked against. */
export interface LinkGrant {
  individualId: string;
  categories: readonly string[];
}

/**
 * Checks what a well-shaped record says, on its own: a known category, an observation time that
 * is RFC 3339 and not in the future, data valid under the category's schema, and no 個人番号.
 */
export function checkRecordContent(record: DepositRecord, index: number, rules: CategoryRules, now: Date): RecordRejection | null {
  const judged = judgeRecordContent(record, index, rules, now);
  return 'rejection' in judged ? judged.rejection : null;
}

/**
 * As `checkRecordContent`, and for an acceptable record its observation time as parsed for the check
 * (milliseconds since the epoch), so that nothing parses it again.
 */
export function judgeRecordContent(
  record: DepositRecord,
  index: number,
  rules: CategoryRules,
  now: Date,
): { rejection: RecordRejection } | { observedAtMs: number } {
  const at = `/records/${index}`;
  const schemaProblems = rules.validate(record.category, record.data);
  if (schemaProblems === undefined) {
    return { rejection: { code: 'CATEGORY_UNKNOWN', errors: [{ path: `${at}/category`, message: 'is not a category of the catalog' }] } };
  }
  const observedAt = judgeObservedAt(record.observedAt, now);
  if (typeof observedAt === 'string') {
    return { rejection: { code: 'OBSERVED_AT_INVALID', errors: [{ path: `${at}/observedAt`, message: observedAt }] } };
  }
  if (schemaProblems.length > 0) {
    const errors = schemaProblems.slice(0, MAX_PROBLEMS_PER_RECORD).map((problem) => ({ ...problem, path: `${at}/data${problem.path}` }));
    return { rejection: { code: 'DATA_INVALID', errors } };
  }
  if (!rules.allowsIndividualNumber(record.category)) {
    const found = findIndividualNumbers(record.data, MAX_PROBLEMS_PER_RECORD);
    if (found.length > 0) {
      const errors = found.map((pointer) => ({ path: `${at}/data${pointer}`, message: 'must not hold a 個人番号 (My Number)' }));
      return { rejection: { code: 'INDIVIDUAL_NUMBER_FOUND', errors } };
    }
  }
  return { observedAtMs: observedAt };
}

/** Checks that the record's customer has an active link at this provider that covers its category. */
export function checkRecordLink(
  record: Pick<DepositRecord, 'category'>,
  index: number,
  link: LinkGrant | undefined,
): RecordRejection | null {
  const at = `/records/${index}`;
  if (link === undefined) {
    return { code: 'NOT_LINKED', errors: [{ path: `${at}/customerRef`, message: 'has no active link with this provider' }] };
  }
  if (!link.categories.includes(record.category)) {
    return { code: 'CATEGORY_NOT_LINKED', errors: [{ path: `${at}/category`, message: 'is not a category the individual linked' }] };
  }
  return null;
}

/**
 * The one rejection to report for a record: an unknown category first, then a missing link (a
 * provider learns nothing about the content rules for customers it may not deposit for), then the
 * content's own problems.
 */
export function decideRejection(content: RecordRejection | null, link: RecordRejection | null): RecordRejection | null {
  if (content?.code === 'CATEGORY_UNKNOWN') return content;
  return link ?? content;
}
