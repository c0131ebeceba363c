import { Button, Dialog, LanguageSwitch, useI18n } from '@infobank/web-ui';
import { useState } from 'react';
import { useAction, useApp } from '../app-context';

/** 設定: language (saved to the account too), sign-out everywhere, account closure (step-up, with what happens said plainly). */
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
