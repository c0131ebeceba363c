import {
  Button,
  en,
  ja,
  LanguageSwitch,
  LiveMessage,
  NavBar,
  StepUpDialog,
  useAppShell,
  useI18n,
  type Language,
  type MessageKey,
} from '@infobank/web-ui';
import { useCallback, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { AppContext, type AppServices } from './app-context';
import { ForgotPasswordScreen, ResetPasswordScreen, VerifyBanner, VerifyEmailScreen } from './screens/account-email-screens';
import { ApprovalsScreen } from './screens/approvals-screen';
import { ComplaintScreen, ComplaintsScreen } from './screens/complaints-screen';
import { ConsentsScreen } from './screens/consents-screen';
import { DataScreen } from './screens/data-screen';
import { DisclosuresScreen } from './screens/disclosures-screen';
import { HistoryScreen } from './screens/history-screen';
import { HomeScreen } from './screens/home-screen';
import { NotificationsScreen } from './screens/notifications-screen';
import { OfferScreen, OffersScreen } from './screens/offers-screen';
import { SettingsScreen } from './screens/settings-screen';
import { SignInScreen } from './screens/sign-in-screen';
import { StandingConditionsScreen } from './screens/standing-conditions-screen';
import { TermsDialog, useTermsPrompt } from './screens/terms-dialog';
import { TermsScreen } from './screens/terms-screen';
import { TransparencyScreen } from './screens/transparency-screen';

const NAVIGATION: { path: string; label: MessageKey }[] = [
  { path: '/', label: 'nav.home' },
  { path: '/data', label: 'nav.data' },
  { path: '/offers', label: 'nav.offers' },
  { path: '/consents', label: 'nav.consents' },
  { path: '/history', label: 'nav.history' },
  { path: '/approvals', label: 'nav.approvals' },
  { path: '/standing-conditions', label: 'nav.standing' },
  { path: '/notifications', label: 'nav.notifications' },
  { path: '/terms', label: 'nav.terms' },
  { path: '/disclosures', label: 'nav.disclosures' },
  { path: '/complaints', label: 'nav.complaints' },
  { path: '/settings', label: 'nav.settings' },
];

// The one page anyone can open without signing in (linked from every page's footer, not the main menu).
const PUBLIC_PAGE = '/transparency';

// The pages mail links and the sign-in page lead to: they work signed in or not.
const ACCOUNT_PAGES = new Set(['/verify-email', '/forgot-password', '/reset-password']);

function screenFor(path: string): ReactNode {
  const offer = /^\/offers\/([0-9a-f-]{36})$/.exec(path);
  if (offer) return <OfferScreen offerId={offer[1]} />;
  const complaint = /^\/complaints\/([0-9a-f-]{36})$/.exec(path);
  if (complaint) return <ComplaintScreen complaintId={complaint[1]} />;
  switch (path) {
    case '/data':
      return <DataScreen />;
    case '/offers':
      return <OffersScreen />;
    case '/consents':
      return <ConsentsScreen />;
    case '/history':
      return <HistoryScreen />;
    case '/approvals':
      return <ApprovalsScreen />;
    case '/standing-conditions':
      return <StandingConditionsScreen />;
    case '/notifications':
      return <NotificationsScreen />;
    case '/terms':
      return <TermsScreen />;
    case '/disclosures':
      return <DisclosuresScreen />;
    case '/complaints':
      return <ComplaintsScreen />;
    case '/settings':
      return <SettingsScreen />;
    case '/transparency':
      return <TransparencyScreen />;
    default:
      return <HomeScreen />;
  }
}

/** The individual's web app: the shell (header, navigation, live region) around one screen at a time. */
export function App() {
  const { t } = useI18n();
  const { api, path, session, message, stepUp, mainReference, navigate, announce, markSignedIn } = useAppShell();
  const termsPrompt = useTermsPrompt();
  const [account, setAccount] = useState<{ emailVerified: boolean } | null>(null);
  const [unread, setUnread] = useState(0);
  const [badgesVersion, setBadgesVersion] = useState(0);
  const refreshBadges = useCallback(() => setBadgesVersion((version) => version + 1), []);

  useEffect(() => api.setTermsPrompt(termsPrompt.ask), [api, termsPrompt.ask]);

  // Whether the address is verified (the banner) and the unread count (the menu), fetched again on every page change.
  useEffect(() => {
    if (session !== 'in') {
      setAccount(null);
      setUnread(0);
      return;
    }
    let current = true;
    api
      .call<{ emailVerified: boolean }>('GET', '/v1/me')
      .then((me) => current && setAccount(me))
      .catch(() => undefined);
    api
      .call<{ unread: number }>('GET', '/v1/me/notifications/unread-count')
      .then((count) => current && setUnread(count.unread))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, session, path, badgesVersion]);

  const saveLanguage = useCallback(
    (language: Language) => {
      // Signed out, the choice lives only in this browser's language item.
      if (!api.signedIn) return;
      api
        .call('PATCH', '/v1/me', { body: { language } })
        .catch(() => announce((language === 'ja' ? ja : en)['settings.languageSaveFailed'], 'error'));
    },
    [api, announce],
  );
  const services = useMemo<AppServices>(
    () => ({ api, navigate, announce, saveLanguage, refreshBadges }),
    [api, navigate, announce, saveLanguage, refreshBadges],
  );
  const accountPage = (page: string): ReactNode => {
    if (page === '/verify-email') return <VerifyEmailScreen signedIn={signedIn} onVerified={refreshBadges} />;
    if (page === '/forgot-password') return <ForgotPasswordScreen signedIn={signedIn} />;
    // Every session ended with the reset, this browser's included.
    return <ResetPasswordScreen onReset={() => void api.logOut().catch(() => undefined)} />;
  };

  const signedIn = session === 'in';
  const link = (target: string) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(target);
  };
  return (
    <AppContext.Provider value={services}>
      <a className="ib-skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <p>{t('app.name')}</p>
        <div>
          <LanguageSwitch onSwitch={saveLanguage} />
          {signedIn ? (
            <Button tone="secondary" onClick={() => void api.logOut().finally(() => navigate('/'))}>
              {t('auth.signOut')}
            </Button>
          ) : null}
        </div>
      </header>
      {signedIn ? (
        <div className="app-nav">
          <NavBar
            label={t('nav.label')}
            current={path}
            onNavigate={navigate}
            items={NAVIGATION.map((item) =>
              item.path === '/notifications' && unread > 0
                ? { path: item.path, label: t(item.label), badge: unread, badgeLabel: t('nav.unreadCount', { count: unread }) }
                : { path: item.path, label: t(item.label) },
            )}
          />
        </div>
      ) : null}
      {signedIn && account?.emailVerified === false && path !== '/verify-email' ? <VerifyBanner /> : null}
      <main id="main" ref={mainReference} tabIndex={-1}>
        <LiveMessage message={message?.text ?? null} tone={message?.tone ?? 'info'} />
        {ACCOUNT_PAGES.has(path) ? (
          accountPage(path)
        ) : path === PUBLIC_PAGE && !signedIn ? (
          // Open to everyone: the page needs no session, so it does not wait for one.
          <TransparencyScreen />
        ) : session === 'resuming' ? (
          <p>{t('common.loading')}</p>
        ) : signedIn ? (
          screenFor(path)
        ) : (
          <SignInScreen onSignedIn={markSignedIn} />
        )}
      </main>
      {session === 'resuming' && path !== PUBLIC_PAGE ? null : (
        <footer className="app-footer">
          <ul>
            <li>
              <a href={PUBLIC_PAGE} aria-current={path === PUBLIC_PAGE ? 'page' : undefined} onClick={link(PUBLIC_PAGE)}>
                {t('transparency.link')}
              </a>
            </li>
            {!signedIn && path === PUBLIC_PAGE ? (
              <li>
                <a href="/" onClick={link('/')}>
                  {t('transparency.back')}
                </a>
              </li>
            ) : null}
          </ul>
        </footer>
      )}
      <StepUpDialog open={stepUp.open} finish={stepUp.finish} />
      <TermsDialog api={api} version={termsPrompt.version} finish={termsPrompt.finish} />
    </AppContext.Provider>
  );
}
