/** How a consent granted under standing conditions lets data out: whenever the offer allows, or per approved request. */
export type StandingConditionMode = 'auto' | 'ask';

/** Every standing-condition mode. */
export const STANDING_CONDITION_MODES: readonly StandingConditionMode[] = ['auto', 'ask'];

/** Benefit types a minimum can be stated in (only countable benefits compare). */
export type CountableBenefitType = 'points' | 'yen';

/** Every benefit type a minimum benefit can name. */
export const COUNTABLE_BENEFIT_TYPES: readonly CountableBenefitType[] = ['points', 'yen'];

/** The least benefit (便益) an offer must give for the bank to consent on the individual's behalf. */
export interface MinimumBenefit {
  type: CountableBenefitType;
  amount: number;
}

/**
 * 予め指定した条件: the rules under which the bank consents to approved offers on the individual's
 * behalf. Cross-border processing and profiling are refused unless allowed; sensitive items never pass.
 */
export interface StandingConditions {
  /** Purpose codes from the catalog's vocabulary the individual accepts. */
  purposes: string[];
  allowCrossBorder: boolean;
  allowProfiling: boolean;
  minimumBenefit: MinimumBenefit | null;
  /** Recipient organisation ids the bank must never consent to. */
  excludedRecipients: string[];
  mode: StandingConditionMode;
}

/** The conditions of an individual who set none: nothing is ever granted on their behalf. */
export const NO_STANDING_CONDITIONS: StandingConditions = {
  purposes: [],
  allowCrossBorder: false,
  allowProfiling: false,
  minimumBenefit: null,
  excludedRecipients: [],
  mode: 'auto',
};

/** Most purposes and excluded recipients one individual's conditions may list. */
export const MAX_STANDING_PURPOSES = 50;
export const MAX_EXCLUDED_RECIPIENTS = 200;
/** Largest minimum benefit amount accepted. */
export const MAX_MINIMUM_BENEFIT = 1_000_000_000;

/** One problem with the conditions an individual submitted (a JSON-pointer path and a message). */
export interface ConditionProblem {
  path: string;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Lists what is wrong with submitted standing conditions (empty when valid): purposes must be
 * distinct codes of the vocabulary, excluded recipients distinct ids, the minimum benefit a countable
 * type with a positive whole amount.
 */
export function standingConditionsProblems(input: StandingConditions, isKnownPurpose: (code: string) => boolean): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  listProblems(input.purposes, '/purposes', MAX_STANDING_PURPOSES, add, (value) =>
    typeof value === 'string' && isKnownPurpose(value) ? null : 'is not a purpose of the vocabulary',
  );
  listProblems(input.excludedRecipients, '/excludedRecipients', MAX_EXCLUDED_RECIPIENTS, add, (value) =>
    typeof value === 'string' && UUID.test(value) ? null : 'must be an organisation id (UUID)',
  );
  if (typeof input.allowCrossBorder !== 'boolean') add('/allowCrossBorder', 'must be true or false');
  if (typeof input.allowProfiling !== 'boolean') add('/allowProfiling', 'must be true or false');
  if (!STANDING_CONDITION_MODES.includes(input.mode)) add('/mode', `must be one of ${STANDING_CONDITION_MODES.join(', ')}`);
  const minimum = input.minimumBenefit;
  if (minimum !== null) {
    if (typeof minimum !== 'object') add('/minimumBenefit', 'must be an object or null');
    else {
      if (!COUNTABLE_BENEFIT_TYPES.includes(minimum.type))
        add('/minimumBenefit/type', `must be one of ${COUNTABLE_BENEFIT_TYPES.join(', ')}`);
      if (!Number.isSafeInteger(minimum.amount) || minimum.amount < 1 || minimum.amount > MAX_MINIMUM_BENEFIT) {
        add('/minimumBenefit/amount', `must be a whole number from 1 to ${MAX_MINIMUM_BENEFIT}`);
      }
    }
  }
  return problems;
}

function listProblems(
  values: unknown,
  path: string,
  max: number,
  add: (path: string, message: string) => void,
  entryProblem: (value: unknown) => string | null,
): void {
  if (!Array.isArray(values)) return add(path, 'must be a list');
  if (values.length > max) return add(path, `must list at most ${max} entries`);
  values.forEach((value, index) => {
    const problem = entryProblem(value);
    if (problem !== null) add(`${path}/${index}`, problem);
    else if (values.indexOf(value) !== index) add(`${path}/${index}`, 'repeats an entry already listed');
  });
}
