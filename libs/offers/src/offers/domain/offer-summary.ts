import type { Benefit, DataRange, FetchRule, OfferConditions, OfferText } from './offer';

/** A language individuals read the bank in. */
export type SummaryLanguage = 'ja' | 'en';

/** What the plain-language summary of an offer is written from (labels already looked up in the catalog). */
export interface OfferSummaryInput extends OfferConditions {
  recipient: { name: OfferText; corporateNumber: string; country: string };
  purpose: { label: { ja: string; en: string }; description: { ja: string; en: string } };
  purposeText: OfferText;
  items: { label: { ja: string; en: string }; required: boolean; sensitive: boolean }[];
  /** When the board approved the offer. */
  decidedAt: Date | null;
}

/** An offer in plain words, one sentence per question an individual asks before consenting. */
export interface OfferSummary {
  /** Who the recipient is: name, corporate number, country. */
  recipient: string;
  /** What it will receive. */
  receives: string;
  /** Why. */
  purpose: string;
  /** How long it may keep the data. */
  retention: string;
  /** What the individual gets. */
  benefit: string;
  /** Where the data is processed. */
  processing: string;
  /** Whether the recipient profiles. */
  profiling: string;
  /** That onward transfer is forbidden. */
  onwardTransfer: string;
  /** When the data ethics board approved it. */
  boardDecision: string;
}

/** Text in the reader's language, Japanese when no English was written. */
export function inLanguage(text: OfferText, language: SummaryLanguage): string {
  return language === 'en' ? (text.en ?? text.ja) : text.ja;
}

// Intl formatters are costly to build and never change: one per language, built on first use.
const regionNames = new Map<SummaryLanguage, Intl.DisplayNames>();
const listFormats = new Map<SummaryLanguage, Intl.ListFormat>();
const dateFormats = new Map<SummaryLanguage, Intl.DateTimeFormat>();

function once<Formatter>(cache: Map<SummaryLanguage, Formatter>, language: SummaryLanguage, build: () => Formatter): Formatter {
  let formatter = cache.get(language);
  if (formatter === undefined) {
    formatter = build();
    cache.set(language, formatter);
  }
  return formatter;
}

function countryName(code: string, language: SummaryLanguage): string {
  try {
    return once(regionNames, language, () => new Intl.DisplayNames([language], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

function list(values: string[], language: SummaryLanguage): string {
  return once(listFormats, language, () => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })).format(values);
}

function date(value: Date | string, language: SummaryLanguage): string {
  const format = once(
    dateFormats,
    language,
    () => new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }),
  );
  return format.format(new Date(value));
}

const periods = { ja: { day: '1日', week: '1週間', month: '1か月' }, en: { day: 'day', week: 'week', month: 'month' } } as const;

function rangeText(range: DataRange, language: SummaryLanguage): string {
  if ('fromDaysAgo' in range) {
    return language === 'ja' ? `提供のたびに、直近${range.fromDaysAgo}日分` : `each time, the last ${range.fromDaysAgo} days`;
  }
  const [from, to] = [date(range.from, language), date(range.to, language)];
  return language === 'ja' ? `${from}から${to}までの分` : `from ${from} to ${to}`;
}

function fetchText(fetch: FetchRule, language: SummaryLanguage): string {
  if (fetch.type === 'one_time') return language === 'ja' ? '1回だけ受け取ります' : 'it receives them once';
  return language === 'ja'
    ? `${periods.ja[fetch.per]}に最大${fetch.max}回受け取ります`
    : `it receives them at most ${fetch.max} time${fetch.max === 1 ? '' : 's'} a ${periods.en[fetch.per]}`;
}

function itemsText(items: OfferSummaryInput['items'], language: SummaryLanguage): string {
  const named = (wanted: boolean) =>
    items
      .filter((item) => item.required === wanted)
      .map((item) => item.label[language] + (item.sensitive ? (language === 'ja' ? '(要配慮)' : ' (sensitive)') : ''));
  const [required, optional] = [named(true), named(false)];
  if (language === 'ja') {
    return `必須: ${required.join('、')}` + (optional.length > 0 ? `。任意(あなたが選べます): ${optional.join('、')}` : '');
  }
  return `required: ${list(required, 'en')}` + (optional.length > 0 ? `; optional (your choice): ${list(optional, 'en')}` : '');
}

function benefitText(benefit: Benefit, language: SummaryLanguage): string {
  const description = inLanguage(benefit.description, language);
  const amount = benefit.amount?.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');
  switch (benefit.type) {
    case 'points':
      return language === 'ja' ? `${amount}ポイント: ${description}` : `${amount} points: ${description}`;
    case 'yen':
      return language === 'ja' ? `${amount}円: ${description}` : `¥${amount}: ${description}`;
    case 'service':
      return language === 'ja' ? `サービス: ${description}` : `A service: ${description}`;
    case 'social':
      return language === 'ja'
        ? `あなた個人への見返りはなく、社会への貢献です: ${description}`
        : `Nothing for you personally; a social good: ${description}`;
  }
}

/** The plain-language summary of an offer in one language, for the individual deciding whether to consent. */
export function summariseOffer(input: OfferSummaryInput, language: SummaryLanguage): OfferSummary {
  const ja = language === 'ja';
  const recipientName = inLanguage(input.recipient.name, language);
  const recipientCountry = countryName(input.recipient.country, language);
  const countries = list(
    input.processingCountries.map((code) => countryName(code, language)),
    language,
  );
  return {
    recipient: ja
      ? `${recipientName}(法人番号 ${input.recipient.corporateNumber}、所在国: ${recipientCountry})`
      : `${recipientName} (corporate number ${input.recipient.corporateNumber}, based in ${recipientCountry})`,
    receives: ja
      ? `${itemsText(input.items, language)}。${rangeText(input.dataRange, language)}のデータを、${fetchText(input.fetch, language)}。`
      : `${itemsText(input.items, language)}. Data ${rangeText(input.dataRange, language)}; ${fetchText(input.fetch, language)}.`,
    purpose: `${input.purpose.label[language]}: ${inLanguage(input.purposeText, language)}`,
    retention: ja
      ? `受け取ったデータは最長${input.dataLifeDays}日間保管でき、その後は削除されます。`
      : `It may keep what it receives for up to ${input.dataLifeDays} days, then must delete it.`,
    benefit: benefitText(input.benefit, language),
    processing: ja ? `データは${countries}で処理されます。` : `Your data is processed in ${countries}.`,
    profiling: input.profiling
      ? ja
        ? 'あなたの好みや行動を分析・予測します(プロファイリング)。'
        : 'It analyses or predicts your preferences and behaviour (profiling).'
      : ja
        ? 'あなたを分析・予測すること(プロファイリング)はしません。'
        : 'It does not analyse or predict you (no profiling).',
    onwardTransfer: ja
      ? '受け取ったデータを他の会社に渡すこと(再提供)は禁止されています。'
      : 'It may not pass your data on to anyone else (onward transfer is forbidden).',
    boardDecision:
      input.decidedAt === null
        ? ja
          ? 'データ倫理審査会の承認を受けています。'
          : 'Approved by the data ethics board.'
        : ja
          ? `${date(input.decidedAt, language)}にデータ倫理審査会が承認しました。`
          : `Approved by the data ethics board on ${date(input.decidedAt, language)}.`,
  };
}
