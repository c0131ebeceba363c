import { Button, Field, SelectField, StatusBadge, TextAreaField, useAction, useAppServices, useI18n, useLoad } from '@infobank/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import type { Incident, IncidentKind, IncidentState } from '../api-types';
import { useFormatTime } from './format-time';
import { download } from './reports-screen';

const KINDS: IncidentKind[] = ['recipient_breach', 'provider_breach', 'bank_breach'];
const STATE_TONES = { open: 'warn', notifying: 'info', notified: 'info', closed: 'ok' } as const;
// While the worker tells the affected, the page looks again this often (ms).
const NOTIFYING_POLL = 3000;

/** A `datetime-local` value (the browser's time zone) as an instant the API takes. */
function instantOf(local: string): string {
  return new Date(local).toISOString();
}

/** A `datetime-local` value for `date` in the browser's time zone (minutes). */
function localValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

function StateBadge({ state }: { state: IncidentState }) {
  const { t } = useI18n();
  return <StatusBadge tone={STATE_TONES[state]}>{t(`board.incidents.state.${state}`)}</StatusBadge>;
}

/** インシデント: open one (its impact is computed at once) and the incidents so far. */
export function IncidentsScreen() {
  const { t } = useI18n();
  const { navigate } = useAppServices();
  const formatTime = useFormatTime();
  const { data, error } = useLoad((api) => api.call<{ incidents: Incident[] }>('GET', '/v1/incidents'));
  return (
    <>
      <h1>{t('board.nav.incidents')}</h1>
      <p>{t('board.incidents.intro')}</p>
      <OpenIncident />
      <section aria-labelledby="incident-list">
        <h2 id="incident-list">{t('board.incidents.list')}</h2>
        {error ? <p role="alert">{t('common.error', { message: error })}</p> : null}
        {data === null ? (
          <p>{t('common.loading')}</p>
        ) : data.incidents.length === 0 ? (
          <p>{t('board.incidents.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data">
              <caption>{t('board.incidents.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('board.incidents.openedAt')}</th>
                  <th scope="col">{t('board.incidents.kind')}</th>
                  <th scope="col">{t('board.incidents.state')}</th>
                  <th scope="col">{t('board.incidents.people')}</th>
                  <th scope="col">{t('board.incidents.records')}</th>
                </tr>
              </thead>
              <tbody>
                {data.incidents.map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      <a
                        href={`/incidents/${incident.id}`}
                        aria-label={t('board.incidents.openLink', { date: formatTime(incident.openedAt) })}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(`/incidents/${incident.id}`);
                        }}
                      >
                        {formatTime(incident.openedAt)}
                      </a>
                    </td>
                    <td>{t(`board.incidents.kind.${incident.kind}`)}</td>
                    <td>
                      <StateBadge state={incident.state} />
                    </td>
                    <td>{incident.affectedIndividuals}</td>
                    <td>{incident.affectedRecords}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** The form that opens an incident: where, which categories, the window, and what happened. */
function OpenIncident() {
  const { t } = useI18n();
  const { api, navigate, announce } = useAppServices();
  const run = useAction();
  const [kind, setKind] = useState<IncidentKind>('recipient_breach');
  const [organisation, setOrganisation] = useState('');
  const [categories, setCategories] = useState('');
  const [from, setFrom] = useState(() => localValue(new Date(Date.now() - 30 * 24 * 3600_000)));
  // The next minute: the window's end is exclusive, so what arrived this minute counts.
  const [to, setTo] = useState(() => localValue(new Date(Date.now() + 60_000)));
  const [description, setDescription] = useState('');
  const [measures, setMeasures] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const named = categories
      .split(/[,、\s]+/)
      .map((code) => code.trim())
      .filter(Boolean);
    const body = {
      kind,
      ...(kind === 'recipient_breach' ? { recipientId: organisation.trim() } : {}),
      ...(kind === 'provider_breach' ? { providerId: organisation.trim() } : {}),
      ...(named.length > 0 ? { categories: named } : {}),
      from: instantOf(from),
      to: instantOf(to),
      description,
      ...(measures.trim() ? { measures } : {}),
    };
    let opened = '';
    const done = await run(async () => {
      opened = (await api.call<Incident>('POST', '/v1/incidents', { body })).id;
    });
    if (!done) return;
    // Navigating clears the announcement, so the incident's page announces it once there.
    navigate(`/incidents/${opened}`);
    announce(t('board.incidents.opened'));
  };
  return (
    <section aria-labelledby="open-incident">
      <h2 id="open-incident">{t('board.incidents.openTitle')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <SelectField label={t('board.incidents.kind')} value={kind} onChange={(event) => setKind(event.target.value as IncidentKind)}>
          {KINDS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`board.incidents.kind.${choice}`)}
            </option>
          ))}
        </SelectField>
        {kind === 'bank_breach' ? null : (
          <Field
            label={t('board.incidents.organisation')}
            hint={t('board.incidents.organisationHint')}
            value={organisation}
            onChange={(event) => setOrganisation(event.target.value)}
            required
          />
        )}
        <Field
          label={t('board.incidents.categories')}
          hint={t('board.incidents.categoriesHint')}
          value={categories}
          onChange={(event) => setCategories(event.target.value)}
        />
        <div className="columns">
          <Field
            label={t('board.incidents.from')}
            type="datetime-local"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            required
          />
          <Field
            label={t('board.incidents.to')}
            hint={t('board.incidents.toHint')}
            type="datetime-local"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            required
          />
        </div>
        <TextAreaField
          label={t('board.incidents.description')}
          hint={t('board.incidents.descriptionHint')}
          rows={4}
          maxLength={4000}
          required
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <TextAreaField
          label={t('board.incidents.measures')}
          rows={2}
          maxLength={4000}
          value={measures}
          onChange={(event) => setMeasures(event.target.value)}
        />
        <Button type="submit">{t('board.incidents.openButton')}</Button>
      </form>
    </section>
  );
}

/** One incident: its impact, telling those affected, closing, the stop-use order and the regulator report. */
export function IncidentScreen({ incidentId, role }: { incidentId: string; role: 'board_member' | 'staff' }) {
  const { t, pick } = useI18n();
  const { api, navigate } = useAppServices();
  const formatTime = useFormatTime();
  const run = useAction();
  const [measures, setMeasures] = useState('');
  const [reason, setReason] = useState('');
  const { data, error, reload } = useLoad((client) => client.call<Incident>('GET', `/v1/incidents/${incidentId}`), [incidentId]);
  const notifying = data?.state === 'notifying';
  useEffect(() => {
    if (!notifying) return undefined;
    const timer = setInterval(reload, NOTIFYING_POLL);
    return () => clearInterval(timer);
  }, [notifying, reload]);
  if (error) return <p role="alert">{t('common.error', { message: error })}</p>;
  if (data === null) return <p>{t('common.loading')}</p>;

  const act = async (path: string, done: string, options: { body?: unknown; stepUp?: boolean } = {}) => {
    if (await run(() => api.call('POST', `/v1/incidents/${incidentId}/${path}`, options), done)) reload();
  };
  const close = (event: FormEvent) => {
    event.preventDefault();
    void act('close', t('board.incidents.closedDone'), { body: measures.trim() ? { measures } : {} });
  };
  const propose = (event: FormEvent) => {
    event.preventDefault();
    void act('stop-use-order', t('board.incidents.orderProposed'), { body: reason.trim() ? { reason } : {}, stepUp: true });
  };
  const downloadReport = () =>
    run(async () =>
      download(
        await api.call<Response>('GET', `/v1/incidents/${incidentId}/regulator-report`, { raw: true }),
        `incident-${incidentId}-report.json`,
      ),
    );
  const organisationId = data.recipientId ?? data.providerId;
  const closable = data.state === 'notified' || (data.state === 'open' && data.affectedIndividuals === 0);
  return (
    <>
      <p>
        <a
          href="/incidents"
          onClick={(event) => {
            event.preventDefault();
            navigate('/incidents');
          }}
        >
          {t('board.incidents.back')}
        </a>
      </p>
      <h1>{t('board.incidents.title', { kind: t(`board.incidents.kind.${data.kind}`) })}</h1>
      <p>
        <StateBadge state={data.state} /> {data.description}
      </p>
      <section aria-labelledby="incident-impact">
        <h2 id="incident-impact">{t('board.incidents.impact')}</h2>
        <dl className="facts">
          <dt>{t('board.incidents.people')}</dt>
          <dd>{t('board.incidents.peopleCount', { count: data.affectedIndividuals })}</dd>
          <dt>{t('board.incidents.records')}</dt>
          <dd>{t('board.incidents.recordsCount', { count: data.affectedRecords })}</dd>
          <dt>{t('board.incidents.notified')}</dt>
          <dd>{t('board.incidents.notifiedCount', { notified: data.notifiedIndividuals, count: data.affectedIndividuals })}</dd>
          <dt>{t('board.incidents.window')}</dt>
          <dd>{t('board.incidents.windowValue', { from: formatTime(data.from), to: formatTime(data.to) })}</dd>
          {organisationId ? (
            <>
              <dt>{t('board.incidents.organisationId')}</dt>
              <dd className="hash">{organisationId}</dd>
            </>
          ) : null}
          <dt>{t('board.incidents.categoryScope')}</dt>
          <dd>{data.categories.length > 0 ? data.categories.join(', ') : t('board.incidents.allCategories')}</dd>
        </dl>
        <h3>{t('board.incidents.items')}</h3>
        {data.items.length === 0 ? (
          <p>{t('board.incidents.noItems')}</p>
        ) : (
          <ul className="plain" aria-label={t('board.incidents.items')}>
            {data.items.map((item) => (
              <li key={item.id}>
                {pick(item.label)} <span className="code-term">{item.id}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="incident-notify">
        <h2 id="incident-notify">{t('board.incidents.notifyTitle')}</h2>
        <p>{t('board.incidents.notifyExplain')}</p>
        {data.affectedIndividuals > 0 ? (
          <p>
            <label htmlFor="incident-progress">{t('board.incidents.progress')}</label>{' '}
            <progress id="incident-progress" max={data.affectedIndividuals} value={data.notifiedIndividuals} />{' '}
            {t('board.incidents.notifiedCount', { notified: data.notifiedIndividuals, count: data.affectedIndividuals })}
          </p>
        ) : null}
        <div className="button-row">
          {data.state === 'open' && data.affectedIndividuals > 0 ? (
            <Button onClick={() => void act('notify', t('board.incidents.notifyStarted'))}>{t('board.incidents.notify')}</Button>
          ) : null}
          {notifying ? (
            <Button tone="secondary" onClick={reload}>
              {t('board.incidents.refresh')}
            </Button>
          ) : null}
        </div>
      </section>

      {data.state === 'closed' ? null : (
        <section aria-labelledby="incident-close">
          <h2 id="incident-close">{t('board.incidents.closeTitle')}</h2>
          {closable ? (
            <form onSubmit={close}>
              <TextAreaField
                label={t('board.incidents.closeMeasures')}
                rows={2}
                maxLength={4000}
                value={measures}
                onChange={(event) => setMeasures(event.target.value)}
              />
              <Button type="submit" tone="secondary">
                {t('board.incidents.closeButton')}
              </Button>
            </form>
          ) : (
            <p>{t('board.incidents.closeWhen')}</p>
          )}
        </section>
      )}

      <section aria-labelledby="incident-order">
        <h2 id="incident-order">{t('board.incidents.orderTitle')}</h2>
        {data.stopUseOrderId ? (
          <p>{t('board.incidents.orderExists', { id: data.stopUseOrderId })}</p>
        ) : data.kind !== 'recipient_breach' ? (
          <p>{t('board.incidents.orderNotPossible')}</p>
        ) : role !== 'board_member' ? (
          <p>{t('board.incidents.orderBoardOnly')}</p>
        ) : (
          <form onSubmit={propose}>
            <p>{t('board.incidents.orderExplain')}</p>
            <TextAreaField
              label={t('board.incidents.orderReason')}
              hint={t('board.incidents.orderReasonHint')}
              rows={2}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <Button type="submit" tone="danger">
              {t('board.incidents.orderButton')}
            </Button>
          </form>
        )}
      </section>

      <section aria-labelledby="incident-report">
        <h2 id="incident-report">{t('board.incidents.report')}</h2>
        <p>{t('board.incidents.reportExplain')}</p>
        <Button tone="secondary" onClick={() => void downloadReport()}>
          {t('board.incidents.reportDownload')}
        </Button>
      </section>

      <section aria-labelledby="incident-steps">
        <h2 id="incident-steps">{t('board.incidents.steps')}</h2>
        <ol className="plain" aria-label={t('board.incidents.steps')}>
          {data.steps.map((step) => (
            <li key={`${step.state}-${step.at}`}>
              {t('board.incidents.step', {
                state: t(`board.incidents.state.${step.state}`),
                time: formatTime(step.at),
                by: stepActor(t, step.by),
              })}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** Who took a step, in words (a member's or desk member's id shortened; the worker as the system). */
function stepActor(t: ReturnType<typeof useI18n>['t'], by: { type: string; ref: string }): string {
  switch (by.type) {
    case 'board_member':
      return t('board.incidents.by.board_member', { ref: by.ref.slice(0, 8) });
    case 'staff':
      return t('board.incidents.by.staff', { ref: by.ref.slice(0, 8) });
    case 'operator':
      return t('board.incidents.by.operator', { ref: by.ref });
    default:
      return t('board.incidents.by.system');
  }
}
