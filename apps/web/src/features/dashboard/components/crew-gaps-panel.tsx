import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@jv/contracts';
import { SERIES_COLORS } from '../../../components/chart-palette';
import { ChartTable } from '../../../components/chart-table';
import { EmptyState } from '../../../components/states';
import type { DashboardLinks } from './dashboard-links';
import { FigureLink } from './figure-link';
import { useDashboardFormat } from './use-dashboard-format';

/** Models whose qualified crews fall short: crews covered as a bar of crews required, and the gap. */
export function CrewGapsPanel({ gaps, links }: { gaps: Dashboard['crewCoverageGaps']; links: DashboardLinks }) {
  const { t } = useTranslation();
  const fmt = useDashboardFormat();
  return (
    <section className="panel dash-panel" aria-labelledby="dash-crew-title" data-testid="dash-crew">
      <div className="dash-panel-head">
        <h2 id="dash-crew-title">{t('dashboard.crew.title')}</h2>
        <FigureLink to={links.crewCoverage} testId="dash-crew-link">
          {t('dashboard.crew.coverageLink')}
        </FigureLink>
      </div>
      <p className="muted dash-figure-help">{t('dashboard.crew.help')}</p>
      {gaps.length === 0 ? (
        <EmptyState message={t('dashboard.crew.empty')} />
      ) : (
        <>
          <ul className="dash-meters">
            {gaps.map((g) => (
              <li key={g.modelId} className="dash-meter-item" data-testid="dash-crew-gap">
                <div className="dash-meter-head">
                  <span className="dash-meter-title" title={g.designation}>
                    {g.designation}
                  </span>
                  <strong className="dash-danger nowrap">
                    {t('dashboard.crew.gap')}: {fmt.number(g.gap)}
                  </strong>
                </div>
                <div className="dash-meter-row">
                  <span className="dash-hbar-track dash-hbar-track-required" aria-hidden="true">
                    <span
                      className="dash-hbar"
                      style={{
                        width: `${g.crewsRequired > 0 ? Math.min(100, (g.crewsCovered / g.crewsRequired) * 100) : 0}%`,
                        backgroundColor: SERIES_COLORS.actual,
                      }}
                    />
                  </span>
                  <span className="dash-hbar-value nowrap">
                    {t('dashboard.crew.coveredOf', {
                      covered: fmt.number(g.crewsCovered),
                      required: fmt.number(g.crewsRequired),
                    })}
                  </span>
                </div>
              </li>
            ))}
          </ul>
          <ChartTable
            caption={t('dashboard.crew.title')}
            columns={[
              t('dashboard.crew.model'),
              t('dashboard.crew.systemsInService'),
              t('dashboard.crew.required'),
              t('dashboard.crew.covered'),
              t('dashboard.crew.gap'),
            ]}
            rows={gaps.map((g) => ({
              key: g.modelId,
              header: g.designation,
              cells: [
                fmt.number(g.systemsInService),
                fmt.number(g.crewsRequired),
                fmt.number(g.crewsCovered),
                fmt.number(g.gap),
              ],
            }))}
            testId="dash-crew-table"
          />
        </>
      )}
    </section>
  );
}
