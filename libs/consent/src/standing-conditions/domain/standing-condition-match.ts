import type { OfferSnapshot } from '@infobank/offers';
import type { StandingConditions } from './standing-conditions';

/** Text in Japanese and English, as every judgement the bank explains to the individual. */
export interface BilingualText {
  ja: string;
  en: string;
}

/** The criteria the bank checks, in the order it explains them. */
export const STANDING_CRITERIA = [
  'offer_approved',
  'no_sensitive_items',
  'purpose',
  'recipient_not_excluded',
  'cross_border',
  'profiling',
  'minimum_benefit',
] as const;

/** One criterion the bank checks before consenting on the individual's behalf. */
export type StandingCriterion = (typeof STANDING_CRITERIA)[number];

/** The outcome of one criterion, with the sentence shown to the individual. */
export interface CriterionResult {
  criterion: StandingCriterion;
  passed: boolean;
  text: BilingualText;
}

/** What the bank judged for one offer: whether it fits, each criterion, and the explanation (ja/en, one line a criterion). */
export interface StandingConditionMatch {
  fits: boolean;
  criteria: CriterionResult[];
  explanation: { ja: string[]; en: string[] };
  /** Optional items are never added on the individual's behalf (minimisation): only the required ones are consented. */
  optionalItems: string[];
}

/** The offer facts matching reads; `purposeLabel` is the catalog's label of the offer's purpose, for the explanation. */
export type MatchableOffer = Pick<
  OfferSnapshot,
  'status' | 'recipientId' | 'purposeCode' | 'items' | 'processingCountries' | 'profiling' | 'benefit'
> & {
  purposeLabel?: BilingualText;
};

/** The country whose processing is not cross-border. */
export const HOME_COUNTRY = 'JP';

/**
 * Decides whether the bank may consent to `offer` on the individual's behalf under `conditions`, and
 * explains every criterion it checked. Pure; every criterion is evaluated (the explanation is complete
 * even when an early one fails). Sensitive items (要配慮個人情報) never pass, whatever the conditions say.
 */
export function matchStandingConditions(conditions: StandingConditions, offer: MatchableOffer): StandingConditionMatch {
  const criteria: CriterionResult[] = [
    offerApproved(offer),
    noSensitiveItems(offer),
    purposeAccepted(conditions, offer),
    recipientNotExcluded(conditions, offer),
    crossBorder(conditions, offer),
    profiling(conditions, offer),
    minimumBenefit(conditions, offer),
  ];
  return {
    fits: criteria.every((result) => result.passed),
    criteria,
    explanation: { ja: criteria.map((result) => result.text.ja), en: criteria.map((result) => result.text.en) },
    optionalItems: [],
  };
}

function result(criterion: StandingCriterion, passed: boolean, text: BilingualText): CriterionResult {
  return { criterion, passed, text };
}

function offerApproved(offer: MatchableOffer): CriterionResult {
  return offer.status === 'approved'
    ? result('offer_approved', true, { ja: 'データ倫理審査会が承認したオファーです。', en: 'The data ethics board approved the offer.' })
    : result('offer_approved', false, {
        ja: 'データ倫理審査会が承認した有効なオファーではありません。',
        en: 'The offer is not currently approved by the data ethics board.',
      });
}

function noSensitiveItems(offer: MatchableOffer): CriterionResult {
  // Even an optional sensitive item disqualifies: the individual must see and choose such an offer themself.
  if (offer.items.some((item) => item.sensitive)) {
    return result('no_sensitive_items', false, {
      ja: '要配慮個人情報を含むため、予め指定した条件では同意しません（ご本人の同意が必要です）。',
      en: 'The offer includes sensitive personal data, which the bank never consents to on your behalf (only you can).',
    });
  }
  return result('no_sensitive_items', true, {
    ja: '要配慮個人情報を含みません。任意項目は同意に含めません。',
    en: 'The offer includes no sensitive personal data. Optional items are not included in the consent.',
  });
}

