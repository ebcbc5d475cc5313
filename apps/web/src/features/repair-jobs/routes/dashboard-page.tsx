import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { RepairJobMetrics } from '@jv/contracts';
import { openRepairJobStatuses } from '@jv/domain';
import { ButtonLink } from '../../../components/button';
import { isPartialWeek } from '../../../components/chart-periods';
import { ChartTable, legendText, PartialPatterns, partialPatternId, PeriodTick } from '../../../components/chart-table';
import { FilterInput, FilterSelect, ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { useFormatters } from '../../../lib/format';
import { compactFilters, useSearchFilters, uuidParam } from '../../../lib/use-search-filters';
import { useRepairJobMetrics } from '../api/get-repair-job-metrics';
import { useJobFacilityOptions } from '../components/facility-options';
import { useJobLabels } from '../components/job-labels';
import { STATUS_COLORS } from '../components/status-colors';
import { hoursToMs, useDuration } from '../components/use-duration';

const FILTERS = ['facilityId', 'from', 'to'] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** /repair-jobs/dashboard — backlog per facility and state, turnaround, awaiting parts, throughput. */
export function DashboardPage() {
  const { t } = useTranslation();
  const facilities = useJobFacilityOptions();
  const { values, setFilter } = useSearchFilters(FILTERS);
  const query = useRepairJobMetrics(
    compactFilters({
      facilityId: uuidParam(values.facilityId),
      from: ISO_DAY.test(values.from) ? values.from : undefined,
      to: ISO_DAY.test(values.to) ? values.to : undefined,
    }),
  );

  return (
    <section data-testid="metrics-dashboard">
      <PageHeader title={t('repairJobs.dashboard.title')} description={t('repairJobs.dashboard.description')} />
      <ListToolbar>
        <FilterSelect
          name="facilityId"
          label={t('repairJobs.dashboard.facility')}
          value={values.facilityId}
          options={facilities.options}
          onChange={(v) => setFilter('facilityId', v)}
        />
        <FilterInput
          name="from"
          type="date"
          label={t('repairJobs.dashboard.from')}
          value={values.from}
          onChange={(v) => setFilter('from', v)}
        />
        <FilterInput
          name="to"
          type="date"
          label={t('repairJobs.dashboard.to')}
          value={values.to}
          onChange={(v) => setFilter('to', v)}
        />
      </ListToolbar>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className={query.isFetching ? 'list-busy' : undefined} aria-busy={query.isFetching || undefined}>
          <Metrics
            metrics={query.data}
            facilityId={uuidParam(values.facilityId)}
            until={ISO_DAY.test(values.to) ? values.to : undefined}
          />
        </div>
      )}
    </section>
  );
}

