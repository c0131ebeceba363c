import { ApiProblem, Button, Field, useI18n, type MessageKey } from '@infobank/web-ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../app-context';

/**
 * The one-time token of a mail link, from the page's fragment (`#token=…`). The fragment is removed
 * from the address bar at once, so the token stays out of the history and of anything copied from it.
 */
function useLinkToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token'));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  return token;
}

/** What a refused link means, in the person's words. */
function linkProblem(error: unknown): MessageKey {
  if (error instanceof ApiProblem && error.code === 'ACCOUNT_TOKEN_EXPIRED') return 'account.linkExpired';
  if (error instanceof ApiProblem && error.code === 'RATE_LIMITED') return 'account.tooMany';
  return 'account.linkInvalid';
}

/** Where to go next: home when signed in, sign-in otherwise. */
function NextLink({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const { navigate } = useApp();
  return (
    <p>
      <a
        href="/"
        onClick={(event) => {
          event.preventDefault();
          navigate('/');
        }}
      >
        {signedIn ? t('account.toHome') : t('account.toSignIn')}
      </a>
    </p>
  );
}

/** /verify-email#token=…: confirms the address as soon as the page opens (no sign-in needed). */
export function VerifyEmailScreen({ signedIn, onVerified }: { signedIn: boolean; onVerified(): void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const token = useLinkToken();
  const [state, setState] = useState<'working' | 'done' | MessageKey>(token === null ? 'account.noToken' : 'working');
  const started = useRef(false);
  useEffect(() => {
    if (token === null || started.current) return;
    started.current = true;
    api
      .anonymous('POST', '/v1/auth/verify-email', { token })
      .then(() => {
        setState('done');
        onVerified();
      })
      .catch((error: unknown) => setState(linkProblem(error)));
  }, [api, token, onVerified]);
  return (
    <>
      <h1>{t('account.verifyTitle')}</h1>
      {state === 'working' ? (
        <p>{t('account.verifying')}</p>
      ) : (
        <p role={state === 'done' ? 'status' : 'alert'}>{state === 'done' ? t('account.verified') : t(state)}</p>
      )}
      <NextLink signedIn={signedIn} />
    </>
  );
}

/** /forgot-password: asks for a reset mail; the answer is the same whether or not the address is registered. */
export function ForgotPasswordScreen({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'status' | 'alert'; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.anonymous('POST', '/v1/auth/password-reset', { email });
      setOutcome({ tone: 'status', text: t('account.forgotSent') });
    } catch (error) {
      const tooMany = error instanceof ApiProblem && error.code === 'RATE_LIMITED';
      const text = tooMany ? t('account.tooMany') : t('common.error', { message: error instanceof Error ? error.message : String(error) });
      setOutcome({ tone: 'alert', text });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('account.forgotTitle')}</h1>
      <p>{t('account.forgotExplain')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <Field
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
        />
        <Button type="submit" disabled={busy}>
          {t('account.forgotSend')}
        </Button>
      </form>
      {outcome ? <p role={outcome.tone}>{outcome.text}</p> : null}
      <NextLink signedIn={signedIn} />
    </>
  );
}

/** /reset-password#token=…: sets a new password with the link's token; every session ends. */
export function ResetPasswordScreen({ onReset }: { onReset(): void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'status' | 'alert'; text: string } | null>(
    token === null ? { tone: 'alert', text: t('account.noToken') } : null,
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (token === null) return;
    setBusy(true);
    try {
      await api.anonymous('POST', '/v1/auth/password-reset/complete', { token, password });
      setOutcome({ tone: 'status', text: t('account.resetDone') });
      setPassword('');
      onReset();
    } catch (error) {
      setOutcome({ tone: 'alert', text: t(linkProblem(error)) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('account.resetTitle')}</h1>
      <p>{t('account.resetExplain')}</p>
      {outcome?.tone !== 'status' && token !== null ? (
        <form onSubmit={(event) => void submit(event)}>
          <Field
            label={t('account.newPassword')}
            type="password"
            autoComplete="new-password"
            minLength={12}
            maxLength={200}
            hint={t('auth.passwordHint')}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
          <Button type="submit" disabled={busy}>
            {t('account.resetSave')}
          </Button>
        </form>
      ) : null}
      {outcome ? <p role={outcome.tone}>{outcome.text}</p> : null}
      <NextLink signedIn={false} />
    </>
  );
}

/** The banner asking an unverified person to confirm their address, with 「確認メールを再送」. */
export function VerifyBanner() {
  const { t } = useI18n();
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const resend = async () => {
    setBusy(true);
    try {
      const answer = await api.call<{ status: 'sent' | 'already_verified' }>('POST', '/v1/auth/verify-email/resend');
      setOutcome(answer.status === 'sent' ? t('account.resent') : t('account.alreadyVerified'));
    } catch (error) {
      setOutcome(error instanceof ApiProblem && error.code === 'RATE_LIMITED' ? t('account.tooMany') : t('account.linkInvalid'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="verify-banner" aria-label={t('account.verifyTitle')}>
      <p>{t('account.verifyBanner')}</p>
      <Button tone="secondary" disabled={busy} onClick={() => void resend()}>
        {t('account.resend')}
      </Button>
      {outcome ? <p role="status">{outcome}</p> : null}
    </section>
  );
}
