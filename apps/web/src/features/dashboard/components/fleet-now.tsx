import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@jv/contracts';
import { readinessClasses } from '@jv/domain';
import { IN_TRANSIT_COLOR, READINESS_COLORS } from '../../../components/chart-palette';
import { ChartTable } from '../../../components/chart-table';
import type { DashboardLinks } from './dashboard-links';
import { FigureLink } from './figure-link';
import { useDashboardFormat } from './use-dashboard-format';

/**
 * Fleet availability now: the big figure (FMC + PMC of the systems in service), and the systems per
 * readiness class and in transit as one bar to scale, its legend in the bar's order, each entry a link.
 */
export function FleetNow({ fleet, links }: { fleet: Dashboard['fleet']; links: DashboardLinks }) {
  const { t } = useTranslation();
  const fmt = useDashboardFormat();
  const count = (cls: (typeof readinessClasses)[number]) =>
    fleet.byReadiness.find((r) => r.readiness === cls)?.systems ?? 0;
  const segments = [
    ...readinessClasses.map((cls) => ({
      key: cls,
      label: t(`systems.readiness.${cls}`),
      long: t(`systems.readinessLong.${cls}`),
      systems: count(cls),
      color: READINESS_COLORS[cls],
      to: links.readiness(cls),
    })),
    {
      key: 'in_transit',
      label: t('dashboard.fleet.inTransit'),
      long: null,
      systems: fleet.inTransit,
      color: IN_TRANSIT_COLOR,
      to: links.inTransit,
    },
  ];
  const total = segments.reduce((sum, s) => sum + s.systems, 0);
  const available = count('FMC') + count('PMC');

  return (
    <article className="card dash-card" aria-labelledby="dash-fleet-title" data-testid="dash-fleet">
      <h2 id="dash-fleet-title">{t('dashboard.fleet.title')}</h2>
      <FigureLink to={links.systems} className="dash-big-figure" testId="dash-availability">
        {fmt.rate(fleet.availabilityRate)}
      </FigureLink>
      <p className="muted dash-figure-help">
        {t('dashboard.fleet.availability')}
        {': '}
        {fleet.inService > 0
          ? t('dashboard.fleet.availableOf', {
              available: fmt.number(available),
              inService: fmt.number(fleet.inService),
            })
          : t('dashboard.fleet.noSystems')}
      </p>
      {total > 0 ? (
        <div className="dash-stack" aria-hidden="true" data-testid="dash-readiness-bar">
          {segments
            .filter((s) => s.systems > 0)
            .map((s) => (
              <span
                key={s.key}
                className="dash-stack-segment"
                data-segment={s.key}
                style={{ width: `${(s.systems / total) * 100}%`, backgroundColor: s.color }}
                title={`${s.label}: ${fmt.number(s.systems)}`}
              />
            ))}
        </div>
      ) : null}
      <ul className="chart-legend dash-legend" aria-label={t('dashboard.fleet.breakdown')}>
        {segments.map((s) => (
          <li key={s.key} data-testid={`dash-readiness-${s.key}`}>
            <span className="chart-swatch" style={{ backgroundColor: s.color }} aria-hidden="true" />
            <FigureLink to={s.to} label={`${s.long ? `${s.label} (${s.long})` : s.label}: ${fmt.number(s.systems)}`}>
              {s.long ? <abbr title={s.long}>{s.label}</abbr> : s.label} <strong>{fmt.number(s.systems)}</strong>
            </FigureLink>
          </li>
        ))}
      </ul>
      <ChartTable
        caption={t('dashboard.fleet.breakdown')}
        columns={[t('dashboard.fleet.className'), t('dashboard.fleet.systems')]}
        rows={segments.map((s) => ({
          key: s.key,
          header: s.long ? `${s.label} — ${s.long}` : s.label,
          cells: [fmt.number(s.systems)],
        }))}
        testId="dash-readiness-table"
      />
    </article>
  );
}
