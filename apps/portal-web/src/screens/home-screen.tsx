import { CardList, useI18n } from '@infobank/web-ui';
import type { Approval, ConsentSummary, Holding, Notification, Provision } from '../api-types';
import { useApp, useLoad } from '../app-context';

interface HomeData {
  me: { displayName: string };
  holdings: Holding[];
  consents: ConsentSummary[];
  provisions: Provision[];
  balance: { points: number; yen: number };
  unread: number;
  pending: number;
}

/** ホーム: what the bank holds, active consents, recent provisions, benefits, unread notifications, pending approvals. */
export function HomeScreen() {
  const { t, pick, formatDate } = useI18n();
  const { navigate } = useApp();
  const { data, error } = useLoad<HomeData>(async (api) => {
    const [me, data, consents, provisions, benefits, notifications, approvals] = await Promise.all([
      api.call<{ displayName: string }>('GET', '/v1/me'),
      api.call<{ holdings: Holding[] }>('GET', '/v1/me/data'),
      api.call<ConsentSummary[]>('GET', '/v1/me/consents'),
      api.call<{ provisions: Provision[] }>('GET', '/v1/me/provisions?limit=3'),
      api.call<{ balance: { points: number; yen: number } }>('GET', '/v1/me/benefits?limit=1'),
      api.call<Notification[]>('GET', '/v1/me/notifications?limit=50'),
      api.call<Approval[]>('GET', '/v1/me/approvals?status=pending'),
    ]);
    return {
      me,
      holdings: data.holdings,
      consents: consents.filter((consent) => consent.state === 'active'),
      provisions: provisions.provisions,
      balance: benefits.balance,
      unread: notifications.filter((notification) => notification.readAt === null).length,
      pending: approvals.length,
    };
  });
  const link = (path: string, text: string) => (
    <a
      href={path}
      onClick={(event) => {
        event.preventDefault();
        navigate(path);
      }}
    >
      {text}
    </a>
  );
  return (
    <>
      <h1>{t('home.title')}</h1>
      {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <p>{t('home.greeting', { name: data.me.displayName })}</p>
          <dl className="facts">
            <dt>{link('/consents', t('home.consents'))}</dt>
            <dd>{t('home.consentCount', { count: data.consents.length })}</dd>
            <dt>{link('/notifications', t('home.unread'))}</dt>
            <dd>{data.unread}</dd>
            <dt>{link('/approvals', t('home.pending'))}</dt>
            <dd>{data.pending}</dd>
            <dt>{t('home.benefits')}</dt>
            <dd>{t('home.benefitBalance', { points: data.balance.points, yen: data.balance.yen })}</dd>
          </dl>
          <h2>{t('home.holdings')}</h2>
          {data.holdings.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <CardList label={t('home.holdings')}>
              {data.holdings.map((holding) => (
                <li key={`${holding.providerId}/${holding.category}`}>
                  {t('home.holdingRow', {
                    provider: pick(holding.providerName),
                    category: pick(holding.categoryLabel),
                    count: holding.count,
                    date: formatDate(holding.latestObservedAt),
                  })}
                </li>
              ))}
            </CardList>
          )}
          <h2>{t('home.provisions')}</h2>
          {data.provisions.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <CardList label={t('home.provisions')}>
              {data.provisions.map((provision) => (
                <li key={provision.id}>
                  {t('history.entry', { recipient: pick(provision.recipient.name), date: formatDate(provision.providedAt) })}
                </li>
              ))}
            </CardList>
          )}
        </>
      )}
    </>
  );
}
