import type { AppConfig, RequestContext } from '@infobank/platform';
import { ONWARD_TRANSFER } from '@infobank/offers';
import { boardComposition, type ListBoardMembersUseCase } from '@infobank/review';
import type { EvidenceSection, EvidenceText } from '../domain/evidence';
import type { EvidenceBreakdown, EvidencePeriod, EvidenceQueries, EvidenceSample, EvidenceTotal } from '../infrastructure/evidence.queries';
import { INCIDENT_HANDLERS } from '../../incidents/application/incident-access';
import { INCIDENT_NOTIFY_PAGE } from '../../incidents/application/notify-incident-page.use-case';
import type { EvidenceSectionProducer } from './evidence-section-producer';

/** What a section is made of: which counts, samples and configuration, and the tests that cover the control. */
export interface SectionRecipe {
  id: string;
  requirement: EvidenceText;
  control: EvidenceText;
  breakdowns?: EvidenceBreakdown[];
  totals?: EvidenceTotal[];
  samples?: EvidenceSample[];
  configuration?: (config: AppConfig) => Record<string, string | number | boolean>;
  logVerification?: boolean;
  extra?: (ctx: RequestContext, period: EvidencePeriod | null) => Promise<Partial<EvidenceSection['evidence']>>;
  tests: string[];
}

/**
 * The producers of the requirements met by the consent, provision, withdrawal, board, security and incident
 * controls (complaints and disclosure have theirs in complaints-disclosure-evidence-producers.ts).
 */
