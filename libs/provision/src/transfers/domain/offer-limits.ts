import type { DataRange, FetchRule } from '@infobank/offers';

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_DAYS = { day: 1, week: 7, month: 30 } as const;

/**
 * How many times one individual's data may reach the recipient under the offer, counted from `since`
 * (null: ever). One-time offers: once. Periodic: `max` per rolling day, 7 days or 30 days.
 */
export function fetchAllowance(fetch: FetchRule, now: Date): { limit: number; since: Date | null } {
  if (fetch.type === 'one_time') return { limit: 1, since: null };
  return { limit: fetch.max, since: new Date(now.getTime() - PERIOD_DAYS[fetch.per] * DAY_MS) };
}

/** The observation times the offer covers at `now`: from (inclusive) and to (exclusive); null is open. */
export function observationRange(range: DataRange, now: Date): { from: Date | null; to: Date | null } {
  if ('fromDaysAgo' in range) return { from: new Date(now.getTime() - range.fromDaysAgo * DAY_MS), to: now };
  return { from: new Date(range.from), to: new Date(range.to) };
}
