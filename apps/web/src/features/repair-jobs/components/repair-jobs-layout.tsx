import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/session';
import '../repair-jobs.css';

/** The sub-navigation of the repair-jobs pages (board, list, dashboard, plans) above each page. */
export function RepairJobsLayout() {
  const { t } = useTranslation();
  const metrics = useCan('repairMetrics', 'read');
  const plans = useCan('preventivePlans', 'read');
  const links = [
    { to: '/repair-jobs/board', label: t('repairJobs.nav.board'), testId: 'subnav-board', end: true, show: true },
    { to: '/repair-jobs?open=true', label: t('repairJobs.nav.list'), testId: 'subnav-list', end: true, show: true },
    {
      to: '/repair-jobs/dashboard',
      label: t('repairJobs.nav.dashboard'),
      testId: 'subnav-dashboard',
      end: true,
      show: metrics,
    },
    { to: '/repair-jobs/plans', label: t('repairJobs.nav.plans'), testId: 'subnav-plans', end: true, show: plans },
  ].filter((l) => l.show);

  return (
    <div className="repair-jobs">
      <nav className="sub-nav" aria-label={t('repairJobs.sections')}>
        {links.map((l) => (
          <NavLink key={l.to} to={l.to} end={l.end} className="sub-nav-link" data-testid={l.testId}>
            {l.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
