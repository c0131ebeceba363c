import { StatusBadge, useI18n, useLoad, type MessageKey } from '@infobank/web-ui';
import type { Expertise, Text } from '../api-types';

interface Composition {
  total: number;
  external: number;
  externalShare: number;
  byExpertise: { expertise: Expertise; total: number; external: number }[];
  warnings: { code: string; expertise?: Expertise; message: Text }[];
}

/** 構成: the board's members by expertise, the external share, and the warnings about what is missing. */
export function CompositionScreen() {
  const { t, pick } = useI18n();
  const { data, error } = useLoad((api) => api.call<Composition>('GET', '/v1/board/composition'));
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  return (
    <>
      <h1>{t('board.nav.composition')}</h1>
      <p>{t('board.composition.intro')}</p>
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="warnings">
            <h2 id="warnings">{t('board.composition.warnings')}</h2>
            {data.warnings.length === 0 ? (
              <p>
                <StatusBadge tone="ok">{t('board.composition.noWarnings')}</StatusBadge>
              </p>
            ) : (
              <ul className="plain" aria-label={t('board.composition.warnings')}>
                {data.warnings.map((warning) => (
                  <li key={`${warning.code}-${warning.expertise ?? ''}`}>
                    <StatusBadge tone="warn">{warning.code}</StatusBadge> {pick(warning.message)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <dl className="facts">
            <dt>{t('board.composition.total')}</dt>
            <dd>{data.total}</dd>
            <dt>{t('board.composition.external')}</dt>
            <dd>{data.external}</dd>
            <dt>{t('board.composition.share')}</dt>
            <dd>{Math.round(data.externalShare * 100)}%</dd>
          </dl>
          <table className="data">
            <caption>{t('board.composition.byExpertise')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.composition.expertise')}</th>
                <th scope="col">{t('board.composition.total')}</th>
                <th scope="col">{t('board.composition.external')}</th>
              </tr>
            </thead>
            <tbody>
              {data.byExpertise.map((row) => (
                <tr key={row.expertise}>
                  <th scope="row">{t(`board.expertise.${row.expertise}` as MessageKey)}</th>
                  <td>{row.total}</td>
                  <td>{row.external}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
