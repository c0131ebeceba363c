import { Button, Field, isMessageKey, SelectField, useAction, useAppServices, useI18n, useLoad, type MessageKey } from '@infobank/web-ui';
import { useState, type FormEvent } from 'react';
import type { Report, ReportSummary } from '../api-types';

/** The report's tables, in the order they are printed. */
const REPORT_TABLES = [
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

/** The last month that has ended (YYYY-MM, UTC): the default month to write. */
function lastMonth(): string {
  const now = new Date();
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
}

/** The last UTC day of a period that ends (exclusively) at `end`, as YYYY-MM-DD. */
function lastDayOf(end: string): string {
  return new Date(Date.parse(end) - 1).toISOString().slice(0, 10);
}

/** Saves what a response carries as a file the person downloads. */
export async function download(response: Response, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 定期報告: the reports written so far, and writing one for an ended month on request. */
export function ReportsScreen() {
  const { t, formatDate } = useI18n();
  const { api, navigate } = useAppServices();
  const run = useAction();
  const [period, setPeriod] = useState(lastMonth);
  const { data, error, reload } = useLoad((client) => client.call<{ reports: ReportSummary[] }>('GET', '/v1/reports'));
  const generate = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api.call('POST', '/v1/reports', { body: { period } }), t('board.reports.generated', { period }))) reload();
  };
  return (
    <>
      <h1>{t('board.nav.reports')}</h1>
      <p>{t('board.reports.intro')}</p>
      <section aria-labelledby="generate-report">
        <h2 id="generate-report">{t('board.reports.generate')}</h2>
        <form onSubmit={(event) => void generate(event)} className="inline-form">
          <Field
            label={t('board.reports.period')}
            type="month"
            value={period}
            onChange={(event) => setPeriod(event.target.value)}
            required
          />
          <Button type="submit">{t('board.reports.generateButton')}</Button>
        </form>
      </section>
      <section aria-labelledby="report-list">
        <h2 id="report-list">{t('board.reports.list')}</h2>
        {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
        {data === null ? (
          <p>{t('common.loading')}</p>
        ) : data.reports.length === 0 ? (
          <p>{t('board.reports.none')}</p>
        ) : (
          <table className="data">
            <caption>{t('board.reports.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.reports.period')}</th>
                <th scope="col">{t('board.reports.trigger')}</th>
                <th scope="col">{t('board.reports.generatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.reports.map((report) => (
                <tr key={report.id}>
                  <th scope="row">
                    <a
                      href={`/reports/${report.id}`}
                      aria-label={t('board.reports.open', { period: report.period })}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(`/reports/${report.id}`);
                      }}
                    >
                      {report.period}
                    </a>
                  </th>
                  <td>{t(`board.reports.trigger.${report.trigger}` as MessageKey)}</td>
                  <td>{formatDate(report.generatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** One report: its tables, printing (the console's print stylesheet leaves only the report), JSON and CSV downloads. */
export function ReportScreen({ reportId }: { reportId: string }) {
  const { t, formatDate } = useI18n();
  const { api, navigate } = useAppServices();
  const run = useAction();
  const [csvTable, setCsvTable] = useState<(typeof REPORT_TABLES)[number]>('provisions');
  const { data, error } = useLoad((client) => client.call<Report>('GET', `/v1/reports/${reportId}`), [reportId]);
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (data === null) return <p>{t('common.loading')}</p>;
  const { report } = data;
  const downloadJson = () =>
    run(async () =>
      download(await api.call<Response>('GET', `/v1/reports/${reportId}?format=json`, { raw: true }), `report-${data.period}.json`),
    );
  const downloadCsv = () =>
    run(async () =>
      download(
        await api.call<Response>('GET', `/v1/reports/${reportId}?format=csv&table=${csvTable}`, { raw: true }),
        `report-${data.period}-${csvTable}.csv`,
      ),
    );
  return (
    <article className="report">
      <p className="no-print">
        <a
          href="/reports"
          onClick={(event) => {
            event.preventDefault();
            navigate('/reports');
          }}
        >
          {t('board.reports.back')}
        </a>
      </p>
      <h1>{t('board.reports.title', { period: data.period })}</h1>
      <p>{t('board.reports.range', { from: report.from.slice(0, 10), to: lastDayOf(report.to) })}</p>
      <p>
        {t('board.reports.generatedAt')}: {formatDate(data.generatedAt)} ({t(`board.reports.trigger.${data.trigger}` as MessageKey)})
      </p>
      <div className="button-row no-print">
        <Button onClick={() => window.print()}>{t('board.reports.print')}</Button>
        <Button tone="secondary" onClick={() => void downloadJson()}>
          {t('board.reports.downloadJson')}
        </Button>
        <SelectField
          label={t('board.reports.csvTable')}
          value={csvTable}
          onChange={(event) => setCsvTable(event.target.value as typeof csvTable)}
        >
          {REPORT_TABLES.map((table) => (
            <option key={table} value={table}>
              {t(`board.reports.table.${table}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <Button tone="secondary" onClick={() => void downloadCsv()}>
          {t('board.reports.downloadCsv')}
        </Button>
      </div>
      {REPORT_TABLES.map((table) => {
        const rows = report.tables[table] ?? [];
        const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
        return (
          <section key={table} aria-labelledby={`table-${table}`}>
            <h2 id={`table-${table}`}>{t(`board.reports.table.${table}` as MessageKey)}</h2>
            {rows.length === 0 ? (
              <p>{t('board.reports.empty')}</p>
            ) : (
              <div className="table-scroll">
                <table className="data">
                  <caption>{t(`board.reports.table.${table}` as MessageKey)}</caption>
                  <thead>
                    <tr>
                      {columns.map((column) => (
                        <th key={column} scope="col">
                          {isMessageKey(`board.reports.column.${column}`) ? t(`board.reports.column.${column}` as MessageKey) : column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row, index) => (
                      <tr key={index}>
                        {columns.map((column) => (
                          <td key={column}>{row[column] ?? '—'}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
      {report.absent.length > 0 ? (
        <section aria-labelledby="absent">
          <h2 id="absent">{t('board.reports.absent')}</h2>
          <ul className="plain">
            {report.absent.map((absent) => (
              <li key={absent.section}>{absent.reason}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
