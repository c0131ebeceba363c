/**
 * The periodic report to the data ethics board (定期報告): what happened in one month, as tables of
 * counts. Ids and counts only: no individual is named, and recipients appear by id and registered name.
 */

/** A cell: a count, a duration, a code or a name. */
export type ReportCell = string | number | null;

/** One row of a report table. */
export type ReportRow = Record<string, ReportCell>;

/** The tables of a report, in the order they are printed. */
export const REPORT_TABLES = [
  'offerReviews',
  'stopUseOrders',
  'consents',
  'provisions',
  'transfers',
  'denialReasons',
  'notices',
  'overdueRecipients',
  'logVerifications',
  'boardCompositionWarnings',
] as const;

/** A table's name. */
export type ReportTableName = (typeof REPORT_TABLES)[number];

/** How each table is printed: its Japanese title and its columns (key and Japanese heading), in order. */
export const REPORT_TABLE_LAYOUT: Readonly<Record<ReportTableName, { title: string; columns: readonly [string, string][] }>> = {
  offerReviews: {
    title: '審査したオファーと結果',
    columns: [
      ['outcome', '結果'],
      ['count', '件数'],
    ],
  },
  stopUseOrders: {
    title: '利用停止命令',
    columns: [
      ['event', '出来事'],
      ['targetType', '対象の種類'],
      ['count', '件数'],
    ],
  },
  consents: {
    title: '同意（付与・一時停止・再開・撤回・期限切れ）',
    columns: [
      ['event', '出来事'],
      ['source', '同意の出所'],
      ['count', '件数'],
    ],
  },
  provisions: {
    title: '提供先・利用目的ごとの提供',
    columns: [
      ['recipientId', '提供先ID'],
      ['recipientName', '提供先'],
      ['purposeCode', '利用目的'],
      ['provisions', '提供記録数'],
      ['individuals', '本人の数'],
      ['records', 'レコード数'],
    ],
  },
  transfers: {
    title: '提供依頼（状態別）',
    columns: [
      ['status', '状態'],
      ['count', '件数'],
    ],
  },
  denialReasons: {
    title: '提供を拒否した理由',
    columns: [
      ['reason', '理由'],
      ['count', '件数'],
    ],
  },
  notices: {
    title: '提供先への通知と削除証明',
    columns: [
      ['kind', '通知の種類'],
      ['issued', '発行'],
      ['attested', '削除証明済み'],
      ['overdue', '期限超過'],
      ['medianMinutesToAttest', '削除証明までの中央値（分）'],
      ['p95MinutesToAttest', '削除証明までの95パーセンタイル（分）'],
    ],
  },
  overdueRecipients: {
    title: '削除証明が期限を過ぎた提供先（期末時点）',
    columns: [
      ['recipientId', '提供先ID'],
      ['recipientName', '提供先'],
      ['overdueNotices', '期限超過の通知'],
    ],
  },
  logVerifications: {
    title: '透明性ログの全件検証',
    columns: [
      ['verificationId', '検証ID'],
      ['trigger', '実行の契機'],
      ['status', '結果'],
      ['toSize', '検証したログの大きさ'],
      ['failureCount', '不整合の数'],
      ['completedAt', '完了日時'],
    ],
  },
  boardCompositionWarnings: {
    title: '審査会の構成に関する警告（作成時点）',
    columns: [
      ['code', 'コード'],
      ['message', '内容'],
    ],
  },
};

/** What a report cannot cover yet, and why (stated in the report, so that a gap is not read as zero). */
export const REPORT_ABSENT_SECTIONS: readonly { section: string; reason: string }[] = [
  { section: 'disclosureRequests', reason: '開示請求の機能はまだありません（not built yet）' },
  { section: 'complaints', reason: '苦情相談窓口の機能はまだありません（not built yet）' },
];

/** The JSON Schema `$id` every report names. */
export const PERIODIC_REPORT_SCHEMA_ID = 'https://infobank.example/schemas/periodic-report-1.json';

/** The JWS `typ` of a signed report. */
export const PERIODIC_REPORT_TYPE = 'periodic-report+jwt';

/** A periodic report: the content the bank signs. */
export interface PeriodicReportContent {
  $schema: typeof PERIODIC_REPORT_SCHEMA_ID;
  reportId: string;
  period: string;
  /** The month in instants: `[from, to)`. */
  from: string;
  to: string;
  generatedAt: string;
  tables: Record<ReportTableName, ReportRow[]>;
  absent: { section: string; reason: string }[];
}
