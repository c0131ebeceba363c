import type { INestApplicationContext } from '@nestjs/common';
import { CreateOfferUseCase, ListOwnOffersUseCase, SubmitOfferUseCase, type OfferTerms } from '@infobank/offers';
import { createRequestContext, type RequestContext } from '@infobank/platform';
import { CastVoteUseCase, OpenReviewCaseUseCase } from '@infobank/review';
import { DEMO_TERMS_VERSION } from './demo-dataset';

/** A demo recipient's offer, approved by the demo board when seeded. */
export interface DemoOffer {
  /** The recipient's slug in DEMO_ORGANISATIONS. */
  recipient: string;
  terms: Omit<OfferTerms, 'termsVersion' | 'validUntil'>;
}

export const DEMO_OFFERS: readonly DemoOffer[] = [
  {
    recipient: 'minato-transit',
    terms: {
      purposeCode: 'service_provision',
      purposeText: {
        ja: 'よく訪れる場所と時間帯をもとに、バスと電車の時刻表を見直します。',
        en: 'We revise bus and train timetables using the places and times you visit.',
      },
      items: [
        { itemId: 'location.visits#/arrivedAt', required: true },
        { itemId: 'location.visits#/place/prefecture', required: true },
        { itemId: 'location.visits#/place/kind', required: false },
      ],
      dataRange: { fromDaysAgo: 90 },
      fetch: { type: 'periodic', per: 'month', max: 1 },
      dataLifeDays: 180,
      benefit: { type: 'points', amount: 300, description: { ja: '毎月300ポイント', en: '300 points a month' } },
      processingCountries: ['JP'],
      profiling: false,
    },
  },
  {
    recipient: 'hidamari-health',
    terms: {
      purposeCode: 'health_promotion',
      purposeText: {
        ja: '健診結果とお買い物の傾向から、あなたに合った食生活のアドバイスをお届けします。',
        en: 'We send dietary advice that suits you, based on your check-up results and shopping.',
      },
      items: [
        { itemId: 'health.checkup#/bloodPressure', required: true },
        { itemId: 'purchase.receipts#/lineItems', required: false },
      ],
      dataRange: { fromDaysAgo: 365 },
      fetch: { type: 'one_time' },
      dataLifeDays: 365,
      benefit: {
        type: 'service',
        description: { ja: '管理栄養士による食生活アドバイス(無料)', en: 'Free dietary advice from a registered dietitian' },
      },
      processingCountries: ['JP'],
      profiling: false,
    },
  },
  {
    recipient: 'machi-research',
    terms: {
      purposeCode: 'statistics',
      purposeText: {
        ja: '移動の記録を集計し、個人が分からない形で街づくりの統計を作ります。',
        en: 'We aggregate trips into statistics for urban planning that identify no one.',
      },
      items: [
        { itemId: 'mobility.trips#/startedAt', required: true },
        { itemId: 'mobility.trips#/mode', required: true },
      ],
      dataRange: { fromDaysAgo: 30 },
      fetch: { type: 'one_time' },
      dataLifeDays: 90,
      benefit: { type: 'social', description: { ja: '地域の公共交通の改善に役立ちます', en: 'Helps improve local public transport' } },
      processingCountries: ['JP'],
      profiling: false,
    },
  },
];

/** The demo board members who approve the demo offers: a legal and a consumer voice (external) and an engineer. */
export const DEMO_APPROVERS = ['legal', 'consumer', 'engineer'] as const;

/** Offers stay valid for two years from seeding. */
const VALIDITY_MS = 2 * 365 * 24 * 60 * 60 * 1000;

/**
 * Drafts, submits and approves each demo offer: the recipient submits it, the case opens as the
 * worker would open it, and three demo members approve it. An offer the recipient already has (same
 * purpose and text) is left as it is, so seeding again changes nothing.
 */
export async function seedDemoOffers(
  app: INestApplicationContext,
  recipients: ReadonlyMap<string, string>,
  approverIds: readonly string[],
): Promise<{ recipient: string; id: string; status: string }[]> {
  const seeded = [];
  for (const demo of DEMO_OFFERS) {
    const recipientId = recipients.get(demo.recipient);
    if (recipientId === undefined) throw new Error(`demo offer names unknown recipient ${demo.recipient}`);
    const asRecipient = createRequestContext({ type: 'organisation', id: recipientId, roles: ['recipient'] });
    const existing = (await app.get(ListOwnOffersUseCase).execute(asRecipient)).find(
      (offer) => offer.purposeCode === demo.terms.purposeCode && offer.purposeText.ja === demo.terms.purposeText.ja,
    );
    const offer = existing ?? (await draftAndApprove(app, asRecipient, demo, approverIds));
    seeded.push({ recipient: demo.recipient, id: offer.id, status: offer.status });
  }
  return seeded;
}

async function draftAndApprove(app: INestApplicationContext, asRecipient: RequestContext, demo: DemoOffer, approverIds: readonly string[]) {
  const terms = { ...demo.terms, termsVersion: DEMO_TERMS_VERSION, validUntil: new Date(Date.now() + VALIDITY_MS).toISOString() };
  const draft = await app.get(CreateOfferUseCase).execute(asRecipient, terms);
  const submitted = await app.get(SubmitOfferUseCase).execute(asRecipient, draft.id);
  const opened = await app
    .get(OpenReviewCaseUseCase)
    .execute(createRequestContext({ type: 'system', name: 'seed:demo' }), { offerId: submitted.id, round: submitted.round });
  if (opened.outcome === 'skipped') throw new Error(`the review case for demo offer ${submitted.id} did not open`);
  for (const memberId of approverIds) {
    await app.get(CastVoteUseCase).execute(createRequestContext({ type: 'board_member', id: memberId }), opened.caseId, {
      decision: 'approve',
      reason: '目的・項目・便益が釣り合っており、本人に分かりやすく説明されています。',
    });
  }
  return app
    .get(ListOwnOffersUseCase)
    .execute(asRecipient)
    .then((offers) => offers.find((offer) => offer.id === submitted.id) ?? submitted);
}
