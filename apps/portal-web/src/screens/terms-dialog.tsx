import { Button, Dialog, useI18n, type ApiClient } from '@infobank/web-ui';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Terms } from '../api-types';
import { AgreeCheckbox, currentTerms, TermsText } from './terms-pieces';

/** Opens the terms dialog when an action answers TERMS_ACCEPTANCE_REQUIRED; resolves true once the version is accepted. */
export function useTermsPrompt() {
  const [version, setVersion] = useState<string | null>(null);
  const resolver = useRef<((accepted: boolean) => void) | null>(null);
  const ask = useCallback(
    (wanted: string) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setVersion(wanted);
      }),
    [],
  );
  const finish = useCallback((accepted: boolean) => {
    resolver.current?.(accepted);
    resolver.current = null;
    setVersion(null);
  }, []);
  return { version, ask, finish };
}

/**
 * Leads the person to accept a new terms version before the action they tried: shows the text, asks for
 * the checkbox, records the acceptance (POST /v1/me/terms/accept); the API client then retries the action.
 */
export function TermsDialog({ api, version, finish }: { api: ApiClient; version: string | null; finish(accepted: boolean): void }) {
  const { t } = useI18n();
  const [terms, setTerms] = useState<Terms | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setAgreed(false);
    setFailed(false);
    if (version !== null) void currentTerms(api).then(setTerms, () => setFailed(true));
  }, [api, version]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (version === null) return;
    try {
      await api.call('POST', '/v1/me/terms/accept', { body: { version } });
      finish(true);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Dialog title={t('terms.dialogTitle')} open={version !== null} onClose={() => finish(false)}>
      <form onSubmit={(event) => void submit(event)}>
        <p>{t('terms.dialogExplain', { version: version ?? '' })}</p>
        {terms !== null ? <TermsText terms={terms} /> : <p>{t('common.loading')}</p>}
        {failed ? <p role="alert">{t('common.error', { message: t('terms.needed') })}</p> : null}
        <AgreeCheckbox label={t('terms.agree')} checked={agreed} onChange={setAgreed} />
        <Button type="submit" disabled={!agreed || terms === null}>
          {t('terms.acceptAndContinue')}
        </Button>
        <Button tone="secondary" onClick={() => finish(false)}>
          {t('common.cancel')}
        </Button>
      </form>
    </Dialog>
  );
}