export function coreEvidenceProducers(
  queries: EvidenceQueries,
  config: AppConfig,
  boardMembers: ListBoardMembersUseCase,
): EvidenceSectionProducer[] {
  const recipes: SectionRecipe[] = [
    {
      id: 'controllability.conditions',
      requirement: {
        ja: '提供先・利用目的・データ範囲の指定と変更（同意）',
        en: 'Choosing and changing recipients, purposes and data items (consent)',
      },
      control: {
        ja: '本人は承認済みの提供条件ごとに同意し（任意項目の選択、都度確認、予め指定した条件）、いつでも一時停止・撤回できる。同意の各事象は銀行が署名した受領証と透明性ログの葉になる。',
        en: 'Individuals consent per approved offer (optional items, ask mode, standing conditions) and pause or revoke at any time; every event yields a signed receipt and a transparency-log leaf.',
      },
      breakdowns: ['consentsByStatus', 'consentsBySource', 'consentsByMode', 'consentEventsByType', 'approvalRequestsByStatus'],
      totals: ['standingConditions'],
      samples: ['consents'],
      configuration: (settings) => ({ CONSENT_APPROVAL_TIMEOUT_HOURS: settings.consent.approvalTimeoutHours }),
      tests: [
        'test/e2e/portal/consents.e2e-spec.ts',
        'test/e2e/portal/approvals.e2e-spec.ts',
        'test/e2e/portal/standing-conditions.e2e-spec.ts',
        'libs/consent/src/consents/domain/consent.spec.ts',
        'libs/consent/src/consents/domain/may-provide.spec.ts',
      ],
    },
    {
      id: 'controllability.history',
      requirement: { ja: '提供履歴の閲覧（トレーサビリティ）', en: 'Provision history (traceability)' },
      control: {
        ja: '提供は受け取り時に提供記録として確定し、本人は提供履歴で誰に何をいつ渡したかを見て、署名済みチェックポイントへの包含証明をブラウザーで検証できる。',
        en: 'Each provision is recorded at download; individuals read who received what and when, and verify its inclusion proof against a signed checkpoint in their browser.',
      },
      totals: ['provisions', 'provisionRecipients', 'provisionedRecords', 'latestTreeSize'],
      samples: ['provisions'],
      logVerification: true,
      tests: [
        'test/e2e/portal/provisions.e2e-spec.ts',
        'test/e2e/platform/transparency-log.e2e-spec.ts',
        'test/browser/portal-web.browser-spec.ts',
      ],
    },
    {
      id: 'controllability.stop',
      requirement: { ja: '第三者提供・利用の停止（同意の撤回、削除）', en: 'Stopping provision and use (withdrawal, erasure)' },
      control: {
        ja: '撤回・期限切れ・消去が確定すると、以後の提供は行われず（ロック下で再確認）、データを持つ提供先へ通知し、削除証明を求め、期限超過は審査会へ上げる。',
        en: 'Once a withdrawal, expiry or erasure commits no provision follows (re-checked under lock); recipients holding the data get a notice, attest deletion, and overdue notices go to the board.',
      },
      breakdowns: ['noticesByStatus', 'noticesByKind'],
      samples: ['notices'],
      configuration: (settings) => ({ NOTICE_DUE_MINUTES: settings.notices.dueMinutes }),
      tests: [
        'test/e2e/gateway/withdrawal-flow.e2e-spec.ts',
        'test/e2e/gateway/revocation-race.e2e-spec.ts',
        'test/e2e/gateway/notices.e2e-spec.ts',
        'test/e2e/portal/withdrawal.e2e-spec.ts',
        'test/e2e/portal/data.e2e-spec.ts',
      ],
    },
    {
      id: 'board.composition',
      requirement: { ja: 'データ倫理審査会の構成（外部委員を含む）', en: 'Data ethics board composition (with outside members)' },
      control: {
        ja: '委員は専門分野と外部性を持ち、構成の不足は警告として示される。',
        en: 'Members carry their field and whether they are external; gaps in composition are raised as warnings.',
      },
      breakdowns: ['membersByExternal', 'membersByExpertise'],
      samples: ['boardMembers'],
      extra: async (ctx) => {
        const composition = boardComposition(await boardMembers.execute(ctx));
        return { configuration: { compositionWarnings: composition.warnings.map((warning) => warning.code).join(',') || 'none' } };
      },
      tests: ['test/e2e/ethics-board/composition.e2e-spec.ts', 'libs/review/src/review/domain/board-composition.spec.ts'],
    },
    {
      id: 'board.decisions',
      requirement: {
        ja: '審査会による審査・判断と利用停止、定期報告',
        en: 'Board reviews, decisions, stop-use orders and periodic reports',
      },
      control: {
        ja: '提供条件は定足数（外部委員を含む）の票で承認され、判断は署名される。2名の委員で利用停止を発効し、毎月の定期報告が署名付きで残る。',
        en: 'Offers are approved by a quorum including an outside member and decisions are signed; two members make a stop-use order effective; monthly reports are signed and kept.',
      },
      breakdowns: ['casesByOutcome', 'ordersByStatus', 'offersByStatus'],
      totals: ['decisionsSigned', 'periodicReports'],
      samples: ['reviewCases', 'orders'],
      tests: [
        'test/e2e/ethics-board/cases.e2e-spec.ts',
        'test/e2e/ethics-board/review-flow.e2e-spec.ts',
        'test/e2e/ethics-board/orders.e2e-spec.ts',
        'test/e2e/ethics-board/reports.e2e-spec.ts',
      ],
    },
    {
      id: 'onward-transfer-ban',
      requirement: { ja: '提供先による再提供の禁止', en: 'Onward transfer by recipients is forbidden' },
      control: {
        ja: 'すべての提供条件は再提供禁止を掲げ、提供先ごとの仮名IDで渡すため、流出したファイルは出どころの提供先・転送・パートを特定できる（漏えい追跡）。',
        en: 'Every offer states that onward transfer is forbidden; data goes out under per-recipient pseudonymous ids, so a leaked file names its recipient, transfer and part (leak tracing).',
      },
      breakdowns: ['transfersByStatus'],
      totals: ['pseudonymousSubjects'],
      samples: ['offers', 'transfers'],
      configuration: () => ({
        onwardTransfer: ONWARD_TRANSFER,
        pseudonymousIds: 'HMAC-SHA-256 per recipient',
        leakTracing: 'POST /v1/audit/trace',
      }),
      tests: [
        'test/e2e/ethics-board/leak-tracing.e2e-spec.ts',
        'test/e2e/gateway/transfers.e2e-spec.ts',
        'test/e2e/gateway/offers.e2e-spec.ts',
      ],
    },
    {
      id: 'provision-records',
      requirement: { ja: '提供記録の作成と保存（検証可能）', en: 'Provision records, kept and verifiable' },
      control: {
        ja: '提供記録と同意の事象は追記のみ（トリガーと権限）で、一つのマークル透明性ログの葉となり、審査会は全体の検証を実行できる。',
        en: 'Provision records and consent events are append-only (trigger and grants) and leaves of one Merkle transparency log that the board verifies in full.',
      },
      totals: ['provisions', 'logLeaves', 'unsealedLeaves', 'checkpoints'],
      samples: ['provisions'],
      configuration: (settings) => ({ LOG_VERIFICATION_EVERY_HOURS: settings.oversight.logVerificationIntervalHours }),
      logVerification: true,
      tests: [
        'test/e2e/ethics-board/audit.e2e-spec.ts',
        'libs/oversight/src/log-verification/application/log-verification.int-spec.ts',
        'prisma-free-migrations/migrations.int-spec.ts',
      ],
    },
    {
      id: 'security-controls',
      requirement: {
        ja: '安全管理措置（暗号化、鍵管理、認証、最小権限）',
        en: 'Security controls (encryption, keys, authentication, least privilege)',
      },
      control: {
        ja: '預託データは本人ごとのデータ鍵で暗号化し鍵暗号鍵を世代で更新する。事業者は private_key_jwt と DPoP で認証し、アプリは所有者でも特権でもないロールで接続する。',
        en: 'Deposits are encrypted under per-individual data keys wrapped by rotating KEK generations; organisations authenticate with private_key_jwt and DPoP; apps connect as a role that is neither owner nor superuser.',
      },
      breakdowns: ['kekGenerationsByState', 'organisationsByStatus'],
      totals: ['dataKeys', 'organisationSigningKeys'],
      samples: ['organisations'],
      configuration: (settings) => ({
        NODE_ENV: settings.environment,
        KEK_ROTATION_DAYS: settings.kekGenerations.rotationDays,
        BACKUP_RETENTION_DAYS: settings.kekGenerations.backupRetentionDays,
        DATABASE_SSL: settings.database.ssl,
        HTTP_BODY_LIMIT_BYTES: settings.http.bodyLimitBytes,
        packageEncryption: 'JWS EdDSA, then JWE ECDH-ES+A256KW/A256GCM',
      }),
      tests: [
        'prisma-free-migrations/least-privilege.int-spec.ts',
        'test/e2e/gateway/client-authentication.e2e-spec.ts',
        'test/e2e/intake/client-authentication.e2e-spec.ts',
        'test/e2e/platform/bodies-and-errors.e2e-spec.ts',
      ],
    },
    {
      id: 'incident-handling',
      requirement: {
        ja: '事故発生時の対応（影響範囲の特定、本人への通知、報告）',
        en: 'Incident handling (impact, telling individuals, reporting)',
      },
      control: {
        ja: '事案を開くと提供記録または預託データから影響を受けた本人・項目・件数を特定し、各本人へ一度だけ通知し、本人は提供履歴で確認できる。個人情報保護委員会向けの報告は個人データを含まない。',
        en: 'Opening an incident finds the affected individuals, items and records from the provision records or the vault; each is told once and sees it in their history; the regulator report holds no personal data.',
      },
      breakdowns: ['incidentsByState', 'incidentsByKind'],
      totals: ['individualsAffected', 'individualsNotified'],
      samples: ['incidents'],
      configuration: () => ({
        handlers: INCIDENT_HANDLERS.join(','),
        notifyPageSize: INCIDENT_NOTIFY_PAGE,
        regulatorReport: 'GET /v1/incidents/:id/regulator-report',
      }),
      tests: [
        'test/e2e/ethics-board/incidents.e2e-spec.ts',
        'apps/worker/src/processors/incidents.processor.int-spec.ts',
        'libs/oversight/src/incidents/domain/incident.spec.ts',
      ],
    },
  ];
  return recipes.map((recipe) => recipeProducer(queries, config, recipe));
}

