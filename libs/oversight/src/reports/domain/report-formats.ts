import { REPORT_TABLE_LAYOUT, REPORT_TABLES, type PeriodicReportContent, type ReportCell, type ReportTableName } from './periodic-report';

/** Whether a name is one of the report's tables. */
export function isReportTable(name: unknown): name is ReportTableName {
  return typeof name === 'string' && (REPORT_TABLES as readonly string[]).includes(name);
}

/** One table as CSV (RFC 4180: CRLF, quoted where needed), headed by the column keys. */
export function reportTableCsv(report: PeriodicReportContent, table: ReportTableName): string {
  const columns = REPORT_TABLE_LAYOUT[table].columns.map(([key]) => key);
  const lines = [columns.map(csvCell).join(',')];
  for (const row of report.tables[table]) lines.push(columns.map((column) => csvCell(row[column] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: ReportCell): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet: prefix it so it stays text.
  const safe = /^[=+\-@]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The printable Japanese page of a report: no script, no inline style (the stylesheet is a served file). */
export function reportHtml(report: PeriodicReportContent, stylesheetUrl: string): string {
  const sections = REPORT_TABLES.map((table) => {
    const layout = REPORT_TABLE_LAYOUT[table];
    const rows = report.tables[table];
    const head = layout.columns.map(([, heading]) => `<th scope="col">${escapeHtml(heading)}</th>`).join('');
    const body =
      rows.length === 0
        ? `<tr><td colspan="${layout.columns.length}">該当なし</td></tr>`
        : rows
            .map((row) => `<tr>${layout.columns.map(([key]) => `<td>${escapeHtml(formatCell(row[key] ?? null))}</td>`).join('')}</tr>`)
            .join('\n');
    return `<section><h2>${escapeHtml(layout.title)}</h2>\n<table><thead><tr>${head}</tr></thead>\n<tbody>${body}</tbody></table></section>`;
  }).join('\n');
  const absent = report.absent.map((item) => `<li>${escapeHtml(item.reason)}</li>`).join('');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>定期報告 ${escapeHtml(report.period)}</title>
<link rel="stylesheet" href="${escapeHtml(stylesheetUrl)}">
</head>
<body>
<header>
<h1>データ倫理審査会への定期報告（${escapeHtml(report.period)}）</h1>
<p>対象期間: ${escapeHtml(report.from)} から ${escapeHtml(report.to)} まで（日本時間の暦月）。作成: ${escapeHtml(report.generatedAt)}。報告ID: ${escapeHtml(report.reportId)}</p>
<p>この報告の JSON は情報銀行の鍵で署名されています。公開鍵（/.well-known/jwks.json）で検証できます。</p>
</header>
<main>
${sections}
<section><h2>未対応の項目</h2><ul>${absent}</ul></section>
</main>
</body>
</html>
`;
}

function formatCell(value: ReportCell): string {
  if (value === null) return '—';
  return typeof value === 'number' ? value.toLocaleString('ja-JP') : value;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The report page's stylesheet (served as a file, since the CSP refuses inline styles). */
export const REPORT_STYLESHEET = `body { font-family: "Hiragino Sans", "Noto Sans JP", sans-serif; margin: 2rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #888; }
table { border-collapse: collapse; width: 100%; margin-top: 0.5rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; }
td { font-variant-numeric: tabular-nums; }
@media print { body { margin: 0; } section { break-inside: avoid; } }
`;
