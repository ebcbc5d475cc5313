import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@jv/contracts';
import { SERIES_COLORS } from '../../../components/chart-palette';
import { ChartTable, PartialMark, partialFill } from '../../../components/chart-table';
import type { DashboardLinks } from './dashboard-links';
import { FigureLink } from './figure-link';
import { useDashboardFormat } from './use-dashboard-format';

const TICKS = [100, 75, 50, 25, 0];

/**
 * The availability rate of the last 12 months as columns on a 0–100 % axis. The current month is not
 * over: its column is hatched and labelled "partial", so a low value reads as "so far", not as a drop.
 */
export function AvailabilityTrend({ trend, links }: { trend: Dashboard['fleet']['trend']; links: DashboardLinks }) {
  const { t } = useTranslation();
  const fmt = useDashboardFormat();
  const color = SERIES_COLORS.actual;
  const anyPartial = trend.some((m) => m.partial);

  return (
    <section className="panel dash-panel dash-span-all" aria-labelledby="dash-trend-title" data-testid="dash-trend">
      <div className="dash-panel-head">
        <h2 id="dash-trend-title">{t('dashboard.trend.title')}</h2>
        <FigureLink to={links.readinessSummary}>{t('dashboard.trend.summary')}</FigureLink>
      </div>
      <p className="muted dash-figure-help">{t('dashboard.trend.caption')}</p>
      <div className="dash-columns" aria-hidden="true">
        <div className="dash-columns-axis">
          {TICKS.map((tick) => (
            <span key={tick} style={{ bottom: `${tick}%` }}>
              {fmt.rate(tick)}
            </span>
          ))}
        </div>
        <div className="dash-columns-plot">
          {TICKS.map((tick) => (
            <span key={`grid-${tick}`} className="dash-columns-grid" style={{ bottom: `${tick}%` }} />
          ))}
          {trend.map((m) => (
            <div
              key={m.month}
              className="dash-column"
              data-testid="dash-trend-bar"
              data-month={m.month}
              data-partial={m.partial || undefined}
            >
              <span
                className="dash-column-bar"
                data-rate={m.availabilityRate ?? ''}
                style={{
                  height: `${m.availabilityRate ?? 0}%`,
                  ...(m.partial ? partialFill(color) : { backgroundColor: color }),
                }}
                title={`${fmt.monthLong(m.month)}: ${fmt.rate(m.availabilityRate)}`}
              />
              <span className="dash-column-value" style={{ bottom: `${m.availabilityRate ?? 0}%` }}>
                {fmt.rate(m.availabilityRate)}
              </span>
            </div>
          ))}
        </div>
        <div className="dash-columns-labels">
          {trend.map((m) => (
            <span key={m.month}>
              {fmt.monthShort(m.month)}
              {m.partial ? (
                <>
                  <br />
                  <PartialMark bare />
                </>
              ) : null}
            </span>
          ))}
        </div>
      </div>
      {anyPartial ? (
        <p className="muted dash-note" data-testid="dash-trend-partial-note">
          <span className="chart-swatch" style={partialFill(color)} aria-hidden="true" />
          {t('dashboard.trend.partialNote')}
        </p>
      ) : null}
      <ChartTable
        variant="details"
        caption={t('dashboard.trend.title')}
        columns={[
          t('dashboard.trend.month'),
          t('dashboard.trend.rate'),
          t('dashboard.trend.available'),
          t('dashboard.trend.inService'),
        ]}
        rows={trend.map((m) => ({
          key: m.month,
          header: fmt.monthLong(m.month),
          partial: m.partial,
          cells: [fmt.rate(m.availabilityRate), fmt.number(m.available), fmt.number(m.inService)],
        }))}
        testId="dash-trend-table"
      />
    </section>
  );
}
