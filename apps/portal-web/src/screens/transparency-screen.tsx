import {
  Button,
  SelectField,
  StatusBadge,
  useI18n,
  verifyCheckpoint,
  type CheckpointOutcome,
  type MessageKey,
  type TransparencyCell,
  type TransparencyStatistics,
} from '@infobank/web-ui';
import { useState, type ReactNode } from 'react';
import type { Catalog } from '../api-types';
import { useApp, useLoad } from '../app-context';

const CONSENT_STATES = ['active', 'paused', 'revoked', 'expired'] as const;
const DECISIONS = ['approved', 'rejected', 'changes_requested'] as const;

/** A two-column table (label, count) with a caption; the row label is the row's header. */
function CountTable({ caption, labelHeader, rows }: { caption: string; labelHeader: string; rows: [string, ReactNode][] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{t('transparency.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value], index) => (
            <tr key={index}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The latest signed checkpoint, with 検証する checking its signature against the JWKS in this browser. */
function LatestCheckpoint({ checkpoint }: { checkpoint: NonNullable<TransparencyStatistics['latestCheckpoint']> }) {
  const { t, formatDate } = useI18n();
  const { api } = useApp();
  const [outcome, setOutcome] = useState<CheckpointOutcome | 'checking' | null>(null);
  const verify = async () => {
    setOutcome('checking');
    try {
      const jwks = await api.call<Parameters<typeof verifyCheckpoint>[1]>('GET', '/.well-known/jwks.json');
      setOutcome(await verifyCheckpoint(checkpoint.checkpoint, jwks));
    } catch {
      setOutcome({ valid: false, reason: 'signature' });
    }
  };
  const result = outcome === 'checking' || outcome === null ? null : outcome;
  // What the page shows beside the JWS must be what the signature covers.
  const matches =
    result?.valid === true &&
    result.treeSize === checkpoint.treeSize &&
    result.rootHash === checkpoint.rootHash &&
    Date.parse(result.signedAt) === Date.parse(checkpoint.time);
  let detail = '';
  if (outcome === 'checking') detail = t('history.verifying');
  else if (result?.valid) detail = matches ? t('transparency.verifiedDetail') : t('transparency.mismatch');
  else if (result) detail = `${t('transparency.failure')} ${t(`history.failure.${result.reason}`)}`;
  return (
    <>
      <dl className="facts">
        <dt>{t('transparency.treeSize')}</dt>
        <dd>{checkpoint.treeSize.toLocaleString()}</dd>
        <dt>{t('transparency.rootHash')}</dt>
        <dd className="hash">{checkpoint.rootHash}</dd>
        <dt>{t('transparency.signedAt')}</dt>
        <dd>{formatDate(checkpoint.time)}</dd>
      </dl>
      <Button tone="secondary" onClick={() => void verify()} disabled={outcome === 'checking'}>
        {t('history.verify')}
      </Button>
      <div role="status" aria-live="polite">
        {result ? <StatusBadge tone={matches ? 'ok' : 'stop'}>{matches ? t('history.verified') : t('history.failed')}</StatusBadge> : null}{' '}
        <span>{detail}</span>
      </div>
    </>
  );
}

/** 透明性: the bank's public monthly statistics (small counts hidden) and its latest signed checkpoint; no sign-in. */
export function TransparencyScreen() {
  const { t, pick, formatDate, language } = useI18n();
  const { data, error } = useLoad(async (api) => {
    const [statistics, catalog] = await Promise.all([
      api.call<TransparencyStatistics>('GET', '/v1/transparency'),
      api.call<Catalog>('GET', '/v1/catalog'),
    ]);
    return { statistics, catalog };
  });
  const [chosen, setChosen] = useState<string | null>(null);

  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (data === null) {
    return (
      <>
        <h1>{t('transparency.title')}</h1>
        <p>{t('common.loading')}</p>
      </>
    );
  }
  const { statistics, catalog } = data;
  const purposes = new Map(catalog.purposes.map((purpose) => [purpose.code, pick(purpose.label)]));
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const latest = statistics.months.at(-1)?.month ?? null;
  const month = statistics.months.find((entry) => entry.month === (chosen ?? latest)) ?? null;
  const cell = (value: TransparencyCell): ReactNode =>
    value.suppressed || value.count === null ? (
      <span className="suppressed">{t('transparency.suppressed', { min: statistics.minCell })}</span>
    ) : (
      value.count.toLocaleString()
    );
  const median = (seconds: number | null): ReactNode => {
    if (seconds === null) return '—';
    const minutes = Math.round(seconds / 60);
    return t('transparency.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  const name = month ? monthName(month.month) : '';

  return (
    <>
      <h1>{t('transparency.title')}</h1>
      <p>{t('transparency.intro')}</p>
      <p>{t('transparency.generatedAt', { date: formatDate(statistics.generatedAt) })}</p>
      {month ? (
        <>
          <SelectField label={t('transparency.month')} value={month.month} onChange={(event) => setChosen(event.target.value)}>
            {[...statistics.months].reverse().map((entry) => (
              <option key={entry.month} value={entry.month}>
                {monthName(entry.month)}
              </option>
            ))}
          </SelectField>
          <CountTable
            caption={t('transparency.overview', { month: name })}
            labelHeader={t('transparency.measure')}
            rows={[
              [t('transparency.individuals'), cell(month.individuals)],
              [t('transparency.revocations'), cell(month.revocations)],
              [t('transparency.attestations'), cell(month.attestations.count)],
              [t('transparency.median'), median(month.attestations.medianSecondsToAttest)],
            ]}
          />
          <CountTable
            caption={t('transparency.consents', { month: name })}
            labelHeader={t('transparency.state')}
            rows={CONSENT_STATES.map((state) => [t(`consents.state.${state}`), cell(month.consentsByState[state])])}
          />
          {month.provisionsByPurpose.length === 0 ? (
            <p>{t('transparency.noProvisions')}</p>
          ) : (
            <>
              <CountTable
                caption={t('transparency.byPurpose', { month: name })}
                labelHeader={t('transparency.purpose')}
                rows={month.provisionsByPurpose.map((entry) => [
                  purposes.get(entry.purposeCode) ?? entry.purposeCode,
                  cell(entry.provisions),
                ])}
              />
              <CountTable
                caption={t('transparency.byRecipient', { month: name })}
                labelHeader={t('transparency.recipient')}
                rows={month.provisionsByRecipient.map((entry) => [pick(entry.recipient.name), cell(entry.provisions)])}
              />
            </>
          )}
          <CountTable
            caption={t('transparency.board', { month: name })}
            labelHeader={t('transparency.decision')}
            rows={DECISIONS.map((decision) => [t(`transparency.decision.${decision}` as MessageKey), cell(month.boardDecisions[decision])])}
          />
        </>
      ) : null}
      <h2>{t('transparency.checkpoint')}</h2>
      <p>{t('transparency.checkpointExplain')}</p>
      {statistics.latestCheckpoint ? (
        <LatestCheckpoint checkpoint={statistics.latestCheckpoint} />
      ) : (
        <p>{t('transparency.noCheckpoint')}</p>
      )}
    </>
  );
}
