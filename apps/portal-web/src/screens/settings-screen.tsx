import { Button, Dialog, ja, LanguageSwitch, Switch, useI18n, type MessageKey } from '@infobank/web-ui';
import { useEffect, useState } from 'react';
import { useAction, useApp, useLoad } from '../app-context';

interface MailPreference {
  kind: string;
  email: boolean;
}

/** メールで受け取るお知らせ: one switch per notification kind, saved together. */
function MailPreferences() {
  const { t } = useI18n();
  const { api } = useApp();
  const act = useAction();
  const { data } = useLoad((client) => client.call<{ preferences: MailPreference[] }>('GET', '/v1/me/notification-preferences'));
  const [choices, setChoices] = useState<MailPreference[] | null>(null);
  useEffect(() => setChoices(data?.preferences ?? null), [data]);
  // A kind added later without copy of its own is shown by its code rather than hidden.
  const label = (kind: string) => {
    const key = `notificationKind.${kind}`;
    return Object.hasOwn(ja, key) ? t(key as MessageKey) : kind;
  };
  const save = () =>
    void act(() => api.call('PUT', '/v1/me/notification-preferences', { body: { preferences: choices } }), t('settings.mailSaved'));
  return (
    <>
      <h2>{t('settings.mail')}</h2>
      <p>{t('settings.mailExplain')}</p>
      {choices === null ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          {choices.map((choice) => (
            <Switch
              key={choice.kind}
              label={label(choice.kind)}
              checked={choice.email}
              onChange={(email) => setChoices(choices.map((other) => (other.kind === choice.kind ? { ...other, email } : other)))}
            />
          ))}
          <Button onClick={save}>{t('common.save')}</Button>
        </>
      )}
    </>
  );
}

/** 設定: language (saved to the account too), e-mail for notifications, sign-out everywhere, account closure (step-up, with what happens said plainly). */
export function SettingsScreen() {
  const { t } = useI18n();
  const { api, navigate, announce, saveLanguage } = useApp();
  const act = useAction();
  const [closing, setClosing] = useState(false);
  const closeAccount = async () => {
    setClosing(false);
    if (await act(() => api.call('DELETE', '/v1/me', { stepUp: true }))) {
      await api.logOut().catch(() => undefined);
      navigate('/');
      announce(t('settings.closed'));
    }
  };
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <h2>{t('settings.language')}</h2>
      <p>{t('language.name')}</p>
      <LanguageSwitch onSwitch={saveLanguage} />
      <MailPreferences />
      <h2>{t('settings.signOutEverywhere')}</h2>
      <p>{t('settings.signOutEverywhereExplain')}</p>
      <Button tone="secondary" onClick={() => void act(() => api.logOutEverywhere()).then(() => navigate('/'))}>
        {t('settings.signOutEverywhere')}
      </Button>
      <h2>{t('settings.close')}</h2>
      <p>{t('settings.closeExplain')}</p>
      <Button tone="danger" onClick={() => setClosing(true)}>
        {t('settings.close')}
      </Button>
      <Dialog title={t('settings.closeTitle')} open={closing} onClose={() => setClosing(false)}>
        <p>{t('settings.closeExplain')}</p>
        <Button tone="danger" onClick={() => void closeAccount()}>
          {t('settings.closeConfirm')}
        </Button>
        <Button tone="secondary" onClick={() => setClosing(false)}>
          {t('common.cancel')}
        </Button>
      </Dialog>
    </>
  );
}
