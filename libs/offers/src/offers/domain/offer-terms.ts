import { findDataItem, findPurpose, isCountryCode, termsVersionProblem } from '@infobank/catalog';
import type { FieldProblem } from '@infobank/platform';
import { BENEFIT_TYPES, FETCH_PERIODS, type OfferTerms } from './offer';

/** Limits on what an offer may say (characters, counts, days). */
export const OFFER_LIMITS = {
  textLength: 2000,
  items: 100,
  processingCountries: 50,
  dataLifeDays: { min: 1, max: 3650 },
  fromDaysAgo: { min: 1, max: 3650 },
  fetchMax: { min: 1, max: 1000 },
  benefitAmount: { min: 1, max: 1_000_000_000 },
} as const;

type Problems = FieldProblem[];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant an ISO 8601 date-time with offset names, or undefined when it is not one. */
export function parseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !instantPattern.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function unknownFields(value: Json, allowed: readonly string[], path: string, problems: Problems): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push({ path: `${path}/${key}`, message: 'is not an allowed field' });
  }
}

// Line breaks are fine in prose for individuals; other C0/C1 control characters never are.
function hasControlCharacter(value: string): boolean {
  for (const character of value) {
    const code = character.codePointAt(0) as number;
    if ((code < 0x20 && character !== '\n') || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function textProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim().length === 0) return 'must be a non-empty string';
  if (value.length > OFFER_LIMITS.textLength) return `must be at most ${OFFER_LIMITS.textLength} characters`;
  if (hasControlCharacter(value)) return 'must not contain control characters';
  return undefined;
}

function localisedTextProblems(value: unknown, path: string, problems: Problems): void {
  if (!isObject(value)) {
    problems.push({ path, message: 'must be an object { ja, en? }' });
    return;
  }
  unknownFields(value, ['ja', 'en'], path, problems);
  const ja = textProblem(value.ja);
  if (ja !== undefined) problems.push({ path: `${path}/ja`, message: ja });
  const en = value.en === undefined ? undefined : textProblem(value.en);
  if (en !== undefined) problems.push({ path: `${path}/en`, message: en });
}

function itemsProblems(items: unknown, problems: Problems): void {
  if (!Array.isArray(items) || items.length === 0 || items.length > OFFER_LIMITS.items) {
    problems.push({ path: '/items', message: `must be a list of 1 to ${OFFER_LIMITS.items} items` });
    return;
  }
  const seen = new Set<string>();
  items.forEach((item: unknown, index) => {
    const path = `/items/${index}`;
    if (!isObject(item)) return void problems.push({ path, message: 'must be an object { itemId, required }' });
    unknownFields(item, ['itemId', 'required'], path, problems);
    if (typeof item.itemId !== 'string' || findDataItem(item.itemId) === undefined) {
      problems.push({ path: `${path}/itemId`, message: 'must be a data item id from the catalog' });
    } else if (seen.has(item.itemId)) {
      problems.push({ path: `${path}/itemId`, message: 'must not repeat an item' });
    } else {
      seen.add(item.itemId);
    }
    if (typeof item.required !== 'boolean') problems.push({ path: `${path}/required`, message: 'must be true or false' });
  });
  if (problems.every((problem) => !problem.path.startsWith('/items')) && !items.some((item: Json) => item.required === true)) {
    problems.push({ path: '/items', message: 'must include at least one required item' });
  }
}

function dataRangeProblems(range: unknown, problems: Problems): void {
  const path = '/dataRange';
  if (!isObject(range)) return void problems.push({ path, message: 'must be { fromDaysAgo } or { from, to }' });
  if ('fromDaysAgo' in range) {
    unknownFields(range, ['fromDaysAgo'], path, problems);
    const { min, max } = OFFER_LIMITS.fromDaysAgo;
    if (!isInteger(range.fromDaysAgo, min, max))
      problems.push({ path: `${path}/fromDaysAgo`, message: `must be an integer from ${min} to ${max}` });
    return;
  }
  unknownFields(range, ['from', 'to'], path, problems);
  const from = parseInstant(range.from);
  const to = parseInstant(range.to);
  if (from === undefined) problems.push({ path: `${path}/from`, message: 'must be an ISO 8601 date-time with offset' });
  if (to === undefined) problems.push({ path: `${path}/to`, message: 'must be an ISO 8601 date-time with offset' });
  if (from !== undefined && to !== undefined && from >= to) problems.push({ path: `${path}/to`, message: 'must be after from' });
}

function fetchProblems(fetch: unknown, problems: Problems): void {
  const path = '/fetch';
  if (!isObject(fetch) || (fetch.type !== 'one_time' && fetch.type !== 'periodic')) {
    return void problems.push({ path: `${path}/type`, message: 'must be one_time or periodic' });
  }
  if (fetch.type === 'one_time') return unknownFields(fetch, ['type'], path, problems);
  unknownFields(fetch, ['type', 'per', 'max'], path, problems);
  if (!FETCH_PERIODS.includes(fetch.per as never))
    problems.push({ path: `${path}/per`, message: `must be one of ${FETCH_PERIODS.join(', ')}` });
  const { min, max } = OFFER_LIMITS.fetchMax;
  if (!isInteger(fetch.max, min, max)) problems.push({ path: `${path}/max`, message: `must be an integer from ${min} to ${max}` });
}

function benefitProblems(benefit: unknown, problems: Problems): void {
  const path = '/benefit';
  if (!isObject(benefit)) return void problems.push({ path, message: 'must be an object { type, amount?, description }' });
  unknownFields(benefit, ['type', 'amount', 'description'], path, problems);
  if (!BENEFIT_TYPES.includes(benefit.type as never)) {
    problems.push({ path: `${path}/type`, message: `must be one of ${BENEFIT_TYPES.join(', ')}` });
  }
  const { min, max } = OFFER_LIMITS.benefitAmount;
  const needsAmount = benefit.type === 'points' || benefit.type === 'yen';
  if (needsAmount && !isInteger(benefit.amount, min, max)) {
    problems.push({ path: `${path}/amount`, message: `must be an integer from ${min} to ${max} for ${String(benefit.type)}` });
  } else if (benefit.type === 'social' && benefit.amount !== undefined) {
    problems.push({ path: `${path}/amount`, message: 'must be left out for a social-only benefit' });
  } else if (benefit.type === 'service' && benefit.amount !== undefined && !isInteger(benefit.amount, min, max)) {
    problems.push({ path: `${path}/amount`, message: `must be an integer from ${min} to ${max}` });
  }
  localisedTextProblems(benefit.description, `${path}/description`, problems);
}

function countriesProblems(countries: unknown, problems: Problems): void {
  const limit = OFFER_LIMITS.processingCountries;
  if (!Array.isArray(countries) || countries.length === 0 || countries.length > limit) {
    return void problems.push({ path: '/processingCountries', message: `must be a list of 1 to ${limit} country codes` });
  }
  countries.forEach((country: unknown, index) => {
    if (!isCountryCode(country))
      problems.push({ path: `/processingCountries/${index}`, message: 'must be an ISO 3166-1 alpha-2 code such as JP' });
    else if (countries.indexOf(country) !== index)
      problems.push({ path: `/processingCountries/${index}`, message: 'must not repeat a country' });
  });
}

/** The fields of OfferTerms, in the order problems are reported. */
export const OFFER_TERM_FIELDS = [
  'purposeCode',
  'purposeText',
  'items',
  'dataRange',
  'fetch',
  'dataLifeDays',
  'benefit',
  'processingCountries',
  'profiling',
  'termsVersion',
  'validUntil',
] as const satisfies readonly (keyof OfferTerms)[];

/**
 * Every problem with an offer's terms as a recipient wrote them, each naming its field (JSON pointer);
 * empty when they are complete and acceptable at `now`.
 */
export function offerTermsProblems(terms: unknown, now: Date): FieldProblem[] {
  if (!isObject(terms)) return [{ path: '', message: 'must be a JSON object' }];
  const problems: Problems = [];
  unknownFields(terms, OFFER_TERM_FIELDS, '', problems);
  const purpose = typeof terms.purposeCode === 'string' ? findPurpose(terms.purposeCode) : undefined;
  if (purpose === undefined) problems.push({ path: '/purposeCode', message: 'must be a purpose code from the catalog' });
  localisedTextProblems(terms.purposeText, '/purposeText', problems);
  itemsProblems(terms.items, problems);
  dataRangeProblems(terms.dataRange, problems);
  fetchProblems(terms.fetch, problems);
  const { min, max } = OFFER_LIMITS.dataLifeDays;
  if (!isInteger(terms.dataLifeDays, min, max))
    problems.push({ path: '/dataLifeDays', message: `must be an integer from ${min} to ${max}` });
  benefitProblems(terms.benefit, problems);
  countriesProblems(terms.processingCountries, problems);
  if (typeof terms.profiling !== 'boolean') problems.push({ path: '/profiling', message: 'must be true or false' });
  else if (purpose?.profiling && !terms.profiling) {
    problems.push({ path: '/profiling', message: `must be true: the purpose ${purpose.code} profiles individuals` });
  }
  const version = termsVersionProblem(terms.termsVersion);
  if (version !== undefined) problems.push({ path: '/termsVersion', message: version });
  const validUntil = parseInstant(terms.validUntil);
  if (validUntil === undefined) problems.push({ path: '/validUntil', message: 'must be an ISO 8601 date-time with offset' });
  else if (validUntil <= now) problems.push({ path: '/validUntil', message: 'must be in the future' });
  return problems;
}

/** Valid terms in canonical form: instants in UTC ISO form, nothing but the known fields. */
export function normaliseOfferTerms(terms: OfferTerms): OfferTerms {
  const range = terms.dataRange;
  return {
    purposeCode: terms.purposeCode,
    purposeText: localised(terms.purposeText),
    items: terms.items.map(({ itemId, required }) => ({ itemId, required })),
    dataRange:
      'fromDaysAgo' in range
        ? { fromDaysAgo: range.fromDaysAgo }
        : { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
    fetch: terms.fetch.type === 'one_time' ? { type: 'one_time' } : { type: 'periodic', per: terms.fetch.per, max: terms.fetch.max },
    dataLifeDays: terms.dataLifeDays,
    benefit: {
      type: terms.benefit.type,
      ...(terms.benefit.amount === undefined ? {} : { amount: terms.benefit.amount }),
      description: localised(terms.benefit.description),
    },
    processingCountries: [...terms.processingCountries],
    profiling: terms.profiling,
    termsVersion: terms.termsVersion,
    validUntil: new Date(terms.validUntil).toISOString(),
  };
}

function localised(text: { ja: string; en?: string }): { ja: string; en?: string } {
  return text.en === undefined ? { ja: text.ja } : { ja: text.ja, en: text.en };
}
