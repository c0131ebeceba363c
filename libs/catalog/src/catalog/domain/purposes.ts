import type { LocalisedText } from './data-category';

/** A purpose (利用目的) a recipient may state in an offer, with its W3C DPV term for consent receipts. */
export interface Purpose {
  code: string;
  label: LocalisedText;
  /** What it means for the individual, in plain words. */
  description: LocalisedText;
  /** IRI of the matching W3C Data Privacy Vocabulary (DPV 2.x) purpose concept. */
  dpv: string;
  /** The purpose evaluates or predicts the individual (プロファイリング); such offers get a stricter review. */
  profiling: boolean;
}

/** DPV core namespace. */
export const DPV = 'https://w3id.org/dpv#';
/** DPV finance-sector extension namespace (credit checking moved here in DPV 2.x). */
export const DPV_FINANCE = 'https://w3id.org/dpv/sector/finance#';
/** DPV health-sector extension namespace. */
export const DPV_HEALTH = 'https://w3id.org/dpv/sector/health#';

/** The purpose vocabulary, in display order. Defined in code and versioned with it. */
export const PURPOSES: readonly Purpose[] = [
  {
    code: 'service_provision',
    label: { ja: 'サービスの提供', en: 'Providing a service' },
    description: {
      ja: 'あなたが使う、または申し込むサービスを提供するために使います。',
      en: 'To provide a service you use or sign up for.',
    },
    dpv: `${DPV}ServiceProvision`,
    profiling: false,
  },
  {
    code: 'marketing',
    label: { ja: '商品・サービスのご案内', en: 'Marketing' },
    description: {
      ja: '商品やサービス、キャンペーンのお知らせを送るために使います。',
      en: 'To tell you about products, services and campaigns.',
    },
    dpv: `${DPV}Marketing`,
    profiling: false,
  },
  {
    code: 'personalised_recommendation',
    label: { ja: 'あなたに合わせたおすすめ', en: 'Personalised recommendations' },
    description: {
      ja: 'あなたの好みや行動を分析して、合いそうな商品やサービスをおすすめするために使います。',
      en: 'To analyse your preferences and behaviour and recommend products or services that may suit you.',
    },
    dpv: `${DPV}ProvidePersonalisedRecommendations`,
    profiling: true,
  },
  {
    code: 'personalised_advertising',
    label: { ja: 'あなたに合わせた広告', en: 'Personalised advertising' },
    description: {
      ja: 'あなたの好みや行動を分析して、あなたに向けた広告を表示するために使います。',
      en: 'To analyse your preferences and behaviour and show advertising aimed at you.',
    },
    dpv: `${DPV}PersonalisedAdvertising`,
    profiling: true,
  },
  {
    code: 'research_and_development',
    label: { ja: '研究・商品開発', en: 'Research and development' },
    description: {
      ja: '新しい商品やサービス、技術を研究・開発するために使います。',
      en: 'To research and develop new products, services or methods.',
    },
    dpv: `${DPV}ResearchAndDevelopment`,
    profiling: false,
  },
  {
    code: 'credit_assessment',
    label: { ja: '与信審査(信用力の評価)', en: 'Credit assessment' },
    description: {
      ja: 'ローンやカードの審査などで、あなたの支払い能力や信用力を評価するために使います。',
      en: 'To assess your ability to pay and creditworthiness, for example when you apply for a loan or card.',
    },
    dpv: `${DPV_FINANCE}CreditChecking`,
    profiling: true,
  },
  {
    code: 'health_promotion',
    label: { ja: '健康づくりの支援', en: 'Health promotion' },
    description: {
      ja: '病気の予防や生活習慣の改善など、あなたの健康づくりを手助けするために使います。',
      en: 'To help you stay healthy, for example with disease prevention and healthier habits.',
    },
    dpv: `${DPV_HEALTH}PreventativeCareManagement`,
    profiling: false,
  },
  {
    code: 'statistics',
    label: { ja: '統計の作成', en: 'Statistics' },
    description: {
      ja: '多くの人のデータを集計して、個人が分からない形の統計を作るために使います。',
      en: 'To produce statistics from many people’s data in a form that does not identify anyone.',
    },
    dpv: `${DPV}ServiceUsageAnalytics`,
    profiling: false,
  },
];

const purposesByCode = new Map(PURPOSES.map((purpose) => [purpose.code, purpose]));

/** The purpose with this code, or undefined. */
export function findPurpose(code: string): Purpose | undefined {
  return purposesByCode.get(code);
}
