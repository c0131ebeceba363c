import { Button, CardList, Dialog, SelectField, StatusBadge, Switch, useI18n } from '@infobank/web-ui';
import { useState, type FormEvent } from 'react';
import type { Catalog, Holding, Text } from '../api-types';
import { useAction, useApp, useLoad } from '../app-context';

interface OwnLink {
  linkId: string;
  providerId: string;
  providerName: Text | null;
  categories: string[];
  status: 'pending' | 'active' | 'removed' | 'expired';
}

interface DataRecord {
  id?: string;
  category: string;
  observedAt: string;
  provenance: { batchId: string; batchDigest: string; signingKid: string; receivedAt: string };
}

const STATUS_TONE = { pending: 'warn', active: 'ok', removed: 'stop', expired: 'stop' } as const;

/** データ: link a provider (code and how to use it), my records with provenance, erase a provider's category. */
export function DataScreen() {
  const { t, pick, formatDate } = useI18n();
  const { api } = useApp();
  const act = useAction();
  const { data, reload } = useLoad(async (client) => {
    const [providers, catalog, links, held] = await Promise.all([
      client.call<{ providerId: string; name: Text }[]>('GET', '/v1/providers'),
      client.call<Catalog>('GET', '/v1/catalog'),
      client.call<OwnLink[]>('GET', '/v1/me/links'),
      client.call<{ holdings: Holding[] }>('GET', '/v1/me/data'),
    ]);
    return { providers, catalog, links, holdings: held.holdings };
  });
  const [providerId, setProviderId] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [code, setCode] = useState<{ linkCode: string; expiresAt: string } | null>(null);
  const [records, setRecords] = useState<Record<string, DataRecord[]>>({});
  const [erasing, setErasing] = useState<Holding | null>(null);

  const createLink = async (event: FormEvent) => {
    event.preventDefault();
    await act(async () => {
      setCode(await api.call('POST', '/v1/me/links', { body: { providerId, categories } }));
      reload();
    });
  };
  const showRecords = (holding: Holding) =>
    act(async () => {
      const page = await api.call<{ records: DataRecord[] }>(
        'GET',
        `/v1/me/data/records?provider=${encodeURIComponent(holding.providerId)}&category=${encodeURIComponent(holding.category)}`,
      );
      setRecords((current) => ({ ...current, [`${holding.providerId}/${holding.category}`]: page.records }));
    });
  const erase = async (holding: Holding) => {
    setErasing(null);
    const query = `provider=${encodeURIComponent(holding.providerId)}&category=${encodeURIComponent(holding.category)}`;
    if (await act(() => api.call('DELETE', `/v1/me/data?${query}`, { stepUp: true }), t('data.erased'))) reload();
  };

  return (
    <>
      <h1>{t('data.title')}</h1>
      <h2>{t('data.linkTitle')}</h2>
      <p>{t('data.linkExplain')}</p>
      <form onSubmit={(event) => void createLink(event)}>
        <SelectField label={t('data.provider')} value={providerId} onChange={(event) => setProviderId(event.target.value)} required>
          <option value="">{t('data.chooseProvider')}</option>
          {data?.providers.map((provider) => (
            <option key={provider.providerId} value={provider.providerId}>
              {pick(provider.name)}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend>{t('data.categories')}</legend>
          {data?.catalog.categories.map((category) => (
            <Switch
              key={category.code}
              label={pick(category.label)}
              checked={categories.includes(category.code)}
              onChange={(on) =>
                setCategories((current) => (on ? [...current, category.code] : current.filter((code) => code !== category.code)))
              }
            />
          ))}
        </fieldset>
        <Button type="submit">{t('data.createLink')}</Button>
      </form>
      {code ? (
        <div role="status">
          <p>
            {t('data.codeLabel')}: <span className="code">{code.linkCode}</span>
          </p>
          <p>{t('data.codeExpires', { date: formatDate(code.expiresAt) })}</p>
        </div>
      ) : null}
      <h2>{t('data.links')}</h2>
      {data && data.links.length > 0 ? (
        <CardList label={t('data.links')}>
          {data.links.map((link) => (
            <li key={link.linkId}>
              {pick(link.providerName) || link.providerId}{' '}
              <StatusBadge tone={STATUS_TONE[link.status]}>{t(`data.linkStatus.${link.status}`)}</StatusBadge>
            </li>
          ))}
        </CardList>
      ) : (
        <p>{t('common.none')}</p>
      )}
      <h2>{t('data.holdings')}</h2>
      {data && data.holdings.length > 0 ? (
        <CardList label={t('data.holdings')}>
          {data.holdings.map((holding) => {
            const key = `${holding.providerId}/${holding.category}`;
            return (
              <li key={key}>
                <h3>
                  {pick(holding.providerName)} · {pick(holding.categoryLabel)}
                </h3>
                <p>
                  {t('home.holdingRow', {
                    provider: pick(holding.providerName),
                    category: pick(holding.categoryLabel),
                    count: holding.count,
                    date: formatDate(holding.latestObservedAt),
                  })}
                </p>
                <Button tone="secondary" onClick={() => void showRecords(holding)}>
                  {t('data.showRecords')}
                </Button>
                <Button tone="danger" onClick={() => setErasing(holding)}>
                  {t('data.erase')}
                </Button>
                {records[key] ? (
                  <ul aria-label={t('data.records')}>
                    {records[key].map((record, index) => (
                      <li key={record.id ?? index}>
                        {formatDate(record.observedAt)}:{' '}
                        {t('data.provenance', {
                          provider: pick(holding.providerName),
                          batch: record.provenance.batchId.slice(0, 8),
                          date: formatDate(record.provenance.receivedAt),
                        })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </CardList>
      ) : (
        <p>{t('common.none')}</p>
      )}
      <Dialog title={t('data.eraseConfirmTitle')} open={erasing !== null} onClose={() => setErasing(null)}>
        {erasing ? (
          <>
            <p>{t('data.eraseExplain', { provider: pick(erasing.providerName), category: pick(erasing.categoryLabel) })}</p>
            <Button tone="danger" onClick={() => void erase(erasing)}>
              {t('data.eraseConfirm')}
            </Button>
            <Button tone="secondary" onClick={() => setErasing(null)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : null}
      </Dialog>
    </>
  );
}
