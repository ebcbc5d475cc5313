import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '@jv/domain';
import { PageHeader } from '../../../components/page-header';
import { useEnumLabel } from '../../../components/use-enum-label';
import { useCurrentUser } from '../../../lib/session';
import { Dashboard } from '../../dashboard/routes/dashboard';
import { WorkshopHome } from '../../repair-jobs/routes/workshop-home';

/**
 * The landing page: who you are, where your role goes next (compact), and the dashboard of the figures
 * that matter to every role, each leading to its list. A workshop user lands on the facility's work instead.
 */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const enumLabel = useEnumLabel();

  const links = [
    { to: '/systems', label: t('home.systemsLink'), show: can(user.role, 'systems', 'read') },
    { to: '/systems/readiness', label: t('home.readinessLink'), show: can(user.role, 'systems', 'read') },
    { to: '/repair-jobs?open=true', label: t('home.repairJobsLink'), show: can(user.role, 'repairJobs', 'read') },
    { to: '/repair-jobs/dashboard', label: t('home.repairMetricsLink'), show: can(user.role, 'repairMetrics', 'read') },
    {
      to: '/component-requests',
      label: t('home.requestsLink'),
      show: can(user.role, 'componentRequests', 'read'),
    },
    {
      to: '/component-requests/approvals',
      label: t('home.approvalsLink'),
      show: can(user.role, 'requestApproval', 'write'),
    },
    {
      to: '/supply-plans/plan-vs-actual',
      label: t('home.supplyPlansLink'),
      show: can(user.role, 'supplyPlans', 'read'),
    },
    { to: '/reference', label: t('home.referenceLink'), show: can(user.role, 'referenceData', 'read') },
    { to: '/admin/users', label: t('home.usersLink'), show: can(user.role, 'users', 'read') },
    { to: '/admin/audit', label: t('home.auditLink'), show: can(user.role, 'audit', 'read') },
  ].filter((l) => l.show);

  if (user.role === 'workshop') return <WorkshopHome />;

  return (
    <section data-testid="home-page">
      <PageHeader
        title={t('home.welcome', { name: user.displayName })}
        description={t('home.yourRole', { role: enumLabel('role', user.role) })}
      />
      <div className="card home-intro">
        <p data-testid="role-description">{enumLabel('roleDescription', user.role)}</p>
        <nav className="home-quick-links" aria-labelledby="quick-links">
          <h2 id="quick-links">{t('home.quickLinks')}</h2>
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <Link to={l.to}>{l.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Dashboard />
    </section>
  );
}
