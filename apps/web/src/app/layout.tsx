import { NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '@jv/domain';
import { LanguageSwitch } from '../components/language-switch';
import { useEnumLabel } from '../components/use-enum-label';
import { useLogout } from '../features/auth/api/logout';
import { useUpdateMyPreferences } from '../features/auth/api/update-my-preferences';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { OutboxBadge } from '../features/outbox/components/outbox-badge';
import { currentUiLocale } from '../i18n/i18n';
import { useCurrentUser } from '../lib/session';
import { ConnectionBanners, ConnectionStatus } from './connection-status';

/** Longer than this, a name may not fit the header's two lines at 1024 px. */
const LONG_NAME = 40;

/** The signed-in shell: dark header with navigation fitted to the role, user, language and sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const enumLabel = useEnumLabel();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // a page's code is fetched on its first visit (app/router.tsx): the old page stays until it arrives
  const pageLoading = useNavigation().state === 'loading';
  const logout = useLogout();
  const preferences = useUpdateMyPreferences();
  // until the required setup is done (second factor, own password) only "My account" works: no other links
  const setupPending = user.setupRequired.length > 0;

  const nav = [
    { to: '/', label: t('nav.home'), testId: 'nav-home', end: true, show: true },
    {
      to: '/systems',
      label: t('systems.title'),
      testId: 'nav-systems',
      end: false,
      show: can(user.role, 'systems', 'read'),
    },
    // workshop staff land on their board; everybody else on the list
    {
      to: user.role === 'workshop' ? '/repair-jobs/board' : '/repair-jobs?open=true',
      label: t('repairJobs.title'),
      testId: 'nav-repair-jobs',
      end: false,
      show: can(user.role, 'repairJobs', 'read'),
    },
    // component requests and supply plans share one entry (and one sub-navigation): the header stays one line
    {
      to: can(user.role, 'componentRequests', 'read') ? '/component-requests' : '/supply-plans',
      label: t('nav.supply'),
      testId: 'nav-supply',
      end: false,
      show: can(user.role, 'componentRequests', 'read') || can(user.role, 'supplyPlans', 'read'),
      alsoActive: ['/component-requests', '/supply-plans'],
    },
    // courses, cohorts, calendar, personnel and crew coverage share one entry (and one sub-navigation)
    {
      to: '/training',
      label: t('nav.training'),
      testId: 'nav-training',
      end: false,
      show: can(user.role, 'training', 'read'),
    },
    {
      to: '/partner-reports',
      label: t('partnerReports.title'),
      testId: 'nav-partner-reports',
      end: false,
      show: can(user.role, 'partnerReports', 'read'),
    },
    {
      to: '/reference',
      label: t('nav.reference'),
      testId: 'nav-reference',
      end: false,
      show: can(user.role, 'referenceData', 'read'),
    },
    {
      to: '/admin/users',
      label: t('nav.users'),
      testId: 'nav-users',
      end: false,
      show: can(user.role, 'users', 'read'),
    },
    {
      to: '/admin/audit',
      label: t('nav.audit'),
      testId: 'nav-audit',
      end: false,
      show: can(user.role, 'audit', 'read'),
    },
  ].filter((item) => item.show && !setupPending);

  /** A section that spans several route trees is active on any of them. */
  const activeBy = (paths: string[] | undefined) =>
    !!paths?.some((p) => pathname === p || pathname.startsWith(`${p}/`));

  const signOut = async () => {
    // entries not sent yet stay on this device for their owner: say so before leaving
    const waiting = await import('../lib/outbox/store').then((m) => m.waitingCount(user.id)).catch(() => 0);
    if (waiting > 0 && !window.confirm(t('outbox.signOutConfirm', { count: waiting }))) return;
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-inner">
          <NavLink to="/" className="brand">
            {t('app.name')}
          </NavLink>
          <nav className="main-nav" aria-label={t('app.mainNav')}>
            {nav.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                end={item.end}
                data-testid={item.testId}
                className={({ isActive }) => (isActive || activeBy(item.alsoActive) ? 'nav-link active' : 'nav-link')}
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="header-tools">
            <ConnectionStatus />
            {setupPending ? null : <OutboxBadge />}
            {setupPending ? null : <NotificationBell />}
            <LanguageSwitch
              current={currentUiLocale()}
              disabled={preferences.isPending}
              onSelect={(locale) => preferences.mutate({ locale })}
            />
            <div className="current-user" data-testid="current-user">
              {/* the name wraps onto a second line; a name past two lines is cut, its title shows it whole */}
              <NavLink
                to="/account"
                className="current-user-name"
                title={user.displayName.length > LONG_NAME ? user.displayName : t('account.link')}
                data-testid="account-link"
              >
                {user.displayName}
              </NavLink>
              <span className="current-user-role">{enumLabel('role', user.role)}</span>
            </div>
            <button
              type="button"
              className="btn btn-header"
              data-testid="logout"
              disabled={logout.isPending}
              onClick={() => void signOut()}
            >
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <div className="route-progress" role="status" data-active={pageLoading || undefined}>
        {pageLoading ? <span className="visually-hidden">{t('common.loading')}</span> : null}
      </div>
      <ConnectionBanners />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
