import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { Button, Dialog, Field } from './components';

/** Asks for the password again when an action needs a step-up token; `ask` resolves null on cancel. */
export function useStepUpPrompt() {
  const [open, setOpen] = useState(false);
  const resolver = useRef<((password: string | null) => void) | null>(null);
  const ask = useCallback(
    () =>
      new Promise<string | null>((resolve) => {
        resolver.current = resolve;
        setOpen(true);
      }),
    [],
  );
  const finish = useCallback((password: string | null) => {
    resolver.current?.(password);
    resolver.current = null;
    setOpen(false);
  }, []);
  return { open, ask, finish };
}

/** The password dialog of useStepUpPrompt (パスワードをもう一度); `explain` says why this app asks. */
export function StepUpDialog({
  open,
  finish,
  explain = 'stepUp.explain',
}: {
  open: boolean;
  finish(password: string | null): void;
  explain?: MessageKey;
}) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    finish(password);
    setPassword('');
  };
  return (
    <Dialog title={t('stepUp.title')} open={open} onClose={() => finish(null)}>
      <form onSubmit={submit}>
        <p>{t(explain)}</p>
        <Field
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        <Button type="submit">{t('stepUp.confirm')}</Button>
        <Button tone="secondary" onClick={() => finish(null)}>
          {t('common.cancel')}
        </Button>
      </form>
    </Dialog>
  );
}
