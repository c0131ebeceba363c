import { Button, Dialog, Field, Switch, useI18n } from '@infobank/web-ui';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CatalogueOffer } from '../api-types';
import { useAction, useApp } from '../app-context';

/** The consent dialog: required items shown, each optional item a switch, the mode, countries, expiry; then the signed receipt. */
export function ConsentDialog({ offer, open, onClose }: { offer: CatalogueOffer; open: boolean; onClose(): void }) {
  const { t, pick } = useI18n();
  const { api } = useApp();
  const act = useAction();
  const optional = useMemo(() => offer.items.filter((item) => !item.required), [offer]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [mode, setMode] = useState<'auto' | 'ask'>('auto');
  const [countriesAcknowledged, setCountriesAcknowledged] = useState(false);
  const [expiry, setExpiry] = useState('');
  const [receipt, setReceipt] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setChosen(optional.map((item) => item.itemId));
      setReceipt(null);
    }
  }, [open, optional]);
  const abroad = offer.processingCountries.filter((country) => country !== 'JP');
  const sensitive = offer.items.some((item) => item.sensitive && (item.required || chosen.includes(item.itemId)));
  const receiptUrl = useMemo(() => (receipt ? URL.createObjectURL(new Blob([receipt], { type: 'application/jose' })) : null), [receipt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      offerId: offer.id,
      optionalItems: chosen,
      mode,
      ...(expiry ? { expiresAt: new Date(`${expiry}T23:59:59+09:00`).toISOString() } : {}),
      ...(abroad.length > 0 ? { acknowledgedCountries: offer.processingCountries } : {}),
    };
    await act(async () => {
      const granted = await api.call<{ receipt: string }>('POST', '/v1/me/consents', { body, stepUp: sensitive });
      setReceipt(granted.receipt);
    }, t('consentDialog.done'));
  };

  const itemLabel = (item: CatalogueOffer['items'][number]) =>
    `${pick(item.label)}${item.sensitive ? `(${t('consentDialog.sensitive')})` : ''}`;
  return (
    <Dialog title={t('consentDialog.title')} open={open} onClose={onClose}>
      {receipt ? (
        <>
          <p role="status">{t('consentDialog.done')}</p>
          <a href={receiptUrl ?? undefined} download={`consent-receipt-${offer.id}.jws`}>
            {t('consentDialog.receipt')}
          </a>
          <p>
            <Button onClick={onClose}>{t('common.close')}</Button>
          </p>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)}>
          <h3>{t('consentDialog.required')}</h3>
          <ul>
            {offer.items
              .filter((item) => item.required)
              .map((item) => (
                <li key={item.itemId}>{itemLabel(item)}</li>
              ))}
          </ul>
          {optional.length > 0 ? (
            <fieldset>
              <legend>{t('consentDialog.optional')}</legend>
              {optional.map((item) => (
                <Switch
                  key={item.itemId}
                  label={itemLabel(item)}
                  checked={chosen.includes(item.itemId)}
                  onChange={(on) => setChosen((current) => (on ? [...current, item.itemId] : current.filter((id) => id !== item.itemId)))}
                />
              ))}
            </fieldset>
          ) : null}
          <fieldset>
            <legend>{t('consentDialog.mode')}</legend>
            {(['auto', 'ask'] as const).map((value) => (
              <div key={value} className="ib-switch">
                <input
                  id={`mode-${value}`}
                  type="radio"
                  name="mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                <label htmlFor={`mode-${value}`}>{t(value === 'auto' ? 'consentDialog.modeAuto' : 'consentDialog.modeAsk')}</label>
              </div>
            ))}
          </fieldset>
          {abroad.length > 0 ? (
            <Switch
              label={t('consentDialog.countries', { countries: abroad.join(', ') })}
              checked={countriesAcknowledged}
              onChange={setCountriesAcknowledged}
            />
          ) : null}
          <Field label={t('consentDialog.expiry')} type="date" value={expiry} onChange={(event) => setExpiry(event.target.value)} />
          <Button type="submit" disabled={abroad.length > 0 && !countriesAcknowledged}>
            {t('consentDialog.submit')}
          </Button>
          <Button tone="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </form>
      )}
    </Dialog>
  );
}