/** The producer of a section made from a recipe. */
export function recipeProducer(queries: EvidenceQueries, config: AppConfig, recipe: SectionRecipe): EvidenceSectionProducer {
  return { id: recipe.id, produce: (ctx, period) => produceSection(queries, config, recipe, ctx, period) };
}

async function produceSection(
  queries: EvidenceQueries,
  config: AppConfig,
  recipe: SectionRecipe,
  ctx: RequestContext,
  period: EvidencePeriod | null,
): Promise<EvidenceSection> {
  const counts: Record<string, number> = {};
  for (const name of recipe.breakdowns ?? []) Object.assign(counts, await queries.breakdown(ctx, name, period));
  for (const name of recipe.totals ?? []) counts[name] = await queries.total(ctx, name, period);
  const sampleIds = (await Promise.all((recipe.samples ?? []).map((name) => queries.samples(ctx, name, period)))).flat();
  const extra = recipe.extra === undefined ? {} : await recipe.extra(ctx, period);
  return {
    id: recipe.id,
    requirement: recipe.requirement,
    control: recipe.control,
    evidence: {
      counts: { ...counts, ...extra.counts },
      sampleIds,
      configuration: { ...recipe.configuration?.(config), ...extra.configuration },
      ...(recipe.logVerification ? { logVerification: await queries.latestLogVerification(ctx) } : {}),
      tests: recipe.tests,
    },
  };
}
