import {
  ApiProblem,
  Button,
  CardList,
  Field,
  SelectField,
  StatusBadge,
  useI18n,
  verifyInclusionProof,
  type ProofOutcome,
} from '@infobank/web-ui';
import { useState } from 'react';
import type { MyIncident, Provision } from '../api-types';
import { useApp, useLoad } from '../app-context';

type Verification = { state: 'checking' } | { state: 'done'; outcome: ProofOutcome } | { state: 'not-ready' };

/** One provision's 検証する: fetches its proof and checks it in this browser, trusting nothing the server says. */
function VerifyProvision({ provisionId }: { provisionId: string }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [verification, setVerification] = useState<Verification | null>(null);
  const verify = async () => {
    setVerification({ state: 'checking' });
    try {
      const [proof, jwks] = await Promise.all([
        api.call<Parameters<typeof verifyInclusionProof>[0]>('GET', `/v1/me/provisions/${provisionId}/proof`),
        api.call<Parameters<typeof verifyInclusionProof>[1]>('GET', '/.well-known/jwks.json'),
      ]);
      setVerification({ state: 'done', outcome: await verifyInclusionProof(proof, jwks, { provisionId }) });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) setVerification({ state: 'not-ready' });
      else setVerification({ state: 'done', outcome: { valid: false, reason: 'malformed' } });
    }
  };
  const outcome = verification?.state === 'done' ? verification.outcome : null;
  let detail = '';
  if (verification?.state === 'checking') detail = t('history.verifying');
  if (verification?.state === 'not-ready') detail = t('history.failure.notReady');
  if (outcome) detail = outcome.valid ? t('history.verifiedDetail', { size: outcome.treeSize }) : t(`history.failure.${outcome.reason}`);
  return (
    <>
      <Button tone="secondary" onClick={() => void verify()} disabled={verification?.state === 'checking'}>
        {t('history.verify')}
      </Button>
      <div role="status" aria-live="polite">
        {outcome ? (
          <StatusBadge tone={outcome.valid ? 'ok' : 'stop'}>{outcome.valid ? t('history.verified') : t('history.failed')}</StatusBadge>
        ) : null}{' '}
        <span>{detail}</span>
      </div>
    </>
  );
}

/** The mark beside a provision that an incident concerns. */
function ProvisionIncident({ incident }: { incident: MyIncident | undefined }) {
  const { t, pick } = useI18n();
  if (incident === undefined) return null;
  const organisation = incident.organisation ? pick(incident.organisation.name) : t('history.incidentAtBank');
  return (
    <p>
      <StatusBadge tone="warn">{t('history.incident')}</StatusBadge> {t('history.incidentThisProvision', { organisation })}
    </p>
  );
}

/** The incidents that affected me (情報漏えい等の事案), above the timeline: where, when, what, and what I can do. */
function MyIncidents({ incidents }: { incidents: MyIncident[] }) {
  const { t, pick, formatDate } = useI18n();
  if (incidents.length === 0) return null;
  return (
    <section aria-labelledby="my-incidents-title">
      <h2 id="my-incidents-title">{t('history.incidentsTitle')}</h2>
      <CardList label={t('history.incidentsTitle')}>
        {incidents.map((incident) => (
          <li key={incident.id}>
            <StatusBadge tone="warn">{t('history.incident')}</StatusBadge>
            <p>
              {t('history.incidentAt', {
                organisation: incident.organisation ? pick(incident.organisation.name) : t('history.incidentAtBank'),
              })}
            </p>
            <p>{t('history.incidentPeriod', { from: formatDate(incident.from), to: formatDate(incident.to) })}</p>
            <p>
              {t('history.incidentItems', { items: incident.items.map((item) => pick(item.label)).join('、'), records: incident.records })}
            </p>
            <p>{t('history.incidentWhatToDo')}</p>
          </li>
        ))}
      </CardList>
    </section>
  );
}

/** 提供履歴: the timeline of provisions, filtered by recipient and period, each with 検証する and any incident it concerns. */
export function HistoryScreen() {
  const { t, pick, formatDate } = useI18n();
  const incidents = useLoad((api) => api.call<{ incidents: MyIncident[] }>('GET', '/v1/me/incidents'));
  const incidentOf = (provisionId: string) => incidents.data?.incidents.find((incident) => incident.provisionIds.includes(provisionId));
  const [recipient, setRecipient] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const all = useLoad((api) => api.call<{ provisions: Provision[] }>('GET', '/v1/me/provisions?limit=100'));
  const { data, error } = useLoad(
    (api) => {
      const query = new URLSearchParams({ limit: '100' });
      if (recipient) query.set('recipient', recipient);
      if (from) query.set('from', new Date(`${from}T00:00:00+09:00`).toISOString());
      if (to) query.set('to', new Date(`${to}T23:59:59+09:00`).toISOString());
      return api.call<{ provisions: Provision[] }>('GET', `/v1/me/provisions?${query.toString()}`);
    },
    [recipient, from, to],
  );
  const recipients = new Map((all.data?.provisions ?? []).map((provision) => [provision.recipient.id, pick(provision.recipient.name)]));
  return (
    <>
      <h1>{t('history.title')}</h1>
      <MyIncidents incidents={incidents.data?.incidents ?? []} />
      <SelectField label={t('history.filterRecipient')} value={recipient} onChange={(event) => setRecipient(event.target.value)}>
        <option value="">{t('offers.all')}</option>
        {[...recipients].map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </SelectField>
      <Field label={t('history.from')} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      <Field label={t('history.to')} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
      {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : data.provisions.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <CardList label={t('history.title')}>
          {data.provisions.map((provision) => (
            <li key={provision.id}>
              <h2>{t('history.entry', { recipient: pick(provision.recipient.name), date: formatDate(provision.providedAt) })}</h2>
              <dl className="facts">
                <dt>{t('history.purpose')}</dt>
                <dd>{pick(provision.offer.purpose)}</dd>
                <dt>{t('history.items')}</dt>
                <dd>{provision.itemLabels.map((item) => pick(item.label)).join('、')}</dd>
                <dt>{t('history.records')}</dt>
                <dd>{provision.records}</dd>
                <dt>{t('history.benefit')}</dt>
                <dd>{provision.benefit ? pick(provision.benefit.description) : '—'}</dd>
                <dt>{t('history.dataLife')}</dt>
                <dd>{formatDate(provision.dataLifeEndsAt)}</dd>
              </dl>
              <ProvisionIncident incident={incidentOf(provision.id)} />
              <VerifyProvision provisionId={provision.id} />
            </li>
          ))}
        </CardList>
      )}
    </>
  );
}
