import { CardList, useI18n } from '@infobank/web-ui';
import type { Holding, Provision } from '../api-types';
import { useApp, useLoad } from '../app-context';

/** `GET /v1/me/summary`: everything the home screen shows, in one request. */
interface HomeSummary {
  holdings: Holding[];
  activeConsents: number;
  recentProvisions: Provision[];
  benefitBalance: { points: number; yen: number };
  unreadNotifications: number;
  pendingApprovals: number;
}

/** ホーム: what the bank holds, active consents, recent provisions, benefits, unread notifications, pending approvals. */
export function HomeScreen() {
  const { t, pick, formatDate } = useI18n();
  const { navigate } = useApp();
  const { data, error } = useLoad(async (api) => {
    const [me, summary] = await Promise.all([
      api.call<{ displayName: string }>('GET', '/v1/me'),
      api.call<HomeSummary>('GET', '/v1/me/summary'),
    ]);
    return { me, ...summary };
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
            <dd>{t('home.consentCount', { count: data.activeConsents })}</dd>
            <dt>{link('/notifications', t('home.unread'))}</dt>
            <dd>{data.unreadNotifications}</dd>
            <dt>{link('/approvals', t('home.pending'))}</dt>
            <dd>{data.pendingApprovals}</dd>
            <dt>{t('home.benefits')}</dt>
            <dd>{t('home.benefitBalance', { points: data.benefitBalance.points, yen: data.benefitBalance.yen })}</dd>
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
          {data.recentProvisions.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <CardList label={t('home.provisions')}>
              {data.recentProvisions.map((provision) => (
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
