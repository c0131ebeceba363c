import { SelectField, StatusBadge, useAppServices, useI18n, useLoad, type MessageKey } from '@infobank/web-ui';
import { useState } from 'react';
import type { CaseSummary, Text } from '../api-types';

type ListedCase = CaseSummary & { recipientName: Text | null };

/** 審査案件: the queue of review cases by status, each opening its case page. */
export function CasesScreen() {
  const { t, pick, formatDate } = useI18n();
  const { navigate } = useAppServices();
  const [status, setStatus] = useState<'' | 'open' | 'decided'>('open');
  const { data, error } = useLoad(
    (api) => api.call<{ cases: ListedCase[] }>('GET', `/v1/cases${status ? `?status=${status}` : ''}`),
    [status],
  );
  return (
    <>
      <h1>{t('board.nav.cases')}</h1>
      <p>{t('board.cases.intro')}</p>
      <SelectField label={t('board.cases.filter')} value={status} onChange={(event) => setStatus(event.target.value as typeof status)}>
        <option value="open">{t('board.status.open')}</option>
        <option value="decided">{t('board.status.decided')}</option>
        <option value="">{t('board.cases.all')}</option>
      </SelectField>
      {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : data.cases.length === 0 ? (
        <p>{t('board.cases.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption>{t('board.cases.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.cases.openedAt')}</th>
                <th scope="col">{t('board.cases.recipient')}</th>
                <th scope="col">{t('board.cases.round')}</th>
                <th scope="col">{t('board.cases.status')}</th>
                <th scope="col">{t('board.cases.stricter')}</th>
                <th scope="col">{t('board.cases.votes')}</th>
              </tr>
            </thead>
            <tbody>
              {data.cases.map((reviewCase) => (
                <tr key={reviewCase.id}>
                  <td>
                    <a
                      href={`/cases/${reviewCase.id}`}
                      aria-label={t('board.cases.open', { date: formatDate(reviewCase.openedAt), round: reviewCase.round })}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(`/cases/${reviewCase.id}`);
                      }}
                    >
                      {formatDate(reviewCase.openedAt)}
                    </a>
                  </td>
                  <td>{reviewCase.recipientName ? pick(reviewCase.recipientName) : reviewCase.recipientId}</td>
                  <td>{reviewCase.round}</td>
                  <td>
                    <CaseStatus reviewCase={reviewCase} />
                  </td>
                  <td>{reviewCase.stricterReview.length > 0 ? t('common.yes') : t('common.no')}</td>
                  <td>{reviewCase.voteCount ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** A case's status, and its outcome once decided. */
export function CaseStatus({ reviewCase }: { reviewCase: Pick<CaseSummary, 'status' | 'outcome'> }) {
  const { t } = useI18n();
  if (reviewCase.status === 'open' || reviewCase.outcome === null) return <StatusBadge tone="info">{t('board.status.open')}</StatusBadge>;
  const tone = reviewCase.outcome === 'approved' ? 'ok' : reviewCase.outcome === 'rejected' ? 'stop' : 'warn';
  return <StatusBadge tone={tone}>{t(`board.outcome.${reviewCase.outcome}` as MessageKey)}</StatusBadge>;
}