function purposeAccepted(conditions: StandingConditions, offer: MatchableOffer): CriterionResult {
  const label = offer.purposeLabel ?? { ja: offer.purposeCode, en: offer.purposeCode };
  return conditions.purposes.includes(offer.purposeCode)
    ? result('purpose', true, {
        ja: `利用目的「${label.ja}」はあなたが認めた目的です。`,
        en: `The purpose "${label.en}" is one you accepted.`,
      })
    : result('purpose', false, {
        ja: `利用目的「${label.ja}」はあなたが認めた目的に含まれません。`,
        en: `The purpose "${label.en}" is not among the purposes you accepted.`,
      });
}

function recipientNotExcluded(conditions: StandingConditions, offer: MatchableOffer): CriterionResult {
  return conditions.excludedRecipients.includes(offer.recipientId)
    ? result('recipient_not_excluded', false, {
        ja: '提供先はあなたが除外した事業者です。',
        en: 'The recipient is one you excluded.',
      })
    : result('recipient_not_excluded', true, {
        ja: '提供先はあなたが除外した事業者ではありません。',
        en: 'The recipient is not one you excluded.',
      });
}

function crossBorder(conditions: StandingConditions, offer: MatchableOffer): CriterionResult {
  const abroad = offer.processingCountries.filter((country) => country !== HOME_COUNTRY);
  if (abroad.length === 0) {
    return result('cross_border', true, { ja: 'データは日本国内でのみ取り扱われます。', en: 'The data is processed in Japan only.' });
  }
  const countries = abroad.join(', ');
  return conditions.allowCrossBorder
    ? result('cross_border', true, {
        ja: `データは日本国外（${countries}）でも取り扱われます。あなたは国外での取扱いを認めています。`,
        en: `The data is also processed outside Japan (${countries}); you allowed processing abroad.`,
      })
    : result('cross_border', false, {
        ja: `データは日本国外（${countries}）でも取り扱われますが、あなたは国外での取扱いを認めていません。`,
        en: `The data is also processed outside Japan (${countries}), which you did not allow.`,
      });
}

function profiling(conditions: StandingConditions, offer: MatchableOffer): CriterionResult {
  if (!offer.profiling) {
    return result('profiling', true, { ja: 'プロファイリングを行いません。', en: 'The recipient does no profiling.' });
  }
  return conditions.allowProfiling
    ? result('profiling', true, {
        ja: 'プロファイリングを行います。あなたはプロファイリングを認めています。',
        en: 'The recipient profiles individuals; you allowed profiling.',
      })
    : result('profiling', false, {
        ja: 'プロファイリングを行いますが、あなたはプロファイリングを認めていません。',
        en: 'The recipient profiles individuals, which you did not allow.',
      });
}

const BENEFIT_UNIT: Record<string, BilingualText> = { points: { ja: 'ポイント', en: 'points' }, yen: { ja: '円', en: 'yen' } };

function minimumBenefit(conditions: StandingConditions, offer: MatchableOffer): CriterionResult {
  const minimum = conditions.minimumBenefit;
  if (minimum === null) {
    return result('minimum_benefit', true, { ja: '便益の下限は指定されていません。', en: 'You set no minimum benefit.' });
  }
  const unit = BENEFIT_UNIT[minimum.type];
  const wanted = { ja: `${minimum.amount}${unit.ja}`, en: `${minimum.amount} ${unit.en}` };
  const amount = offer.benefit.type === minimum.type ? (offer.benefit.amount ?? 0) : null;
  if (amount !== null && amount >= minimum.amount) {
    return result('minimum_benefit', true, {
      ja: `便益は${amount}${unit.ja}で、指定した下限（${wanted.ja}）以上です。`,
      en: `The benefit is ${amount} ${unit.en}, at least your minimum of ${wanted.en}.`,
    });
  }
  return result('minimum_benefit', false, {
    ja: `便益があなたの指定した下限（${wanted.ja}）に達しません。`,
    en: `The benefit does not reach your minimum of ${wanted.en}.`,
  });
}
