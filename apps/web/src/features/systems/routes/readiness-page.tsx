import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { readinessClasses } from '@jv/domain';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { enumParam, useSearchFilters } from '../../../lib/use-search-filters';
import { useReadinessSummary } from '../api/get-readiness-summary';
import type { ReadinessGroupBy } from '../api/system-keys';
import { ReadinessBadge } from '../components/system-badges';
import { useSystemLabels } from '../components/system-labels';
import { SystemsNav } from '../components/systems-nav';

const ReadinessChart = lazy(() => import('../components/readiness-chart').then((m) => ({ default: m.ReadinessChart })));

const GROUP_BY = ['model', 'donorPartner', 'unit'] as const satisfies readonly ReadinessGroupBy[];

/** /systems/readiness — FMC/PMC/NMC-M/NMC-S per model, donor or unit, and the fleet's availability rate. */
export function ReadinessPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useSystemLabels();
  const { values, setFilter } = useSearchFilters(['groupBy'] as const);
  const groupBy = enumParam(values.groupBy, GROUP_BY) ?? 'model';
  const query = useReadinessSummary(groupBy);
  const summary = query.data;

  return (
    <section>
      <SystemsNav />
      <PageHeader title={t('systems.readinessPage.title')} description={t('systems.readinessPage.description')} />
      <div
        className="segmented"
        role="radiogroup"
        aria-label={t('systems.readinessPage.groupBy')}
        data-testid="filter-groupBy"
      >
        <span className="segmented-label">{t('systems.readinessPage.groupBy')}</span>
        {GROUP_BY.map((g) => (
          <button
            key={g}
            type="button"
            role="radio"
            aria-checked={groupBy === g}
            className={`btn ${groupBy === g ? 'btn-primary' : 'btn-secondary'}`}
            data-testid={`group-by-${g}`}
            onClick={() => setFilter('groupBy', g === 'model' ? '' : g)}
          >
            {t(`systems.readinessPage.by.${g}`)}
          </button>
        ))}
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError || !summary ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className={query.isFetching ? 'list-busy' : undefined} aria-busy={query.isFetching || undefined}>
          <div className="stat-grid">
            <div className="stat stat-main">
              <span className="stat-label">{t('systems.readinessPage.availability')}</span>
              <span
                className="stat-value"
                data-testid="availability-rate"
                data-value={summary.overall.availabilityRate ?? ''}
              >
                {labels.percent(summary.overall.availabilityRate)}
              </span>
              <span className="muted">{t('systems.readinessPage.availabilityHint')}</span>
            </div>
            {readinessClasses.map((cls) => (
              <div className="stat" key={cls} data-testid={`overall-${cls}`}>
                <span className="stat-label">
                  <ReadinessBadge readiness={cls} labels={labels} />
                </span>
                <span className="stat-value">{fmt.number(summary.overall[cls])}</span>
                <span className="muted">{labels.readinessLong(cls)}</span>
              </div>
            ))}
            <div className="stat">
              <span className="stat-label">{t('systems.readinessPage.total')}</span>
              <span className="stat-value" data-testid="overall-total">
                {fmt.number(summary.overall.total)}
              </span>
              <span className="muted">
                {t('systems.readinessPage.otherCounts', {
                  inTransit: fmt.number(summary.overall.inTransit),
                  writtenOff: fmt.number(summary.overall.writtenOff),
                })}
              </span>
            </div>
          </div>
          {summary.groups.length === 0 ? (
            <EmptyState message={t('systems.readinessPage.empty')} />
          ) : (
            <>
              <div className="panel">
                <h2>
                  {t('systems.readinessPage.chartTitle', { by: t(`systems.readinessPage.by.${summary.groupBy}`) })}
                </h2>
                <div
                  className="chart-box"
                  data-testid="readiness-chart"
                  data-groups={summary.groups.length}
                  role="img"
                  aria-label={t('systems.readinessPage.chartTitle', {
                    by: t(`systems.readinessPage.by.${summary.groupBy}`),
                  })}
                  style={{ height: Math.max(260, summary.groups.length * 40 + 110) }}
                >
                  <Suspense fallback={<LoadingState />}>
                    <ReadinessChart groups={summary.groups} />
                  </Suspense>
                </div>
              </div>
              <div
                className="table-scroll"
                role="region"
                aria-label={t('systems.readinessPage.tableTitle')}
                tabIndex={0}
              >
                <table className="data-table readiness-table" data-testid="readiness-table">
                  <caption className="visually-hidden">{t('systems.readinessPage.tableTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t(`systems.readinessPage.by.${summary.groupBy}`)}</th>
                      {readinessClasses.map((cls) => (
                        <th scope="col" className="num" key={cls} title={labels.readinessLong(cls)}>
                          {labels.readiness(cls)}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        {t('systems.readinessPage.inTransit')}
                      </th>
                      <th scope="col" className="num">
                        {t('systems.readinessPage.writtenOff')}
                      </th>
                      <th scope="col" className="num">
                        {t('systems.readinessPage.total')}
                      </th>
                      <th scope="col" className="num">
                        {t('systems.readinessPage.availability')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.groups.map((g) => (
                      <tr key={g.key ?? '—'} data-testid="row" data-key={g.key ?? ''}>
                        <th scope="row">{g.label}</th>
                        {readinessClasses.map((cls) => (
                          <td className="num" key={cls}>
                            {fmt.number(g[cls])}
                          </td>
                        ))}
                        <td className="num">{fmt.number(g.inTransit)}</td>
                        <td className="num">{fmt.number(g.writtenOff)}</td>
                        <td className="num">{fmt.number(g.total)}</td>
                        <td className="num">{labels.percent(g.availabilityRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
