import { Button, CardList, SelectField, useI18n } from '@infobank/web-ui';
import { useState } from 'react';
import type { Catalog, CatalogueOffer, ConsentSummary, OfferDetail } from '../api-types';
import { useApp, useLoad } from '../app-context';
import { ConsentDialog } from './consent-dialog';

/** 提供先をさがす: approved offers, filtered by purpose and data category. */
export function OffersScreen() {
  const { t, pick } = useI18n();
  const { navigate } = useApp();
  const [purpose, setPurpose] = useState('');
  const [category, setCategory] = useState('');
  const catalog = useLoad((api) => api.call<Catalog>('GET', '/v1/catalog'));
  const offers = useLoad(
    (api) => {
      const query = new URLSearchParams();
      if (purpose) query.set('purpose', purpose);
      if (category) query.set('category', category);
      return api.call<CatalogueOffer[]>('GET', `/v1/offers?${query.toString()}`);
    },
    [purpose, category],
  );
  return (
    <>
      <h1>{t('offers.title')}</h1>
      <SelectField label={t('offers.filterPurpose')} value={purpose} onChange={(event) => setPurpose(event.target.value)}>
        <option value="">{t('offers.all')}</option>
        {catalog.data?.purposes.map((entry) => (
          <option key={entry.code} value={entry.code}>
            {pick(entry.label)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('offers.filterCategory')} value={category} onChange={(event) => setCategory(event.target.value)}>
        <option value="">{t('offers.all')}</option>
        {catalog.data?.categories.map((entry) => (
          <option key={entry.code} value={entry.code}>
            {pick(entry.label)}
          </option>
        ))}
      </SelectField>
      {offers.data === null ? (
        <p>{t('common.loading')}</p>
      ) : offers.data.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <CardList label={t('offers.title')}>
          {offers.data.map((offer) => (
            <li key={offer.id}>
              <h2>{pick(offer.recipient.name)}</h2>
              <p>{pick(offer.purposeText)}</p>
              <p>
                {t('offers.benefit')}: {pick(offer.benefit.description)}
              </p>
              <a
                href={`/offers/${offer.id}`}
                aria-label={`${t('offers.open')}: ${pick(offer.recipient.name)}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`/offers/${offer.id}`);
                }}
              >
                {t('offers.open')}
              </a>
            </li>
          ))}
        </CardList>
      )}
    </>
  );
}

/** One offer in plain language, with the consent dialog. */
export function OfferScreen({ offerId }: { offerId: string }) {
  const { t, pick, formatDate, language } = useI18n();
  const [consenting, setConsenting] = useState(false);
  const { data, error, reload } = useLoad(
    async (api) => {
      const [offer, consents] = await Promise.all([
        api.call<OfferDetail>('GET', `/v1/offers/${offerId}?lang=${language}`),
        api.call<ConsentSummary[]>('GET', '/v1/me/consents'),
      ]);
      const live = consents.some((consent) => consent.offerId === offerId && (consent.state === 'active' || consent.state === 'paused'));
      return { offer, live };
    },
    [offerId, language],
  );
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (data === null) return <p>{t('common.loading')}</p>;
  const { offer, summary } = { offer: data.offer, summary: data.offer.summary };
  return (
    <>
      <h1>{pick(offer.recipient.name)}</h1>
      <h2>{t('offers.summary')}</h2>
      <dl className="facts">
        <dt>{t('offers.who')}</dt>
        <dd>{summary.recipient}</dd>
        <dt>{t('offers.corporateNumber')}</dt>
        <dd>{offer.recipient.corporateNumber}</dd>
        <dt>{t('offers.items')}</dt>
        <dd>{summary.receives}</dd>
        <dt>{t('offers.why')}</dt>
        <dd>{summary.purpose}</dd>
        <dt>{t('offers.howLong')}</dt>
        <dd>{summary.retention}</dd>
        <dt>{t('offers.benefit')}</dt>
        <dd>{summary.benefit}</dd>
        <dt>{t('offers.where')}</dt>
        <dd>{summary.processing}</dd>
        <dt>{t('offers.profiling')}</dt>
        <dd>{summary.profiling}</dd>
        <dt>{t('offers.onward')}</dt>
        <dd>{summary.onwardTransfer}</dd>
        <dt>{t('offers.board')}</dt>
        <dd>{offer.approvedAt ? formatDate(offer.approvedAt) : summary.boardDecision}</dd>
      </dl>
      {data.live ? <p>{t('offers.alreadyConsented')}</p> : <Button onClick={() => setConsenting(true)}>{t('offers.consent')}</Button>}
      <ConsentDialog
        offer={offer}
        open={consenting}
        onClose={() => {
          setConsenting(false);
          reload();
        }}
      />
    </>
  );
}
