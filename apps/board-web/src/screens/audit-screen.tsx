import { Button, Field, SelectField, useAction, useAppServices, useI18n, useLoad, type MessageKey } from '@infobank/web-ui';
import { useState, type FormEvent } from 'react';
import type { Text } from '../api-types';
import { BarChart } from './bar-chart';
import { LogVerificationPanel } from './log-verification-panel';
import { PublicStatistics } from './public-statistics';

const BUCKETS = ['month', 'week', 'day'] as const;
const TRANSFER_STATUSES = ['requested', 'processing', 'ready', 'delivered', 'expired', 'cancelled'] as const;

interface Filter {
  recipient: string;
  purpose: string;
  category: string;
  from: string;
  to: string;
  bucket: (typeof BUCKETS)[number];
  status: string;
}

interface AuditedProvision {
  id: string;
  subjectId: string;
  recipient: { id: string; name: Text };
  purposeCode: string;
  items: string[];
  records: number;
  providedAt: string;
  leafIndex: number | null;
}

interface AuditedTransfer {
  id: string;
  recipientId: string;
  status: string;
  parts: number;
  requestedAt: string;
  subjects: { delivered: number; denied: number };
}

interface SummaryCell {
  bucketStart: string;
  provisions: number;
  subjects: number;
  records: number;
}

const EMPTY: Filter = { recipient: '', purpose: '', category: '', from: '', to: '', bucket: 'month', status: '' };

/** The query string of a filter: dates become UTC instants, `to` the start of the day after (exclusive). */
function queryOf(filter: Filter, keys: (keyof Filter)[]): string {
  const parameters = new URLSearchParams();
  for (const key of keys) {
    const value = filter[key].trim();
    if (value === '') continue;
    if (key === 'from') parameters.set(key, `${value}T00:00:00Z`);
    else if (key === 'to') parameters.set(key, new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString());
    else parameters.set(key, value);
  }
  return parameters.toString();
}

