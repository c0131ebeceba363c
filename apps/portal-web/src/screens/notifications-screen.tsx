import { Button, CardList, StatusBadge, useI18n } from '@infobank/web-ui';
import type { Notification } from '../api-types';
import { useAction, useApp, useLoad } from '../app-context';

const SUBJECT_PATHS: Record<Notification['subject']['type'], string> = {
  consent: '/consents',
  approval_request: '/approvals',
  offer: '/offers',
  disclosure: '/disclosures',
  complaint: '/complaints',
  // An incident that affected me is shown beside the provisions it concerns.
  incident: '/history',
};

/** 通知: the inbox, marking read, and a link to what each notification is about. */
export function NotificationsScreen() {
  const { t, language, formatDate } = useI18n();
  const { api, navigate, refreshBadges } = useApp();
  const act = useAction();
  const { data, reload } = useLoad((client) => client.call<Notification[]>('GET', '/v1/me/notifications?limit=50'));
  const markRead = async (notificationId: string) => {
    if (await act(() => api.call('POST', `/v1/me/notifications/${notificationId}/read`))) {
      reload();
      refreshBadges();
    }
  };
  const markAllRead = async () => {
    if (await act(() => api.call('POST', '/v1/me/notifications/read'))) {
      reload();
      refreshBadges();
    }
  };
  const subjectPath = (notification: Notification) =>
    notification.subject.type === 'offer' || notification.subject.type === 'complaint'
      ? `${SUBJECT_PATHS[notification.subject.type]}/${notification.subject.id}`
      : SUBJECT_PATHS[notification.subject.type];
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {data?.some((notification) => notification.readAt === null) ? (
        <Button tone="secondary" onClick={() => void markAllRead()}>
          {t('notifications.markAllRead')}
        </Button>
      ) : null}
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : data.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <CardList label={t('notifications.title')}>
          {data.map((notification) => (
            <li key={notification.notificationId}>
              <h2>
                {notification.readAt === null ? <StatusBadge tone="info">{t('notifications.unread')}</StatusBadge> : null}{' '}
                {notification.message.title[language]}
              </h2>
              <p>{formatDate(notification.createdAt)}</p>
              {notification.message.lines[language].map((line, index) => (
                <p key={index}>{line}</p>
              ))}
              <a
                href={subjectPath(notification)}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(subjectPath(notification));
                }}
              >
                {t('notifications.open')}
              </a>{' '}
              {notification.readAt === null ? (
                <Button tone="secondary" onClick={() => void markRead(notification.notificationId)}>
                  {t('notifications.markRead')}
                </Button>
              ) : null}
            </li>
          ))}
        </CardList>
      )}
    </>
  );
}