function Metrics({
  metrics,
  facilityId,
  until,
}: {
  metrics: RepairJobMetrics;
  facilityId: string | undefined;
  /** the last day of the period asked for, if any: a week running past it is partial */
  until: string | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useJobLabels();
  const duration = useDuration();

  // one bar group per facility, one stacked segment per open state
  const facilities = new Map<string, Record<string, string | number>>();
  for (const row of metrics.backlog) {
    const entry = facilities.get(row.facilityId) ?? { facility: row.facilityCode };
    entry[row.status] = (Number(entry[row.status]) || 0) + row.count;
    facilities.set(row.facilityId, entry);
  }
  const backlog = [...facilities.values()];
  const totalBacklog = metrics.backlog.reduce((sum, row) => sum + row.count, 0);
  // a week not over yet (or cut by the period) is drawn hatched and labelled partial, not as a drop
  const now = new Date();
  const perWeek = metrics.completedPerWeek.map((w) => {
    const partial = isPartialWeek(w.weekStart, now, until);
    return { week: fmt.date(w.weekStart), count: w.count, partial };
  });
  const partialWeeks = new Set(perWeek.filter((w) => w.partial).map((w) => w.week));
  const weekColor = STATUS_COLORS.quality_check;
  const overdueLink = `/repair-jobs?open=true&overdue=true${facilityId ? `&facilityId=${facilityId}` : ''}`;

  return (
    <>
      <div className="rj-metric-cards">
        <article className="card rj-metric-card" data-testid="metric-overdue">
          <h2>{t('repairJobs.dashboard.overdueOpen')}</h2>
          <p className={`rj-metric-value${metrics.overdueOpen > 0 ? ' rj-text-danger' : ''}`}>
            {fmt.number(metrics.overdueOpen)}
          </p>
          {metrics.overdueOpen > 0 ? (
            <ButtonLink to={overdueLink} variant="secondary">
              {t('repairJobs.dashboard.openOverdueList')}
            </ButtonLink>
          ) : null}
        </article>
        <article className="card rj-metric-card" data-testid="metric-turnaround">
          <h2>{t('repairJobs.dashboard.turnaround')}</h2>
          <p className="muted">{t('repairJobs.dashboard.turnaroundHelp')}</p>
          <dl className="meta-list">
            <dt>{t('repairJobs.dashboard.completed')}</dt>
            <dd data-testid="metric-completed">{fmt.number(metrics.turnaround.completed)}</dd>
            <dt>{t('repairJobs.dashboard.median')}</dt>
            <dd data-testid="metric-turnaround-median">{duration(hoursToMs(metrics.turnaround.medianHours))}</dd>
            <dt>{t('repairJobs.dashboard.p90')}</dt>
            <dd data-testid="metric-turnaround-p90">{duration(hoursToMs(metrics.turnaround.p90Hours))}</dd>
          </dl>
        </article>
        <article className="card rj-metric-card" data-testid="metric-awaiting-parts">
          <h2>{t('repairJobs.dashboard.awaitingParts')}</h2>
          <p className="muted">{t('repairJobs.dashboard.awaitingPartsHelp')}</p>
          <dl className="meta-list">
            <dt>{t('repairJobs.dashboard.median')}</dt>
            <dd>{duration(hoursToMs(metrics.awaitingParts.medianHours))}</dd>
            <dt>{t('repairJobs.dashboard.p90')}</dt>
            <dd>{duration(hoursToMs(metrics.awaitingParts.p90Hours))}</dd>
          </dl>
        </article>
      </div>

      <section className="panel" aria-labelledby="backlog-title" data-testid="metric-backlog" data-total={totalBacklog}>
        <h2 id="backlog-title">{t('repairJobs.dashboard.backlog')}</h2>
        {backlog.length === 0 ? (
          <EmptyState message={t('repairJobs.dashboard.backlogEmpty')} />
        ) : (
          <>
            <div className="rj-chart" style={{ height: Math.max(260, 60 + backlog.length * 44) }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={backlog} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} domain={[0, 'auto']} />
                  <YAxis type="category" dataKey="facility" width={110} interval={0} />
                  <Tooltip />
                  {/* the legend in the order of the stacked segments, left to right (not sorted by name) */}
                  <Legend itemSorter={null} formatter={legendText} />
                  {openRepairJobStatuses.map((s) => (
                    <Bar key={s} dataKey={s} name={labels.status(s)} stackId="backlog" fill={STATUS_COLORS[s]} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <BacklogTable rows={backlog} />
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="per-week-title" data-testid="metric-per-week">
        <h2 id="per-week-title">{t('repairJobs.dashboard.perWeek')}</h2>
        {perWeek.length === 0 ? (
          <EmptyState message={t('repairJobs.dashboard.perWeekEmpty')} />
        ) : (
          <>
            <div className="rj-chart" style={{ height: 300 }} aria-hidden="true">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={perWeek} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                  <PartialPatterns colors={[weekColor]} />
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="week"
                    interval="preserveStartEnd"
                    minTickGap={8}
                    height={44}
                    tick={<PeriodTick partial={(v) => partialWeeks.has(v)} partialLabel={t('charts.partial')} />}
                  />
                  <YAxis allowDecimals={false} domain={[0, 'auto']} width={40} />
                  <Tooltip />
                  <Bar
                    dataKey="count"
                    name={t('repairJobs.dashboard.completed')}
                    fill={weekColor}
                    isAnimationActive={false}
                  >
                    {perWeek.map((w) => (
                      <Cell
                        key={w.week}
                        fill={w.partial ? `url(#${partialPatternId(weekColor)})` : weekColor}
                        stroke={weekColor}
                      />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
            {perWeek.some((w) => w.partial) ? (
              <p className="muted" data-testid="per-week-partial-note">
                {t('charts.partialPeriod')}: {[...partialWeeks].join(', ')}
              </p>
            ) : null}
            <ChartTable
              caption={t('repairJobs.dashboard.perWeek')}
              columns={[t('charts.weekStarting'), t('repairJobs.dashboard.completed')]}
              rows={perWeek.map((w) => ({
                key: w.week,
                header: w.week,
                partial: w.partial,
                cells: [fmt.number(w.count)],
              }))}
              testId="per-week-table"
            />
          </>
        )}
      </section>
    </>
  );
}

/** The backlog's numbers as a table too: readable without the chart (screen readers, printing). */
function BacklogTable({ rows }: { rows: Record<string, string | number>[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useJobLabels();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t('repairJobs.dashboard.backlog')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('repairJobs.fields.facility')}</th>
            {openRepairJobStatuses.map((s) => (
              <th key={s} scope="col" className="num">
                {labels.status(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row.facility)} data-testid="backlog-row">
              <th scope="row" className="mono">
                {row.facility}
              </th>
              {openRepairJobStatuses.map((s) => (
                <td key={s} className="num">
                  {fmt.number(Number(row[s]) || 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
