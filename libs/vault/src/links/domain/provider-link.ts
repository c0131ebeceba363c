import type { FieldProblem } from '@infobank/platform';

/**
 * Where a provider link (the individual's store consent, 預託の同意) stands: `pending` until the
 * provider redeems its link code, `active` while the provider may deposit, `removed` once either side
 * ended it (removal is final; linking again makes a new link).
 */
export type LinkStatus = 'pending' | 'active' | 'removed';

/** Every stored link status. */
export const LINK_STATUSES: readonly LinkStatus[] = ['pending', 'active', 'removed'];

/** What the individual sees: a pending link whose code ran out shows as `expired`. */
export type LinkDisplayStatus = LinkStatus | 'expired';

/** Most categories one link may name (the catalog has fewer; this only bounds the input). */
export const MAX_LINK_CATEGORIES = 32;

/** Longest customer reference a provider may bind (printable ASCII). */
export const CUSTOMER_REF_MAX_LENGTH = 128;

const customerRefPattern = new RegExp(`^[\\x20-\\x7e]{1,${CUSTOMER_REF_MAX_LENGTH}}$`);

/** True when `value` is a customer reference the bank accepts: 1 to 128 printable ASCII characters. */
export function isCustomerRef(value: unknown): value is string {
  return typeof value === 'string' && customerRefPattern.test(value);
}

/** Why `value` is not an acceptable customer reference, or undefined. Never repeats the value. */
export function customerRefProblem(value: unknown): string | undefined {
  return isCustomerRef(value) ? undefined : `must be 1 to ${CUSTOMER_REF_MAX_LENGTH} printable ASCII characters`;
}

/**
 * Every problem with the categories an individual names for a link: a non-empty list of distinct
 * catalog category codes. Each problem points at the offending entry (`/categories/2`).
 */
export function linkCategoriesProblems(categories: unknown, isKnownCategory: (code: string) => boolean): FieldProblem[] {
  if (!Array.isArray(categories) || categories.length === 0) {
    return [{ path: '/categories', message: 'must be a non-empty list of data category codes' }];
  }
  if (categories.length > MAX_LINK_CATEGORIES) {
    return [{ path: '/categories', message: `must name at most ${MAX_LINK_CATEGORIES} categories` }];
  }
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  categories.forEach((code: unknown, index) => {
    const path = `/categories/${index}`;
    if (typeof code !== 'string' || !isKnownCategory(code)) problems.push({ path, message: 'is not a data category of the catalog' });
    else if (seen.has(code)) problems.push({ path, message: 'repeats a category already named' });
    if (typeof code === 'string') seen.add(code);
  });
  return problems;
}

/** How the individual's view names a link's state at `now`. */
export function displayStatus(link: { status: LinkStatus; codeExpiresAt: Date }, now: Date): LinkDisplayStatus {
  return link.status === 'pending' && link.codeExpiresAt.getTime() <= now.getTime() ? 'expired' : link.status;
}

/** Whether a link code for this link may still be redeemed at `now`. */
export function isRedeemable(link: { status: LinkStatus; codeExpiresAt: Date }, now: Date): boolean {
  return link.status === 'pending' && link.codeExpiresAt.getTime() > now.getTime();
}
