import { ApiProblem, Button, CredentialFields, useAppServices, useI18n } from '@infobank/web-ui';
import { useState, type FormEvent } from 'react';

/** Sign-in for board members and the complaints desk's staff (ログイン); accounts are added by the operator, so there is no sign-up. */
export function SignInScreen({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useI18n();
  const { api, announce } = useAppServices();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.logIn(email, password);
      onSignedIn();
    } catch (error) {
      const failed = error instanceof ApiProblem && error.status === 401;
      announce(
        failed ? t('board.signIn.failed') : t('common.error', { message: error instanceof Error ? error.message : String(error) }),
        'error',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sign-in">
      <h1>{t('auth.signInTitle')}</h1>
      <p>{t('board.signIn.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <CredentialFields email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
        <Button type="submit" disabled={busy}>
          {t('auth.signIn')}
        </Button>
      </form>
    </section>
  );
}
