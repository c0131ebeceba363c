import {
  PERIODIC_REPORT_SCHEMA_ID,
  REPORT_TABLES,
  type PeriodicReportContent,
  type ReportRow,
  type ReportTableName,
} from './periodic-report';
import { isReportTable, reportHtml, reportTableCsv } from './report-formats';

const report = (tables: Partial<Record<ReportTableName, ReportRow[]>>): PeriodicReportContent => ({
  $schema: PERIODIC_REPORT_SCHEMA_ID,
  reportId: '00000000-0000-4000-8000-000000000000',
  period: '2026-03',
  from: '2026-02-28T15:00:00.000Z',
  to: '2026-03-31T15:00:00.000Z',
  generatedAt: '2026-04-01T00:00:00.000Z',
  tables: {
    ...(Object.fromEntries(REPORT_TABLES.map((table) => [table, []])) as unknown as Record<ReportTableName, ReportRow[]>),
    ...tables,
  },
  absent: [{ section: 'complaints', reason: '未対応' }],
});

describe('report formats', () => {
  it('Given a table, When exported as CSV, Then columns come in order, text is quoted where needed and formulas stay text', () => {
    const csv = reportTableCsv(
      report({
        provisions: [
          {
            recipientId: 'r1',
            recipientName: '=HYPERLINK("x"), 株式会社',
            purposeCode: 'marketing',
            provisions: 2,
            individuals: 1,
            records: 3,
          },
        ],
      }),
      'provisions',
    );
    expect(csv).toBe(
      'recipientId,recipientName,purposeCode,provisions,individuals,records\r\nr1,"\'=HYPERLINK(""x""), 株式会社",marketing,2,1,3\r\n',
    );
  });

  it('Given names with markup, When printed as HTML, Then they are escaped and the page has no script and no inline style', () => {
    const html = reportHtml(
      report({ overdueRecipients: [{ recipientId: 'r1', recipientName: '<script>alert(1)</script>', overdueNotices: 1234 }] }),
      '/v1/reports/report.css',
    );
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<td>1,234</td>');
    expect(html).toContain('<link rel="stylesheet" href="/v1/reports/report.css">');
    expect(html).not.toMatch(/<script|<style|style=/i);
    expect(html).toContain('<html lang="ja">');
  });

  it('knows its tables', () => {
    expect(isReportTable('consents')).toBe(true);
    expect(isReportTable('constructor')).toBe(false);
  });
});
