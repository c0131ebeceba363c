import type { AppConfig } from '@infobank/platform';
import type { EvidenceQueries } from '../infrastructure/evidence.queries';
import { recipeProducer } from './core-evidence-producers';
import type { EvidenceSectionProducer } from './evidence-section-producer';

/**
 * The producers of the complaints desk (苦情相談窓口) and disclosure requests (開示請求, the fourth controllability
 * function). Both read the tables of the libraries that own them (rights' complaints, disclosure's requests) as
 * counts, timers and ids only: disclosure ranks above oversight, and neither owner has a read for the bank itself.
 */
export function complaintsAndDisclosureEvidenceProducers(queries: EvidenceQueries, config: AppConfig): EvidenceSectionProducer[] {
  return [
    recipeProducer(queries, config, {
      id: 'disclosure',
      requirement: {
        ja: '保有個人データと第三者提供記録の開示（コントローラビリティ）',
        en: 'Disclosure of the personal data held and of provision records (controllability)',
      },
      control: {
        ja: '本人はポータルから開示を請求でき、ワーカーが期限（DISCLOSURE_DUE_DAYS）内に、登録情報・連携・全版のデータ・同意と受領証・提供記録と証明・便益・通知・苦情をまとめ、銀行が署名した目録と公開 JSON Schema を付けて暗号化して保存する。本人だけが短時間のトークンで受け取れ、7日後に削除される。審査会は期限の順守状況を見る。',
        en: 'Individuals request disclosure in the portal; within DISCLOSURE_DUE_DAYS the worker builds their account, links, every record version, consents with receipts, provisions with proofs, benefits, notices and complaints into a bundle with a manifest signed by the bank and published JSON Schemas, stored encrypted. Only they download it, with a short-lived token; it is deleted after 7 days. The board reads how timely the bank is.',
      },
      breakdowns: ['disclosuresByStatus', 'disclosuresByFormat'],
      samples: ['disclosures'],
      configuration: (settings) => ({
        DISCLOSURE_DUE_DAYS: settings.disclosure.dueDays,
        DISCLOSURE_TOKEN_SECONDS: settings.disclosure.downloadTokenSeconds,
        boardTimeliness: 'GET /v1/audit/disclosures',
      }),
      extra: async (ctx, period) => ({
        counts: prefixed('disclosureTimeliness', await queries.disclosureTimeliness(ctx, period, ctx.now())),
      }),
      tests: [
        'test/e2e/portal/disclosures.e2e-spec.ts',
        'test/browser/disclosures.browser-spec.ts',
        'libs/disclosure/src/disclosures/domain/disclosure.spec.ts',
        'libs/disclosure/src/disclosures/domain/disclosure-bundle.spec.ts',
        'libs/disclosure/src/disclosures/domain/disclosure-schemas.spec.ts',
      ],
    }),
    recipeProducer(queries, config, {
      id: 'complaints',
      requirement: {
        ja: '苦情相談窓口の設置と一義的な説明責任',
        en: 'A complaints desk bearing first-line accountability',
      },
      control: {
        ja: '本人はポータルから苦情を出し、やり取りを追える。窓口担当（staff）が受付・回答・追加情報の依頼・審査会への付託・説明を添えた完了を行い、各手順は日時と担当者とともに記録される。初回回答と解決の期限（COMPLAINT_FIRST_REPLY_HOURS, COMPLAINT_RESOLVE_DAYS）を超えたものは一覧に上がり、審査会は付託された苦情と分類・提供先ごとの件数を見る。',
        en: 'Individuals file complaints in the portal and follow the thread; desk staff triage, reply, ask for information, escalate to the board and close with an explanation, each step recorded with its time and who took it. Complaints past the first-reply and resolution times (COMPLAINT_FIRST_REPLY_HOURS, COMPLAINT_RESOLVE_DAYS) are listed as overdue; the board sees escalated complaints and counts by category and recipient.',
      },
      breakdowns: ['complaintsByStatus', 'complaintsByCategory', 'complaintEventsByType'],
      totals: ['complaintsEscalated', 'deskStaff'],
      samples: ['complaints', 'escalatedComplaints'],
      configuration: (settings) => ({
        COMPLAINT_FIRST_REPLY_HOURS: settings.complaints.firstReplyHours,
        COMPLAINT_RESOLVE_DAYS: settings.complaints.resolveDays,
        overdueList: 'GET /v1/desk/complaints/overdue',
      }),
      extra: async (ctx, period) => ({
        counts: prefixed('sla', await queries.complaintTimers(ctx, period, config.complaints, ctx.now())),
      }),
      tests: [
        'test/e2e/ethics-board/complaints.e2e-spec.ts',
        'test/browser/complaints.browser-spec.ts',
        'libs/rights/src/complaints/domain/complaint.spec.ts',
      ],
    }),
  ];
}

/** Counts under the name of what they measure, e.g. `sla.firstReplyOverdue`. */
function prefixed(name: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([key, n]) => [`${name}.${key}`, n]));
}
