import type { IncidentKind, IncidentState } from './incident';

/** Text in Japanese and English. */
export interface BilingualText {
  ja: string;
  en: string;
}

/** A data item (or, for vault breaches, a data category) and how people read it. */
export interface ExposedItem {
  id: string;
  label: BilingualText;
}

/** What one affected individual is told: where it happened, when, what of theirs was exposed, what they can do. */
export interface AffectedNotice {
  kind: IncidentKind;
  /** The organisation where it happened (recipient or provider); null for the bank itself. */
  organisationName: BilingualText | null;
  from: Date;
  to: Date;
  items: ExposedItem[];
  records: number;
}

/** The portal notification (お知らせ) of kind `incident_affecting_me` for one affected individual. */
export function incidentNotificationMessage(notice: AffectedNotice): { title: BilingualText; lines: { ja: string[]; en: string[] } } {
  const where = whereItHappened(notice);
  const window = { ja: `${jst(notice.from)}〜${jst(notice.to)}`, en: `${jst(notice.from)} to ${jst(notice.to)} (Japan time)` };
  const items = { ja: notice.items.map((item) => item.label.ja).join('、'), en: notice.items.map((item) => item.label.en).join(', ') };
  return {
    title: { ja: '情報漏えい等の事案についてのお知らせ', en: 'An incident affecting your data' },
    lines: {
      ja: [
        `${where.ja}で情報漏えい等の事案が発生し、あなたのデータが含まれていた可能性があります（対象期間: ${window.ja}）。`,
        `対象となったデータ: ${items.ja}（${notice.records}件）。`,
        '「提供履歴」で関係する提供を確認できます。「同意の管理」から同意を撤回すると、今後の提供を止められます。',
        'ご不明な点や被害が心配な場合は、苦情相談窓口にご相談ください。情報銀行は本人に対する責任を負います。',
      ],
      en: [
        `An incident at ${where.en} may have exposed your data (period: ${window.en}).`,
        `Data concerned: ${items.en} (${notice.records} record${notice.records === 1 ? '' : 's'}).`,
        'Your provision history shows the provisions it concerns. Revoking consent under "Consents" stops further provision.',
        'If you have questions or fear harm, contact the complaints desk. The information bank is answerable to you.',
      ],
    },
  };
}

function whereItHappened(notice: AffectedNotice): BilingualText {
  const name = { ja: notice.organisationName?.ja ?? '', en: notice.organisationName?.en ?? notice.organisationName?.ja ?? '' };
  switch (notice.kind) {
    case 'recipient_breach':
      return { ja: `提供先「${name.ja}」`, en: `the recipient "${name.en}"` };
    case 'provider_breach':
      return {
        ja: `情報銀行（情報提供元「${name.ja}」からお預かりしたデータ）`,
        en: `the information bank (data deposited by "${name.en}")`,
      };
    case 'bank_breach':
      return { ja: '情報銀行', en: 'the information bank' };
  }
}

/** An instant as Japan time, `YYYY-MM-DD HH:mm`. */
function jst(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** What the regulator report says about one incident's handling so far. */
export interface RegulatorReportFacts {
  incidentId: string;
  kind: IncidentKind;
  state: IncidentState;
  organisation: { id: string; corporateNumber: string | null; name: BilingualText | null } | null;
  discoveredAt: Date;
  from: Date;
  to: Date;
  numberOfPeople: number;
  records: number;
  items: ExposedItem[];
  cause: string;
  measures: string | null;
  notifiedPeople: number;
  notificationStartedAt: Date | null;
  notificationCompletedAt: Date | null;
  stopUseOrderId: string | null;
  generatedAt: Date;
}

/** The JSON `$schema`-like tag of a regulator report. */
export const REGULATOR_REPORT_FORMAT = 'infobank-incident-report/1';

/**
 * The report to the Personal Information Protection Commission (個人情報保護委員会への報告) in the fields it
 * asks for: counts, items, cause, measures and how individuals were told. Holds no individual's id, name,
 * e-mail or record content: only counts and item names.
 */
export function regulatorReport(facts: RegulatorReportFacts): Record<string, unknown> {
  return {
    format: REGULATOR_REPORT_FORMAT,
    labels: REGULATOR_REPORT_LABELS,
    incidentId: facts.incidentId,
    kind: facts.kind,
    state: facts.state,
    organisation: facts.organisation,
    discoveredAt: facts.discoveredAt.toISOString(),
    period: { from: facts.from.toISOString(), to: facts.to.toISOString() },
    numberOfPeople: facts.numberOfPeople,
    records: facts.records,
    items: facts.items,
    cause: facts.cause,
    measures: facts.measures,
    responseToIndividuals: {
      notifiedPeople: facts.notifiedPeople,
      startedAt: facts.notificationStartedAt?.toISOString() ?? null,
      completedAt: facts.notificationCompletedAt?.toISOString() ?? null,
    },
    stopUseOrderId: facts.stopUseOrderId,
    generatedAt: facts.generatedAt.toISOString(),
  };
}

/** The Japanese (and English) name of each field of the regulator report, as the Commission's form words them. */
export const REGULATOR_REPORT_LABELS: Readonly<Record<string, BilingualText>> = {
  kind: { ja: '事案の区分', en: 'Kind of incident' },
  organisation: { ja: '発生した事業者', en: 'Organisation where it occurred' },
  discoveredAt: { ja: '発覚日', en: 'Date discovered' },
  period: { ja: '発生期間', en: 'Period of occurrence' },
  numberOfPeople: { ja: '漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数', en: 'Number of people' },
  records: { ja: '個人データの件数', en: 'Number of records' },
  items: { ja: '漏えい等が発生し、又は発生したおそれがある個人データの項目', en: 'Items of personal data' },
  cause: { ja: '原因', en: 'Cause' },
  measures: { ja: '再発防止のための措置', en: 'Measures against recurrence' },
  responseToIndividuals: { ja: '本人への対応の実施状況', en: 'Response to the individuals' },
  stopUseOrderId: { ja: '利用停止命令', en: 'Stop-use order' },
};
