/**
 * Where an offer is in its life (docs/architecture.md §5): a recipient drafts it, the data ethics board reviews it,
 * and only an `approved` offer that is still valid reaches individuals.
 */
export const OFFER_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'rejected',
  'changes_requested',
  'suspended',
  'withdrawn',
  'expired',
] as const;

/** An offer's status; `expired` is never stored, it is what an approved or suspended offer past `validUntil` reads as. */
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The statuses a row can hold (`expired` is derived from `validUntil` when reading). */
export type StoredOfferStatus = Exclude<OfferStatus, 'expired'>;

/** The board's answer to one review round. */
export type ReviewOutcome = 'approved' | 'rejected' | 'changes_requested';

/** Every review outcome the board can record. */
export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = ['approved', 'rejected', 'changes_requested'];

/** Text in Japanese, optionally English too (what a recipient writes for individuals). */
export interface OfferText {
  ja: string;
  en?: string;
}

/** One data item the offer asks for, and whether the individual may leave it out. */
export interface OfferItem {
  /** Catalog item id, `<category>#<pointer>`. */
  itemId: string;
  required: boolean;
}

/** Which observations the recipient may receive: a rolling window or a fixed period. */
export type DataRange = { fromDaysAgo: number } | { from: string; to: string };

/** How often the recipient may fetch: once, or at most `max` times per day, week or month. */
export type FetchRule = { type: 'one_time' } | { type: 'periodic'; per: FetchPeriod; max: number };

/** The period a periodic fetch limit counts over. */
export type FetchPeriod = 'day' | 'week' | 'month';

/** Every fetch period, in increasing length. */
export const FETCH_PERIODS: readonly FetchPeriod[] = ['day', 'week', 'month'];

/** What kind of benefit (便益) the individual gets. */
export type BenefitType = 'points' | 'yen' | 'service' | 'social';

/** Every benefit type. */
export const BENEFIT_TYPES: readonly BenefitType[] = ['points', 'yen', 'service', 'social'];

/** What the individual gets in return: points or yen (with an amount), a service, or a social good only. */
export interface Benefit {
  type: BenefitType;
  amount?: number;
  description: OfferText;
}

/** The conditions of use an individual weighs: which period, how often, how long kept, what in return, where, profiling. */
export interface OfferConditions {
  dataRange: DataRange;
  fetch: FetchRule;
  /** Days the recipient may keep what it receives (1 to 3650). */
  dataLifeDays: number;
  benefit: Benefit;
  /** ISO 3166-1 alpha-2 codes of every country the data is processed in. */
  processingCountries: string[];
  /** The recipient evaluates or predicts individuals with the data. */
  profiling: boolean;
}

/** What a recipient writes in an offer: everything the board reviews and individuals consent to. */
export interface OfferTerms extends OfferConditions {
  purposeCode: string;
  purposeText: OfferText;
  items: OfferItem[];
  termsVersion: string;
  /** ISO 8601 instant after which the offer reads as `expired`. */
  validUntil: string;
}

/** An offer item as the board and individuals see it: with its category and sensitivity from the catalog. */
export interface OfferSnapshotItem {
  itemId: string;
  categoryId: string;
  required: boolean;
  /** 要配慮個人情報: the item needs the stricter review and the individual's step-up. */
  sensitive: boolean;
}

/** An offer as other contexts (the board's review, orders) read it: ids, status, round and terms. */
export interface OfferSnapshot extends Omit<OfferTerms, 'items'> {
  id: string;
  recipientId: string;
  status: OfferStatus;
  /** The review round: 0 until first submitted, then 1, 2, … (each submission starts a new round). */
  round: number;
  items: OfferSnapshotItem[];
  submittedAt: string | null;
}

/** The board's recorded answer to one round, as the recipient is told it. */
export interface OfferReview {
  round: number;
  outcome: ReviewOutcome;
  reasons: string[];
  decidedAt: string;
}

/** Onward transfer (再提供) is forbidden in every offer; the constant the API shows in each. */
export const ONWARD_TRANSFER = 'forbidden' as const;

/**
 * What a stored status reads as at `now`: an approved or suspended offer past `validUntil` is
 * `expired` (no scheduler needs to run for that to hold).
 */
export function effectiveStatus(stored: StoredOfferStatus, validUntil: Date, now: Date): OfferStatus {
  if ((stored === 'approved' || stored === 'suspended') && validUntil.getTime() <= now.getTime()) return 'expired';
  return stored;
}

/** True when individuals may see (and later consent to) the offer at `now`. */
export function isVisibleToIndividuals(stored: StoredOfferStatus, validUntil: Date, now: Date): boolean {
  return effectiveStatus(stored, validUntil, now) === 'approved';
}
