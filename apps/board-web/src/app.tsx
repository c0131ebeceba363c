import {
  AppServicesContext,
  Button,
  LanguageSwitch,
  LiveMessage,
  NavBar,
  StepUpDialog,
  useAppShell,
  useI18n,
  type AppServices,
  type MessageKey,
} from '@infobank/web-ui';
import { useMemo, type ReactNode } from 'react';
import { AuditScreen } from './screens/audit-screen';
import { CaseScreen } from './screens/case-screen';
import { CasesScreen } from './screens/cases-screen';
import { CompositionScreen } from './screens/composition-screen';
import { ComplaintScreen, ComplaintsScreen } from './screens/complaints-screen';
import { IncidentScreen, IncidentsScreen } from './screens/incidents-screen';
import { OrdersScreen } from './screens/orders-screen';
import { RecipientAuditScreen } from './screens/recipient-audit-screen';
import { ReportScreen, ReportsScreen } from './screens/reports-screen';
import { SignInScreen } from './screens/sign-in-screen';

/** Who is signed in: a board member (every screen) or the complaints desk's staff (苦情 and インシデント). */
type Role = 'board_member' | 'staff';

const NAVIGATION: { path: string; label: MessageKey; staff: boolean }[] = [
  { path: '/cases', label: 'board.nav.cases', staff: false },
  { path: '/orders', label: 'board.nav.orders', staff: false },
  { path: '/audit', label: 'board.nav.audit', staff: false },
  { path: '/reports', label: 'board.nav.reports', staff: false },
  { path: '/incidents', label: 'board.nav.incidents', staff: true },
  { path: '/complaints', label: 'board.nav.complaints', staff: true },
  { path: '/composition', label: 'board.nav.composition', staff: false },
];

const UUID = '([0-9a-f-]{36})';

/** The menu a role may use (the API refuses the rest anyway). */
function navigationFor(role: Role) {
  return NAVIGATION.filter((item) => role === 'board_member' || item.staff);
}

function screenFor(path: string, role: Role): ReactNode {
  const incident = new RegExp(`^/incidents/${UUID}$`).exec(path);
  if (incident) return <IncidentScreen incidentId={incident[1]} role={role} />;
  const complaint = new RegExp(`^/complaints/${UUID}$`).exec(path);
  if (complaint) return <ComplaintScreen complaintId={complaint[1]} role={role} />;
  if (path === '/incidents') return <IncidentsScreen />;
  if (path === '/complaints' || role === 'staff') return <ComplaintsScreen role={role} />;
  const reviewCase = new RegExp(`^/cases/${UUID}$`).exec(path);
  if (reviewCase) return <CaseScreen caseId={reviewCase[1]} />;
  const recipient = new RegExp(`^/audit/recipients/${UUID}$`).exec(path);
  if (recipient) return <RecipientAuditScreen recipientId={recipient[1]} />;
  const report = new RegExp(`^/reports/${UUID}$`).exec(path);
  if (report) return <ReportScreen reportId={report[1]} />;
  switch (path) {
    case '/orders':
      return <OrdersScreen />;
    case '/audit':
      return <AuditScreen />;
    case '/reports':
      return <ReportsScreen />;
    case '/composition':
      return <CompositionScreen />;
    default:
      return <CasesScreen />;
  }
}

/** The navigation entry a path belongs to (a case page belongs to 審査案件; staff start at 苦情). */
function sectionOf(path: string, role: Role): string {
  const section = navigationFor(role).find((item) => path === item.path || path.startsWith(`${item.path}/`));
  return section?.path ?? (role === 'staff' ? '/complaints' : '/cases');
}

/** The board's console: the shell (header, navigation, live region) around one screen at a time. */
export function App() {
  const { t } = useI18n();
  const { api, path, session, message, stepUp, mainReference, navigate, announce, markSignedIn } = useAppShell();

  const services = useMemo<AppServices>(() => ({ api, navigate, announce }), [api, navigate, announce]);

  const signedIn = session === 'in';
  const role: Role = api.role === 'staff' ? 'staff' : 'board_member';
  return (
    <AppServicesContext.Provider value={services}>
      <a className="ib-skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="console-header">
        <p>{t('board.app.name')}</p>
        <div>
          <LanguageSwitch />
          {signedIn ? (
            <Button tone="secondary" onClick={() => void api.logOut().finally(() => navigate('/'))}>
              {t('auth.signOut')}
            </Button>
          ) : null}
        </div>
      </header>
      <div className="console-body">
        {signedIn ? (
          <div className="console-nav">
            <NavBar
              label={t('nav.label')}
              current={sectionOf(path, role)}
              onNavigate={navigate}
              items={navigationFor(role).map((item) => ({ path: item.path, label: t(item.label) }))}
            />
          </div>
        ) : null}
        <main id="main" ref={mainReference} tabIndex={-1}>
          <LiveMessage message={message?.text ?? null} tone={message?.tone ?? 'info'} />
          {session === 'resuming' ? (
            <p>{t('common.loading')}</p>
          ) : signedIn ? (
            screenFor(path, role)
          ) : (
            <SignInScreen onSignedIn={markSignedIn} />
          )}
        </main>
      </div>
      <StepUpDialog open={stepUp.open} finish={stepUp.finish} explain="board.stepUp.explain" />
    </AppServicesContext.Provider>
  );
}
