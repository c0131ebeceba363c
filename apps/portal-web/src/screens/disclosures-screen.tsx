import { Button, CardList, StatusBadge, Switch, useI18n, type MessageKey } from '@infobank/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { DISCLOSURE_SECTIONS, type Disclosure, type DisclosureSection } from '../api-types';
import { useAction, useApp, useLoad } from '../app-context';

const STATUS_TONE: Record<Disclosure['status'], 'ok' | 'warn' | 'stop' | 'info'> = {
  requested: 'info',
  building: 'info',
  ready: 'ok',
  expired: 'stop',
};

// While a request is being prepared, the list asks again this often (the worker usually takes seconds).
const POLL_MS = 5000;

/**
 * 開示請求: ask for everything the bank holds about me, follow the request, and download the bundle.
 * The download token is fetched at the moment of the click and sent in a request body, never in a URL.
 */
export function DisclosuresScreen() {
  const { t, language, formatDate } = useI18n();
  const { api, announce } = useApp();
  const act = useAction();
  const { data, reload } = useLoad((client) => client.call<Disclosure[]>('GET', '/v1/me/disclosures'));
  const [sections, setSections] = useState<DisclosureSection[]>([...DISCLOSURE_SECTIONS]);
  const [format, setFormat] = useState<'json' | 'csv'>('json');

  const preparing = data?.some((disclosure) => disclosure.status === 'requested' || disclosure.status === 'building') ?? false;
  useEffect(() => {
    if (!preparing) return undefined;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [preparing, reload]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sections.length === 0) {
      announce(t('disclosures.chooseOne'), 'error');
      return;
    }
    const scope = sections.length === DISCLOSURE_SECTIONS.length ? 'all' : sections;
    if (await act(() => api.call('POST', '/v1/me/disclosures', { body: { scope, format } }), t('disclosures.requested'))) reload();
  };

  const download = async (disclosure: Disclosure) => {
    await act(async () => {
      const { token } = await api.call<{ token: string }>('POST', `/v1/me/disclosures/${disclosure.disclosureId}/download-token`);
      const response = await api.call<Response>('POST', '/v1/disclosures/download', { body: { token }, raw: true });
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'infobank-disclosure.tar';
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = name;
      anchor.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }, t('disclosures.downloaded'));
  };

  const sectionLabel = (section: DisclosureSection) => t(`disclosures.section.${section}` as MessageKey);
  return (
    <>
      <h1>{t('disclosures.title')}</h1>
      <p>{t('disclosures.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>{t('disclosures.sections')}</legend>
          {DISCLOSURE_SECTIONS.map((section) => (
            <Switch
              key={section}
              label={sectionLabel(section)}
              checked={sections.includes(section)}
              onChange={(on) =>
                setSections((current) =>
                  DISCLOSURE_SECTIONS.filter((candidate) => (candidate === section ? on : current.includes(candidate))),
                )
              }
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('disclosures.format')}</legend>
          {(['json', 'csv'] as const).map((value) => (
            <div key={value} className="ib-switch">
              <input
                id={`disclosure-format-${value}`}
                type="radio"
                name="disclosure-format"
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              <label htmlFor={`disclosure-format-${value}`}>{t(`disclosures.format.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <Button type="submit">{t('disclosures.request')}</Button>
      </form>

      <h2>{t('disclosures.list')}</h2>
      <Button tone="secondary" onClick={reload}>
        {t('disclosures.refresh')}
      </Button>
      {data === null ? (
        <p>{t('common.loading')}</p>
      ) : data.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <CardList label={t('disclosures.list')}>
          {data.map((disclosure) => (
            <li key={disclosure.disclosureId}>
              <h3>
                <StatusBadge tone={STATUS_TONE[disclosure.status]}>{t(`disclosures.status.${disclosure.status}`)}</StatusBadge>{' '}
                {disclosure.overdue ? <StatusBadge tone="warn">{t('disclosures.overdue')}</StatusBadge> : null}
              </h3>
              <p>{t('disclosures.requestedAt', { date: formatDate(disclosure.requestedAt) })}</p>
              <p>
                {t('disclosures.contents', {
                  sections: disclosure.sections.map(sectionLabel).join(language === 'ja' ? '、' : ', '),
                  format: disclosure.format.toUpperCase(),
                })}
              </p>
              {disclosure.readyAt === null ? (
                <p>{t('disclosures.dueAt', { date: formatDate(disclosure.dueAt) })}</p>
              ) : (
                <p>{t('disclosures.readyAt', { date: formatDate(disclosure.readyAt) })}</p>
              )}
              {disclosure.status === 'ready' ? (
                <>
                  <p>{t('disclosures.expiresAt', { date: formatDate(disclosure.expiresAt) })}</p>
                  <Button
                    aria-label={t('disclosures.downloadName', { date: formatDate(disclosure.requestedAt) })}
                    onClick={() => void download(disclosure)}
                  >
                    {t('disclosures.download')}
                  </Button>
                  <p>{t('disclosures.verifyHint')}</p>
                </>
              ) : null}
            </li>
          ))}
        </CardList>
      )}
    </>
  );
}
