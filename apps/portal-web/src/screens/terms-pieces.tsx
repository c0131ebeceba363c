import { ApiProblem, useI18n, type ApiClient } from '@infobank/web-ui';
import { useId } from 'react';
import type { Terms } from '../api-types';

/** The current terms, or null when none was ever published (TERMS_NOT_PUBLISHED). */
export async function currentTerms(api: ApiClient): Promise<Terms | null> {
  try {
    return await api.call<Terms>('GET', '/v1/terms/current');
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'TERMS_NOT_PUBLISHED') return null;
    throw error;
  }
}

/** The terms' text in the page's language, in a scrollable region a keyboard can reach; the Japanese text is binding. */
export function TermsText({ terms }: { terms: Terms }) {
  const { t, language } = useI18n();
  return (
    <>
      <div className="terms-text" role="region" aria-label={t('terms.text')} tabIndex={0} lang={language}>
        {language === 'en' ? terms.en : terms.ja}
      </div>
      {language === 'en' ? <p className="ib-hint">{t('terms.binding')}</p> : null}
    </>
  );
}

/** The "I have read and accept" checkbox. */
export function AgreeCheckbox({ label, checked, onChange }: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="terms-agree">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} required />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
