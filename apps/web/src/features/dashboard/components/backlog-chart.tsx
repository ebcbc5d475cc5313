import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@jv/contracts';
import { SERIES_COLORS } from '../../../components/chart-palette';
import { ChartTable } from '../../../components/chart-table';
import { EmptyState } from '../../../components/states';
import type { DashboardLinks } from './dashboard-links';
import { FigureLink } from './figure-link';
import { useDashboardFormat } from './use-dashboard-format';

/**
 * Open repair jobs per workshop, and of them the overdue and the awaiting parts: three bars per workshop
 * on one scale from 0 to the largest backlog (overdue and awaiting parts overlap, so they are not stacked).
 * Each number links to the list of those jobs.
 */
export function BacklogChart({ backlog, links }: { backlog: Dashboard['backlog']; links: DashboardLinks }) {
  const { t } = useTranslation();
  const fmt = useDashboardFormat();
  const max = Math.max(1, ...backlog.map((b) => b.open));
  const series = [
    { key: 'open', label: t('dashboard.backlog.open'), color: SERIES_COLORS.actual },
    { key: 'overdue', label: t('dashboard.backlog.overdue'), color: SERIES_COLORS.alert },
    { key: 'awaitingParts', label: t('dashboard.backlog.awaitingParts'), color: SERIES_COLORS.waiting },
  ] as const;
  const linkOf = (key: (typeof series)[number]['key'], facilityId: string) =>
    key === 'open'
      ? links.backlogOpen(facilityId)
      : key === 'overdue'
        ? links.backlogOverdue(facilityId)
        : links.backlogAwaitingParts(facilityId);
  const labelOf = (key: (typeof series)[number]['key'], facility: string) =>
    key === 'open'
      ? t('dashboard.backlog.openAt', { facility })
      : key === 'overdue'
        ? t('dashboard.backlog.overdueAt', { facility })
        : t('dashboard.backlog.awaitingAt', { facility });

  return (
    <section className="panel dash-panel" aria-labelledby="dash-backlog-title" data-testid="dash-backlog">
      <h2 id="dash-backlog-title">{t('dashboard.backlog.title')}</h2>
      {backlog.length === 0 ? (
        <EmptyState message={t('dashboard.backlog.empty')} />
      ) : (
        <>
          <ul className="chart-legend" aria-hidden="true">
            {series.map((s) => (
              <li key={s.key}>
                <span className="chart-swatch" style={{ backgroundColor: s.color }} />
                {s.label}
              </li>
            ))}
          </ul>
          <ul className="dash-hbars">
            {backlog.map((b) => (
              <li key={b.facilityId} className="dash-hbar-group" data-testid="dash-backlog-row">
                <span className="dash-hbar-name" title={b.facilityName}>
                  {b.facilityCode}
                </span>
                <div className="dash-hbar-rows">
                  {series.map((s) => (
                    <div key={s.key} className="dash-hbar-row">
                      <span className="dash-hbar-track" aria-hidden="true">
                        <span
                          className="dash-hbar"
                          data-testid={`dash-backlog-bar-${s.key}`}
                          style={{ width: `${(b[s.key] / max) * 100}%`, backgroundColor: s.color }}
                        />
                      </span>
                      <FigureLink
                        to={linkOf(s.key, b.facilityId)}
                        label={`${labelOf(s.key, b.facilityName)}: ${fmt.number(b[s.key])}`}
                        className="dash-hbar-value"
                        testId={`dash-backlog-${s.key}`}
                      >
                        {fmt.number(b[s.key])}
                      </FigureLink>
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ul>
          <ChartTable
            variant="details"
            caption={t('dashboard.backlog.title')}
            columns={[t('dashboard.backlog.facility'), ...series.map((s) => s.label)]}
            rows={backlog.map((b) => ({
              key: b.facilityId,
              header: `${b.facilityCode} — ${b.facilityName}`,
              cells: series.map((s) => fmt.number(b[s.key])),
            }))}
            testId="dash-backlog-table"
          />
        </>
      )}
    </section>
  );
}
