import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState, Notice } from '../../../components/states';
import { useCurrentUser } from '../../../lib/session';
import { useDashboard } from '../api/get-dashboard';
import { AvailabilityTrend } from '../components/availability-trend';
import { BacklogChart } from '../components/backlog-chart';
import { CohortsPanel } from '../components/cohorts-panel';
import { CrewGapsPanel } from '../components/crew-gaps-panel';
import { dashboardLinks } from '../components/dashboard-links';
import { OverdueRequestsCard, TurnaroundCard } from '../components/figure-cards';
import { FleetNow } from '../components/fleet-now';
import { useDashboardFormat } from '../components/use-dashboard-format';
import '../dashboard.css';

/**
 * The home page's figures for every role (GET /v1/dashboard): fleet availability now and over 12 months,
 * repair backlog per workshop, turnaround, overdue requests, upcoming cohorts and crew-coverage gaps.
 * Each figure links to the list it summarises where the role may open it. Partner users get their
 * country's slice from the API; the caption says so.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const fmt = useDashboardFormat();
  const user = useCurrentUser();
  const query = useDashboard();

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const links = dashboardLinks(user.role);

  return (
    <section className="dash" aria-labelledby="dash-title" data-testid="dashboard">
      <div className="dash-head">
        <h2 id="dash-title">{t('dashboard.title')}</h2>
        <p className="muted" data-testid="dash-as-of">
          {t('dashboard.asOf', { date: fmt.dateTime(data.asOf) })}
        </p>
      </div>
      {data.partnerId !== null || user.role === 'partner' ? (
        <Notice>
          <span data-testid="dash-partner-slice">{t('dashboard.partnerSlice')}</span>
        </Notice>
      ) : null}
      <div className="dash-cards">
        <FleetNow fleet={data.fleet} links={links} />
        <TurnaroundCard turnaround={data.turnaround} links={links} />
        <OverdueRequestsCard overdue={data.overdueRequests} links={links} />
      </div>
      <div className="dash-panels">
        <AvailabilityTrend trend={data.fleet.trend} links={links} />
        <BacklogChart backlog={data.backlog} links={links} />
        <CohortsPanel cohorts={data.upcomingCohorts} asOf={data.asOf} links={links} />
        <CrewGapsPanel gaps={data.crewCoverageGaps} links={links} />
      </div>
    </section>
  );
}
