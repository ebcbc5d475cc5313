import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@jv/contracts';
import { SERIES_COLORS } from '../../../components/chart-palette';
import { ChartTable } from '../../../components/chart-table';
import { EmptyState } from '../../../components/states';
import { addDays, type DashboardLinks } from './dashboard-links';
import { FigureLink } from './figure-link';
import { useDashboardFormat } from './use-dashboard-format';

/** The cohorts starting within 30 days, each with its seats taken as a bar of its seats (0 to all seats). */
export function CohortsPanel({
  cohorts,
  asOf,
  links,
}: {
  cohorts: Dashboard['upcomingCohorts'];
  asOf: string;
  links: DashboardLinks;
}) {
  const { t } = useTranslation();
  const fmt = useDashboardFormat();
  const today = asOf.slice(0, 10);
  const seatUse = (c: Dashboard['upcomingCohorts'][number]) =>
    t('dashboard.cohorts.seatUse', { taken: fmt.number(c.seatsTaken), seats: fmt.number(c.seats) });

  return (
    <section className="panel dash-panel" aria-labelledby="dash-cohorts-title" data-testid="dash-cohorts">
      <div className="dash-panel-head">
        <h2 id="dash-cohorts-title">{t('dashboard.cohorts.title')}</h2>
        <FigureLink to={links.cohorts(today, addDays(today, 30))} testId="dash-cohorts-link">
          {t('dashboard.cohorts.allCohorts')}
        </FigureLink>
      </div>
      <p className="muted dash-figure-help">{t('dashboard.cohorts.help')}</p>
      {cohorts.length === 0 ? (
        <EmptyState message={t('dashboard.cohorts.empty')} />
      ) : (
        <>
          <ul className="dash-meters">
            {cohorts.map((c) => (
              <li key={c.cohortId} className="dash-meter-item" data-testid="dash-cohort">
                <div className="dash-meter-head">
                  <FigureLink to={links.cohort(c.cohortId)} className="mono">
                    {c.code}
                  </FigureLink>
                  <span className="dash-meter-title" title={c.courseTitle}>
                    {c.courseTitle}
                  </span>
                  <span className="muted nowrap">{fmt.date(c.startsOn)}</span>
                </div>
                <div className="dash-meter-row">
                  <span className="dash-hbar-track" aria-hidden="true">
                    <span
                      className="dash-hbar"
                      data-testid="dash-cohort-bar"
                      style={{
                        width: `${c.seats > 0 ? Math.min(100, (c.seatsTaken / c.seats) * 100) : 0}%`,
                        backgroundColor: SERIES_COLORS.actual,
                      }}
                    />
                  </span>
                  <span className="dash-hbar-value nowrap">{seatUse(c)}</span>
                </div>
              </li>
            ))}
          </ul>
          <ChartTable
            caption={t('dashboard.cohorts.title')}
            columns={[
              t('dashboard.cohorts.group'),
              t('dashboard.cohorts.startsOn'),
              t('dashboard.cohorts.seatsTaken'),
              t('dashboard.cohorts.seats'),
            ]}
            rows={cohorts.map((c) => ({
              key: c.cohortId,
              header: `${c.code} — ${c.courseTitle} (${c.facilityName})`,
              cells: [fmt.date(c.startsOn), fmt.number(c.seatsTaken), fmt.number(c.seats)],
            }))}
            testId="dash-cohorts-table"
          />
        </>
      )}
    </section>
  );
}
