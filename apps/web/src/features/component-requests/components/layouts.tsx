import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/session';
import '../component-requests.css';

/**
 * The sub-navigation of the supply pages, above the requests' and the supply plans' routes alike:
 * requests, the approval queue (logistics, admin), monthly plans, plan vs actual and the metrics — as the
 * permission table lets the role.
 */
export function SupplyLayout() {
  const { t } = useTranslation();
  const requests = useCan('componentRequests', 'read');
  const approve = useCan('requestApproval', 'write');
  const plans = useCan('supplyPlans', 'read');
  const metrics = useCan('requestMetrics', 'read');
  const links = [
    { to: '/component-requests', label: t('componentRequests.nav.list'), testId: 'subnav-requests', show: requests },
    {
      to: '/component-requests/approvals',
      label: t('componentRequests.nav.approvals'),
      testId: 'subnav-approvals',
      show: approve,
    },
    { to: '/supply-plans', label: t('supplyPlans.nav.editor'), testId: 'subnav-supply-plans', show: plans },
    {
      to: '/supply-plans/plan-vs-actual',
      label: t('supplyPlans.nav.planVsActual'),
      testId: 'subnav-plan-vs-actual',
      show: plans,
    },
    {
      to: '/component-requests/metrics',
      label: t('componentRequests.nav.metrics'),
      testId: 'subnav-metrics',
      show: metrics,
    },
  ].filter((l) => l.show);

  return (
    <div className="component-requests">
      <nav className="sub-nav" aria-label={t('componentRequests.sections')}>
        {links.map((l) => (
          <NavLink key={l.to} to={l.to} end className="sub-nav-link" data-testid={l.testId}>
            {l.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
