import { StatusBadge, useAppServices, useI18n, useLoad, type MessageKey } from '@infobank/web-ui';
import { RecipientComplaints } from './complaints-screen';
import type { Text } from '../api-types';
import { BarChart } from './bar-chart';

interface RecipientAudit {
  recipient: { id: string; name: Text; status: string };
  offers: {
    id: string;
    status: string;
    purposeCode: string;
    categories: string[];
    reviews: { caseId: string; round: number; status: string; outcome: string | null }[];
  }[];
  provisionsByMonth: { month: string; provisions: number; subjects: number; records: number }[];
  revocationsByMonth: { month: string; revoked: number; expired: number }[];
  notices: {
    counts: { open: number; attested: number; overdue: number };
    medianSecondsToAttest: number | null;
    overdue: { noticeId: string; kind: string; subjects: number; dueAt: string }[];
  };
  stopUseOrders: { id: string; status: string; reason: string; proposedAt: string }[];
  complaints: { available: false; reason: string };
}

/** Seconds as hours and minutes (何時間何分). */
function useDuration() {
  const { t } = useI18n();
  return (seconds: number) => t('transparency.duration', { hours: Math.floor(seconds / 3600), minutes: Math.round((seconds % 3600) / 60) });
}

/** A recipient's audit page: offers and reviews, provisions per month, revocations, attestation latency, overdue notices, orders. */
export function RecipientAuditScreen({ recipientId }: { recipientId: string }) {
  const { t, pick, formatDate } = useI18n();
  const { navigate } = useAppServices();
  const duration = useDuration();
  const { data, error } = useLoad((api) => api.call<RecipientAudit>('GET', `/v1/audit/recipients/${recipientId}`), [recipientId]);
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (data === null) return <p>{t('common.loading')}</p>;
  const { notices } = data;
  return (
    <>
      <p>
        <a
          href="/audit"
          onClick={(event) => {
            event.preventDefault();
            navigate('/audit');
          }}
        >
          {t('board.recipient.back')}
        </a>
      </p>
      <h1>{t('board.audit.recipientPage', { name: pick(data.recipient.name) })}</h1>
      <p>
        {t('board.recipient.profile')}:{' '}
        <StatusBadge tone={data.recipient.status === 'active' ? 'ok' : 'stop'}>{data.recipient.status}</StatusBadge>
      </p>

      <section aria-labelledby="by-month">
        <h2 id="by-month">{t('board.recipient.byMonth')}</h2>
        {data.provisionsByMonth.length === 0 ? (
          <p>{t('board.audit.noActivity')}</p>
        ) : (
          <>
            <BarChart
              label={t('board.audit.chartLabel', {
                bucket: t('board.audit.bucket.month'),
                summary: data.provisionsByMonth.map((row) => `${row.month} ${row.provisions}`).join(', '),
              })}
              bars={data.provisionsByMonth.map((row) => ({ label: row.month, value: row.provisions }))}
            />
            <table className="data">
              <caption>{t('board.recipient.byMonth')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('board.recipient.month')}</th>
                  <th scope="col">{t('board.audit.provisionCount')}</th>
                  <th scope="col">{t('board.audit.subjects')}</th>
                  <th scope="col">{t('board.audit.records')}</th>
                </tr>
              </thead>
              <tbody>
                {data.provisionsByMonth.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{row.month}</th>
                    <td>{row.provisions}</td>
                    <td>{row.subjects}</td>
                    <td>{row.records}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="notices">
        <h2 id="notices">{t('board.recipient.notices')}</h2>
        <dl className="facts">
          <dt>{t('board.recipient.noticeOpen')}</dt>
          <dd>{notices.counts.open}</dd>
          <dt>{t('board.recipient.noticeAttested')}</dt>
          <dd>{notices.counts.attested}</dd>
          <dt>{t('board.recipient.noticeOverdue')}</dt>
          <dd>{notices.counts.overdue}</dd>
          <dt>{t('board.recipient.latency')}</dt>
          <dd>{notices.medianSecondsToAttest === null ? t('board.recipient.latencyNone') : duration(notices.medianSecondsToAttest)}</dd>
        </dl>
        {notices.overdue.length > 0 ? (
          <table className="data">
            <caption>{t('board.recipient.overdueList')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.recipient.kind')}</th>
                <th scope="col">{t('board.audit.subjects')}</th>
                <th scope="col">{t('board.recipient.dueAt')}</th>
              </tr>
            </thead>
            <tbody>
              {notices.overdue.map((notice) => (
                <tr key={notice.noticeId}>
                  <th scope="row">{notice.kind}</th>
                  <td>{notice.subjects}</td>
                  <td>{formatDate(notice.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="revocations">
        <h2 id="revocations">{t('board.recipient.revocations')}</h2>
        {data.revocationsByMonth.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <table className="data">
            <caption>{t('board.recipient.revocations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.recipient.month')}</th>
                <th scope="col">{t('board.recipient.revoked')}</th>
                <th scope="col">{t('board.recipient.expired')}</th>
              </tr>
            </thead>
            <tbody>
              {data.revocationsByMonth.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{row.month}</th>
                  <td>{row.revoked}</td>
                  <td>{row.expired}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="recipient-offers">
        <h2 id="recipient-offers">{t('board.recipient.offers')}</h2>
        <ul className="plain">
          {data.offers.map((offer) => (
            <li key={offer.id}>
              {offer.purposeCode} ({offer.categories.join(', ')}) — {offer.status}
              {offer.reviews.map((review) => (
                <span key={review.caseId}>
                  {' '}
                  <a
                    href={`/cases/${review.caseId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate(`/cases/${review.caseId}`);
                    }}
                  >
                    {t('board.case.round', { round: review.round })}
                  </a>
                  {review.outcome ? `: ${t(`board.outcome.${review.outcome}` as MessageKey)}` : ''}
                </span>
              ))}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recipient-orders">
        <h2 id="recipient-orders">{t('board.recipient.orders')}</h2>
        {data.stopUseOrders.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <ul className="plain">
            {data.stopUseOrders.map((order) => (
              <li key={order.id}>
                {t(`board.orders.status.${order.status}` as MessageKey)}: {order.reason} ({formatDate(order.proposedAt)})
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="recipient-complaints">
        <h2 id="recipient-complaints">{t('board.recipient.complaints')}</h2>
        <RecipientComplaints recipientId={recipientId} />
      </section>
    </>
  );
}
