import { StatusBadge, useI18n, type MessageKey } from '@infobank/web-ui';
import type { Catalog, OfferSnapshot } from '../api-types';

/** An offer as submitted, in plain words: purpose (with its DPV term), items and their sensitivity, and every condition. */
export function OfferFacts({ offer, catalog }: { offer: OfferSnapshot; catalog: Catalog }) {
  const { t, pick, formatDate } = useI18n();
  const purpose = catalog.purposes.find((candidate) => candidate.code === offer.purposeCode);
  const itemLabel = (itemId: string) => {
    for (const category of catalog.categories) {
      const item = category.items.find((candidate) => candidate.id === itemId);
      if (item) return `${pick(category.label)}: ${pick(item.label)}`;
    }
    return itemId;
  };
  const range =
    'fromDaysAgo' in offer.dataRange
      ? t('board.case.dataRangeRolling', { days: offer.dataRange.fromDaysAgo })
      : t('board.case.dataRangeFixed', { from: formatDate(offer.dataRange.from), to: formatDate(offer.dataRange.to) });
  const fetch =
    offer.fetch.type === 'one_time'
      ? t('board.case.fetchOnce')
      : t('board.case.fetchPeriodic', { per: t(`board.case.per.${offer.fetch.per}` as MessageKey), max: offer.fetch.max });
  return (
    <dl className="facts">
      <dt>{t('board.case.purpose')}</dt>
      <dd>{pick(offer.purposeText)}</dd>
      <dt>{t('board.case.purposeCode')}</dt>
      <dd>
        {purpose ? pick(purpose.label) : offer.purposeCode} <span className="code-term">{purpose?.dpv ?? ''}</span>
      </dd>
      <dt>{t('board.case.items')}</dt>
      <dd>
        <ul className="plain">
          {offer.items.map((item) => (
            <li key={item.itemId}>
              {itemLabel(item.itemId)} ({item.required ? t('board.case.required') : t('board.case.optional')})
              {item.sensitive ? (
                <>
                  {' '}
                  <StatusBadge tone="warn">{t('board.case.sensitive')}</StatusBadge>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('board.case.dataRange')}</dt>
      <dd>{range}</dd>
      <dt>{t('board.case.fetch')}</dt>
      <dd>{fetch}</dd>
      <dt>{t('board.case.dataLife')}</dt>
      <dd>{t('board.case.days', { days: offer.dataLifeDays })}</dd>
      <dt>{t('board.case.countries')}</dt>
      <dd>{offer.processingCountries.join(', ')}</dd>
      <dt>{t('board.case.profiling')}</dt>
      <dd>{offer.profiling ? t('common.yes') : t('common.no')}</dd>
      <dt>{t('board.case.benefit')}</dt>
      <dd>{pick(offer.benefit.description)}</dd>
      <dt>{t('board.case.validUntil')}</dt>
      <dd>{formatDate(offer.validUntil)}</dd>
      <dt>{t('board.case.onward')}</dt>
      <dd>{t('board.case.onwardForbidden')}</dd>
    </dl>
  );
}
