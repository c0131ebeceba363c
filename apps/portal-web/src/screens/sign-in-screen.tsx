import { ApiProblem, Button, CredentialFields, Field, useI18n } from '@infobank/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import type { Terms } from '../api-types';
import { useApp } from '../app-context';
import { AgreeCheckbox, currentTerms, TermsText } from './terms-pieces';

/** Sign-in and sign-up (ログイン・新しく登録する). */
export function SignInScreen({ onSignedIn }: { onSignedIn(): void }) {
  const { t, language } = useI18n();
  const { api, announce, navigate } = useApp();
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  // Registration shows the current terms and asks for their acceptance (none while no version is published).
  const [terms, setTerms] = useState<Terms | null>(null);
  const [agreed, setAgreed] = useState(false);
  useEffect(() => {
    if (mode === 'sign-up') void currentTerms(api).then(setTerms, () => setTerms(null));
  }, [api, mode]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (mode === 'sign-up') {
        await api.register({ email, password, displayName, language, ...(terms ? { acceptedTermsVersion: terms.version } : {}) });
        setMode('sign-in');
        announce(t('auth.registered'));
      } else {
        await api.logIn(email, password);
        onSignedIn();
      }
    } catch (error) {
      const failed = error instanceof ApiProblem && error.status === 401;
      announce(failed ? t('auth.failed') : t('common.error', { message: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{mode === 'sign-in' ? t('auth.signInTitle') : t('auth.signUpTitle')}</h1>
      <p>{t('auth.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        {mode === 'sign-up' ? (
          <Field
            label={t('auth.displayName')}
            autoComplete="name"
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            required
          />
        ) : null}
        <CredentialFields
          email={email}
          password={password}
          onEmail={setEmail}
          onPassword={setPassword}
          newPassword={mode === 'sign-up' ? { minLength: 12, hint: t('auth.passwordHint') } : undefined}
        />
        {mode === 'sign-up' && terms !== null ? (
          <details className="terms-details">
            <summary>{t('terms.signUpRead', { version: terms.version })}</summary>
            <TermsText terms={terms} />
          </details>
        ) : null}
        {mode === 'sign-up' && terms !== null ? (
          <AgreeCheckbox label={t('terms.signUpAgree')} checked={agreed} onChange={setAgreed} />
        ) : null}
        <Button type="submit" disabled={busy || (mode === 'sign-up' && terms !== null && !agreed)}>
          {mode === 'sign-in' ? t('auth.signIn') : t('auth.signUp')}
        </Button>
      </form>
      <Button tone="secondary" onClick={() => setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in')}>
        {mode === 'sign-in' ? t('auth.toSignUp') : t('auth.toSignIn')}
      </Button>
      {mode === 'sign-in' ? (
        <p>
          <a
            href="/forgot-password"
            onClick={(event) => {
              event.preventDefault();
              navigate('/forgot-password');
            }}
          >
            {t('auth.forgot')}
          </a>
        </p>
      ) : null}
    </>
  );
}
