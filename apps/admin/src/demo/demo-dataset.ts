import { validCorporateNumber, type OrganisationRole } from '@infobank/catalog';
import type { Expertise } from '@infobank/review';

/** A demo company. Corporate numbers are made up (valid check digits on invented base numbers). */
export interface DemoOrganisation {
  slug: string;
  corporateNumber: string;
  name: { ja: string; en: string };
  roles: OrganisationRole[];
  /** What it deposits or wants, for people reading credentials.json. */
  about: string;
}

export const DEMO_TERMS_VERSION = '2026-04';

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    slug: 'sakura-mart',
    corporateNumber: validCorporateNumber('700110000001'),
    name: { ja: 'さくらマート株式会社', en: 'Sakura Mart K.K.' },
    roles: ['provider'],
    about: 'supermarket chain: deposits purchase.receipts and profile.basic',
  },
  {
    slug: 'aoba-shinkin',
    corporateNumber: validCorporateNumber('700110000002'),
    name: { ja: '青葉信用金庫', en: 'Aoba Shinkin Bank' },
    roles: ['provider'],
    about: 'regional bank: deposits finance.transactions',
  },
  {
    slug: 'minato-transit',
    corporateNumber: validCorporateNumber('700110000003'),
    name: { ja: 'みなと交通株式会社', en: 'Minato Transit Co., Ltd.' },
    roles: ['provider', 'recipient'],
    about: 'rail and bus operator: deposits mobility.trips, receives location.visits for timetable planning',
  },
  {
    slug: 'hidamari-health',
    corporateNumber: validCorporateNumber('700110000004'),
    name: { ja: 'ひだまりヘルスケア株式会社', en: 'Hidamari Healthcare K.K.' },
    roles: ['recipient'],
    about: 'health promotion service: receives purchase.receipts and health.checkup',
  },
  {
    slug: 'machi-research',
    corporateNumber: validCorporateNumber('700110000005'),
    name: { ja: '株式会社まちづくりリサーチ', en: 'Machizukuri Research Inc.' },
    roles: ['recipient'],
    about: 'urban research: receives mobility.trips for statistics',
  },
];

/** A demo board member: one per field of expertise, four of six from outside the bank. */
export interface DemoBoardMember {
  email: string;
  name: string;
  expertise: Expertise;
  external: boolean;
}

export const DEMO_BOARD_MEMBERS: readonly DemoBoardMember[] = [
  { email: 'takahashi.makoto@board.demo.example.jp', name: '高橋 誠', expertise: 'engineer', external: false },
  { email: 'ito.misaki@board.demo.example.jp', name: '伊藤 美咲', expertise: 'security', external: false },
  { email: 'watanabe.naoki@board.demo.example.jp', name: '渡辺 直樹', expertise: 'legal', external: true },
  { email: 'nakamura.yoko@board.demo.example.jp', name: '中村 陽子', expertise: 'data_ethics', external: true },
  { email: 'kobayashi.yumi@board.demo.example.jp', name: '小林 由美', expertise: 'consumer', external: true },
  { email: 'kato.takuya@board.demo.example.jp', name: '加藤 拓也', expertise: 'media', external: true },
];

/** A demo individual (本人). */
export interface DemoIndividual {
  email: string;
  displayName: string;
  language: 'ja' | 'en';
}

export const DEMO_INDIVIDUALS: readonly DemoIndividual[] = [
  { email: 'yamada.hanako@demo.example.jp', displayName: '山田 花子', language: 'ja' },
  { email: 'sato.ken@demo.example.jp', displayName: '佐藤 健', language: 'ja' },
  { email: 'emily.tanaka@demo.example.jp', displayName: 'Emily Tanaka', language: 'en' },
];
