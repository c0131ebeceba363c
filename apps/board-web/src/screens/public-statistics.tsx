import { SelectField, useI18n, useLoad, type MessageKey, type TransparencyCell, type TransparencyStatistics } from '@infobank/web-ui';
import { useState } from 'react';

/** The public statistics exactly as the portal's 透明性 page shows them to anyone (small counts hidden). */
export function PublicStatistics() {
  const { t, pick, formatDate } = useI18n();
  const { data, error } = useLoad((api) => api.call<TransparencyStatistics>('GET', '/v1/transparency'));
  const [chosen, setChosen] = useState<string | null>(null);
  const month = data?.months.find((candidate) => candidate.month === chosen) ?? data?.months[data.months.length - 1];
  const count = (cell: TransparencyCell) =>
    cell.suppressed || cell.count === null ? t('transparency.suppressed', { min: data?.minCell ?? 0 }) : cell.count;
  return (
    <section aria-labelledby="public-statistics">
      <h2 id="public-statistics">{t('board.audit.publicStatistics')}</h2>
      <p>{t('board.audit.publicStatisticsExplain')}</p>
      {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
      {data === null || month === undefined ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <p>{t('transparency.generatedAt', { date: formatDate(data.generatedAt) })}</p>
          <SelectField label={t('transparency.month')} value={month.month} onChange={(event) => setChosen(event.target.value)}>
            {data.months.map((candidate) => (
              <option key={candidate.month} value={candidate.month}>
                {candidate.month}
              </option>
            ))}
          </SelectField>
          <div className="table-scroll">
            <table className="data">
              <caption>{t('transparency.overview', { month: month.month })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.measure')}</th>
                  <th scope="col">{t('transparency.count')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('transparency.individuals')}</th>
                  <td>{count(month.individuals)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('transparency.revocations')}</th>
                  <td>{count(month.revocations)}</td>
                </tr>
                {(['approved', 'rejected', 'changes_requested'] as const).map((decision) => (
                  <tr key={decision}>
                    <th scope="row">
                      {t('transparency.decision')}: {t(`transparency.decision.${decision}` as MessageKey)}
                    </th>
                    <td>{count(month.boardDecisions[decision])}</td>
                  </tr>
                ))}
                {month.provisionsByRecipient.map((row) => (
                  <tr key={row.recipient.id}>
                    <th scope="row">
                      {t('transparency.recipient')}: {pick(row.recipient.name)}
                    </th>
                    <td>{count(row.provisions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
