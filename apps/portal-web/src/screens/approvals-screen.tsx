import { Button, CardList, useI18n } from '@infobank/web-ui';
import type { Approval, OfferDetail } from '../api-types';
import { useAction, useApp, useLoad } from '../app-context';

/** 確認待ち: ask-mode requests to approve or deny, with the offer's summary beside each. */
export function ApprovalsScreen() {
  const { t, pick, formatDate, language } = useI18n();
  const { api } = useApp();
  const act = useAction();
  const { data, reload } = useLoad(
    async (client) => {
      const approvals = await client.call<Approval[]>('GET', '/v1/me/approvals?status=pending');
      const offers = await Promise.all(
        [...new Set(approvals.map((approval) => approval.offerId))].map((offerId) =>
          client.call<OfferDetail>('GET', `/v1/offers/${offerId}?lang=${language}`).catch(() => null),
        ),
      );
      const byId = new Map(offers.filter((offer): offer is OfferDetail => offer !== null).map((offer) => [offer.id, offer]));
      return approvals.map((approval) => ({ approval, offer: byId.get(approval.offerId) ?? null }));
    },
    [language],
  );
  const decide = async (approvalRequestId: string, decision: 'approve' | 'deny') => {
    const done = decision === 'approve' ? t('approvals.approved') : t('approvals.denied');
    if (await act(() => api.call('POST', `/v1/me/approvals/${approvalRequestId}`, { body: { decision } }), done)) reload();
  };
  return (
    <>
      <h1>{t('approvals.title')}</h1>
      <p>{t('approvals.explain')}</p>
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : data.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <CardList label={t('approvals.title')}>
          {data.map(({ approval, offer }) => (
            <li key={approval.approvalRequestId}>
              <h2>{offer ? pick(offer.recipient.name) : approval.offerId}</h2>
              {offer ? (
                <dl className="facts">
                  <dt>{t('offers.items')}</dt>
                  <dd>{offer.summary.receives}</dd>
                  <dt>{t('offers.why')}</dt>
                  <dd>{offer.summary.purpose}</dd>
                  <dt>{t('offers.benefit')}</dt>
                  <dd>{offer.summary.benefit}</dd>
                </dl>
              ) : null}
              <p>{t('approvals.requested', { date: formatDate(approval.requestedAt), expires: formatDate(approval.expiresAt) })}</p>
              <Button onClick={() => void decide(approval.approvalRequestId, 'approve')}>{t('approvals.approve')}</Button>
              <Button tone="secondary" onClick={() => void decide(approval.approvalRequestId, 'deny')}>
                {t('approvals.deny')}
              </Button>
            </li>
          ))}
        </CardList>
      )}
    </>
  );
}