/** 監査: provisions and transfers with filters and a chart over time, log verification runs, the public statistics. */
export function AuditScreen() {
  const { t, pick, formatDate } = useI18n();
  const { api, navigate } = useAppServices();
  const run = useAction();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  // Further pages of provision records, fetched with the previous page's cursor (cleared by a new filter).
  const [further, setFurther] = useState<{ provisions: AuditedProvision[]; nextCursor: string | null } | null>(null);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const provisionQuery = queryOf(filter, ['recipient', 'purpose', 'category', 'from', 'to']);
  const { data, error } = useLoad(
    async (api) => {
      const [summary, provisions, transfers] = await Promise.all([
        api.call<{ cells: SummaryCell[] }>(
          'GET',
          `/v1/audit/provisions/summary?${queryOf(filter, ['recipient', 'purpose', 'category', 'from', 'to', 'bucket'])}`,
        ),
        api.call<{ provisions: AuditedProvision[]; nextCursor: string | null }>('GET', `/v1/audit/provisions?${provisionQuery}&limit=50`),
        api.call<{ transfers: AuditedTransfer[]; denialReasons: { reason: string; subjects: number }[] }>(
          'GET',
          `/v1/audit/transfers?${queryOf(filter, ['recipient', 'status', 'from', 'to'])}&limit=50`,
        ),
      ]);
      return { summary, provisions, transfers };
    },
    [filter],
  );
  const set = (key: keyof Filter) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFurther(null);
    setFilter(draft);
  };
  const nextCursor = further ? further.nextCursor : (data?.provisions.nextCursor ?? null);
  const showMore = (cursor: string) =>
    run(async () => {
      const page = await api.call<{ provisions: AuditedProvision[]; nextCursor: string | null }>(
        'GET',
        `/v1/audit/provisions?${provisionQuery}&limit=50&cursor=${encodeURIComponent(cursor)}`,
      );
      setFurther({ provisions: [...(further?.provisions ?? []), ...page.provisions], nextCursor: page.nextCursor });
    });
  const byBucket = new Map<string, SummaryCell>();
  for (const cell of data?.summary.cells ?? []) {
    const total = byBucket.get(cell.bucketStart) ?? { bucketStart: cell.bucketStart, provisions: 0, subjects: 0, records: 0 };
    byBucket.set(cell.bucketStart, {
      ...total,
      provisions: total.provisions + cell.provisions,
      subjects: total.subjects + cell.subjects,
      records: total.records + cell.records,
    });
  }
  const buckets = [...byBucket.values()].sort((left, right) => left.bucketStart.localeCompare(right.bucketStart));
  const bucketName = t(`board.audit.bucket.${filter.bucket}` as MessageKey);
  const openRecipient = (id: string) => (event: { preventDefault(): void }) => {
    event.preventDefault();
    navigate(`/audit/recipients/${id}`);
  };
  return (
    <>
      <h1>{t('board.nav.audit')}</h1>
      <p>{t('board.audit.intro')}</p>
      <form onSubmit={apply} aria-label={t('board.audit.filters')} className="filters">
        <Field label={t('board.audit.recipient')} value={draft.recipient} onChange={set('recipient')} />
        <Field label={t('board.audit.purpose')} value={draft.purpose} onChange={set('purpose')} />
        <Field label={t('board.audit.category')} value={draft.category} onChange={set('category')} />
        <Field label={t('board.audit.from')} type="date" value={draft.from} onChange={set('from')} />
        <Field label={t('board.audit.to')} type="date" value={draft.to} onChange={set('to')} />
        <SelectField label={t('board.audit.bucket')} value={draft.bucket} onChange={set('bucket')}>
          {BUCKETS.map((bucket) => (
            <option key={bucket} value={bucket}>
              {t(`board.audit.bucket.${bucket}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('board.audit.transferStatus')} value={draft.status} onChange={set('status')}>
          <option value="">{t('board.audit.anyStatus')}</option>
          {TRANSFER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </SelectField>
        <Button type="submit">{t('board.audit.apply')}</Button>
      </form>
      {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="chart">
            <h2 id="chart">{t('board.audit.chart')}</h2>
            {buckets.length === 0 ? (
              <p>{t('board.audit.noActivity')}</p>
            ) : (
              <>
                <BarChart
                  label={t('board.audit.chartLabel', {
                    bucket: bucketName,
                    summary: buckets.map((bucket) => `${formatDate(bucket.bucketStart)} ${bucket.provisions}`).join(', '),
                  })}
                  bars={buckets.map((bucket) => ({ label: formatDate(bucket.bucketStart), value: bucket.provisions }))}
                />
                <div className="table-scroll">
                  <table className="data">
                    <caption>{t('board.audit.chart')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('board.audit.period')}</th>
                        <th scope="col">{t('board.audit.provisionCount')}</th>
                        <th scope="col">{t('board.audit.subjects')}</th>
                        <th scope="col">{t('board.audit.records')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {buckets.map((bucket) => (
                        <tr key={bucket.bucketStart}>
                          <th scope="row">{formatDate(bucket.bucketStart)}</th>
                          <td>{bucket.provisions}</td>
                          <td>{bucket.subjects}</td>
                          <td>{bucket.records}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
          <section aria-labelledby="provisions">
            <h2 id="provisions">{t('board.audit.provisions')}</h2>
            <div className="table-scroll">
              <table className="data">
                <caption>{t('board.audit.provisionsTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('board.audit.providedAt')}</th>
                    <th scope="col">{t('board.cases.recipient')}</th>
                    <th scope="col">{t('board.audit.purpose')}</th>
                    <th scope="col">{t('board.audit.subject')}</th>
                    <th scope="col">{t('board.audit.records')}</th>
                    <th scope="col">{t('board.audit.leaf')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.provisions.provisions, ...(further?.provisions ?? [])].map((provision) => (
                    <tr key={provision.id}>
                      <td>{formatDate(provision.providedAt)}</td>
                      <td>
                        <a href={`/audit/recipients/${provision.recipient.id}`} onClick={openRecipient(provision.recipient.id)}>
                          {pick(provision.recipient.name)}
                        </a>
                      </td>
                      <td>{provision.purposeCode}</td>
                      <td className="hash">{provision.subjectId}</td>
                      <td>{provision.records}</td>
                      <td>{provision.leafIndex ?? t('board.audit.unsealed')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {nextCursor ? (
              <Button tone="secondary" onClick={() => void showMore(nextCursor)}>
                {t('board.audit.more')}
              </Button>
            ) : null}
          </section>
          <section aria-labelledby="transfers">
            <h2 id="transfers">{t('board.audit.transfers')}</h2>
            <div className="table-scroll">
              <table className="data">
                <caption>{t('board.audit.transfersTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('board.audit.requestedAt')}</th>
                    <th scope="col">{t('board.cases.recipient')}</th>
                    <th scope="col">{t('board.audit.transferStatus')}</th>
                    <th scope="col">{t('board.audit.parts')}</th>
                    <th scope="col">{t('board.audit.delivered')}</th>
                    <th scope="col">{t('board.audit.denied')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.transfers.transfers.map((transfer) => (
                    <tr key={transfer.id}>
                      <td>{formatDate(transfer.requestedAt)}</td>
                      <td>
                        <a
                          href={`/audit/recipients/${transfer.recipientId}`}
                          onClick={openRecipient(transfer.recipientId)}
                          className="hash"
                        >
                          {transfer.recipientId}
                        </a>
                      </td>
                      <td>{transfer.status}</td>
                      <td>{transfer.parts}</td>
                      <td>{transfer.subjects.delivered}</td>
                      <td>{transfer.subjects.denied}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {data.transfers.denialReasons.length > 0 ? (
              <table className="data">
                <caption>{t('board.audit.denialReasons')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('board.audit.reason')}</th>
                    <th scope="col">{t('board.audit.subjects')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.transfers.denialReasons.map((denial) => (
                    <tr key={denial.reason}>
                      <th scope="row">{denial.reason}</th>
                      <td>{denial.subjects}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        </>
      )}
      <LogVerificationPanel />
      <PublicStatistics />
    </>
  );
}
