import { Button, Field, Switch, useI18n } from '@infobank/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import type { Catalog } from '../api-types';
import { useAction, useApp, useLoad } from '../app-context';

interface StandingConditions {
  purposes: string[];
  allowCrossBorder: boolean;
  allowProfiling: boolean;
  minimumBenefit: { type: 'points' | 'yen'; amount: number } | null;
  mode: 'auto' | 'ask';
}

/** おまかせ設定: the standing conditions under which the bank consents for me, each criterion explained. */
export function StandingConditionsScreen() {
  const { t, pick } = useI18n();
  const { api } = useApp();
  const act = useAction();
  const { data } = useLoad(async (client) => {
    const [catalog, conditions] = await Promise.all([
      client.call<Catalog>('GET', '/v1/catalog'),
      client.call<StandingConditions>('GET', '/v1/me/standing-conditions'),
    ]);
    return { catalog, conditions };
  });
  const [form, setForm] = useState<StandingConditions | null>(null);
  useEffect(() => {
    if (data) setForm(data.conditions);
  }, [data]);
  if (data === null || form === null) return <p>{t('common.loading')}</p>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await act(() => api.call('PUT', '/v1/me/standing-conditions', { body: form }), t('standing.saved'));
  };
  const minimum = form.minimumBenefit?.amount ?? 0;
  return (
    <>
      <h1>{t('standing.title')}</h1>
      <p>{t('standing.explain')}</p>
      <form onSubmit={(event) => void save(event)}>
        <fieldset>
          <legend>{t('standing.purposes')}</legend>
          {data.catalog.purposes.map((purpose) => (
            <Switch
              key={purpose.code}
              label={pick(purpose.label)}
              checked={form.purposes.includes(purpose.code)}
              onChange={(on) =>
                setForm({
                  ...form,
                  purposes: on ? [...form.purposes, purpose.code] : form.purposes.filter((code) => code !== purpose.code),
                })
              }
            />
          ))}
        </fieldset>
        <Switch
          label={t('standing.crossBorder')}
          hint={t('standing.crossBorderExplain')}
          checked={form.allowCrossBorder}
          onChange={(on) => setForm({ ...form, allowCrossBorder: on })}
        />
        <Switch
          label={t('standing.profiling')}
          hint={t('standing.profilingExplain')}
          checked={form.allowProfiling}
          onChange={(on) => setForm({ ...form, allowProfiling: on })}
        />
        <Field
          label={t('standing.minimum')}
          hint={t('standing.minimumExplain')}
          type="number"
          min={0}
          inputMode="numeric"
          value={minimum}
          onChange={(event) => {
            const amount = Math.max(0, Math.floor(Number(event.target.value) || 0));
            setForm({ ...form, minimumBenefit: amount > 0 ? { type: 'points', amount } : null });
          }}
        />
        <fieldset>
          <legend>{t('standing.mode')}</legend>
          {(['auto', 'ask'] as const).map((value) => (
            <div key={value} className="ib-switch">
              <input
                id={`standing-mode-${value}`}
                type="radio"
                name="standing-mode"
                checked={form.mode === value}
                onChange={() => setForm({ ...form, mode: value })}
              />
              <label htmlFor={`standing-mode-${value}`}>{t(value === 'auto' ? 'consentDialog.modeAuto' : 'consentDialog.modeAsk')}</label>
            </div>
          ))}
        </fieldset>
        <Button type="submit">{t('common.save')}</Button>
      </form>
    </>
  );
}
