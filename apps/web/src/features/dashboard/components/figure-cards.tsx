import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@jv/contracts';
import type { DashboardLinks } from './dashboard-links';
import { FigureLink } from './figure-link';
import { useDashboardFormat } from './use-dashboard-format';

/** Turnaround of the jobs completed in the last 90 days: median days and how many. */
export function TurnaroundCard({ turnaround, links }: { turnaround: Dashboard['turnaround']; links: DashboardLinks }) {
  const { t } = useTranslation();
  const fmt = useDashboardFormat();
  return (
    <article className="card dash-card" aria-labelledby="dash-turnaround-title" data-testid="dash-turnaround">
      <h2 id="dash-turnaround-title">{t('dashboard.turnaround.title')}</h2>
      <dl className="dash-figures">
        <div>
          <dt>{t('dashboard.turnaround.median')}</dt>
          <dd className="dash-big-figure" data-testid="dash-turnaround-median">
            {fmt.decimal(turnaround.medianDays)}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.turnaround.completed')}</dt>
          <dd className="dash-mid-figure" data-testid="dash-turnaround-completed">
            {fmt.number(turnaround.completed)}
          </dd>
        </div>
      </dl>
      <p className="muted dash-figure-help">{t('dashboard.turnaround.help')}</p>
      <FigureLink to={links.turnaround} testId="dash-turnaround-link">
        {links.turnaroundIsMetrics ? t('dashboard.turnaround.metricsLink') : t('dashboard.turnaround.completedLink')}
      </FigureLink>
    </article>
  );
}

/** Approved requests not delivered by their needed-by date. */
export function OverdueRequestsCard({
  overdue,
  links,
}: {
  overdue: Dashboard['overdueRequests'];
  links: DashboardLinks;
}) {
  const { t } = useTranslation();
  const fmt = useDashboardFormat();
  return (
    <article className="card dash-card" aria-labelledby="dash-overdue-title" data-testid="dash-overdue-requests">
      <h2 id="dash-overdue-title">{t('dashboard.overdueRequests.title')}</h2>
      <FigureLink
        to={links.overdueRequests}
        label={`${t('dashboard.overdueRequests.title')}: ${fmt.number(overdue.count)}`}
        className={`dash-big-figure${overdue.count > 0 ? ' dash-danger' : ''}`}
        testId="dash-overdue-count"
      >
        {fmt.number(overdue.count)}
      </FigureLink>
      <p className="muted dash-figure-help">{t('dashboard.overdueRequests.help')}</p>
      {overdue.oldestNeededBy ? (
        <p className="dash-figure-help">
          {t('dashboard.overdueRequests.oldest', { date: fmt.date(overdue.oldestNeededBy) })}
        </p>
      ) : overdue.count === 0 ? (
        <p className="dash-figure-help">{t('dashboard.overdueRequests.none')}</p>
      ) : null}
    </article>
  );
}
