import { Button, CardList, Dialog, StatusBadge, useI18n } from '@infobank/web-ui';
import { useState } from 'react';
import type { Catalog, ConsentSummary, Text } from '../api-types';
import { useAction, useApp, useLoad } from '../app-context';

interface Withdrawal {
  recipients: { recipient: { id: string; name: Text | null }; notices: { status: 'open' | 'attested' | 'overdue'; dueAt: string }[] }[];
}

const STATE_TONE = { active: 'ok', paused: 'warn', revoked: 'stop', expired: 'stop' } as const;
const NOTICE_TONE = { open: 'info', attested: 'ok', overdue: 'stop' } as const;

/** After a revocation: per recipient, whether it was notified, attested deletion, or is overdue. */
function WithdrawalStatus({ consentId }: { consentId: string }) {
  const { t, pick } = useI18n();
  const { data } = useLoad((api) => api.call<Withdrawal>('GET', `/v1/me/consents/${consentId}/withdrawal`), [consentId]);
  if (data === null || data.recipients.length === 0) return null;
  return (
    <>
      <h3>{t('consents.withdrawal')}</h3>
      <ul>
        {data.recipients.map((entry) => (
          <li key={entry.recipient.id}>
            {pick(entry.recipient.name) || entry.recipient.id}:{' '}
            {entry.notices.map((notice, index) => (
              <StatusBadge key={index} tone={NOTICE_TONE[notice.status]}>
                {t(`consents.notice.${notice.status}`)}
              </StatusBadge>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

/** 同意の管理: every consent with its state, items and mode; pause, resume and revoke in at most three taps. */
export function ConsentsScreen() {
  const { t, pick, formatDate } = useI18n();
  const { api } = useApp();
  const act = useAction();
  const { data, error, reload } = useLoad((client) => client.call<ConsentSummary[]>('GET', '/v1/me/consents'));
  const catalog = useLoad((client) => client.call<Catalog>('GET', '/v1/catalog'));
  const itemLabels = new Map(
    catalog.data?.categories.flatMap((category) => category.items.map((item) => [item.id, item.label] as const)) ?? [],
  );
  const itemName = (itemId: string) => (itemLabels.has(itemId) ? pick(itemLabels.get(itemId)) : itemId);
  /** Saves every signed receipt of the consent (JSON with each event's compact JWS). */
  const downloadReceipts = (consent: ConsentSummary) =>
    act(async () => {
      const receipts = await api.call('GET', `/v1/me/consents/${consent.consentId}/receipts`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(receipts, null, 2)], { type: 'application/json' }));
      link.download = `consent-receipts-${consent.consentId}.json`;
      link.click();
      const href = link.href;
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    });
  const [revoking, setRevoking] = useState<ConsentSummary | null>(null);

  const change = async (consent: ConsentSummary, action: 'pause' | 'resume' | 'revoke') => {
    const done = { pause: t('consents.paused'), resume: t('consents.resumed'), revoke: t('consents.revoked') }[action];
    setRevoking(null);
    if (await act(() => api.call('POST', `/v1/me/consents/${consent.consentId}/${action}`, { body: {} }), done)) reload();
  };
  const name = (consent: ConsentSummary) => pick(consent.recipient.name);

  return (
    <>
      <h1>{t('consents.title')}</h1>
      {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : data.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <CardList label={t('consents.title')}>
          {data.map((consent) => (
            <li key={consent.consentId}>
              <h2>{name(consent)}</h2>
              <p>
                <StatusBadge tone={STATE_TONE[consent.state]}>{t(`consents.state.${consent.state}`)}</StatusBadge>{' '}
                {t(`consents.mode.${consent.mode}`)} · {formatDate(consent.grantedAt)}
              </p>
              <p>{pick(consent.purpose.label)}</p>
              <p>
                {t('consents.items')}: {consent.items.map(itemName).join('、')}
              </p>
              <Button tone="secondary" onClick={() => void downloadReceipts(consent)}>
                {t('consents.receipts')}
              </Button>
              {consent.state === 'active' ? (
                <Button tone="secondary" onClick={() => void change(consent, 'pause')}>
                  {t('consents.pause')}
                </Button>
              ) : null}
              {consent.state === 'paused' ? (
                <Button tone="secondary" onClick={() => void change(consent, 'resume')}>
                  {t('consents.resume')}
                </Button>
              ) : null}
              {consent.state === 'active' || consent.state === 'paused' ? (
                <Button tone="danger" onClick={() => setRevoking(consent)}>
                  {t('consents.revoke')}
                </Button>
              ) : null}
              {consent.state === 'revoked' ? <WithdrawalStatus consentId={consent.consentId} /> : null}
            </li>
          ))}
        </CardList>
      )}
      <Dialog title={t('consents.revokeTitle')} open={revoking !== null} onClose={() => setRevoking(null)}>
        {revoking ? (
          <>
            <p>
              {name(revoking)}: {t('consents.revokeExplain')}
            </p>
            <Button tone="danger" onClick={() => void change(revoking, 'revoke')}>
              {t('consents.revokeConfirm')}
            </Button>
            <Button tone="secondary" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : null}
      </Dialog>
    </>
  );
}
