import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { PlanVsActual } from '@jv/contracts';
import { SERIES_COLORS } from '../../../components/chart-palette';
import { isFutureMonth, isPartialMonth } from '../../../components/chart-periods';
import { legendText, PartialPatterns, partialPatternId, PeriodTick } from '../../../components/chart-table';
import { useMonthLabel } from './use-month-label';

/**
 * Planned vs delivered per month as grouped bars (legend in the bars' order). The current month is not
 * over: its delivered bar is hatched and the month labelled partial; a month yet to come has no delivered
 * bar at all (not a drop to zero). Loaded lazily (React.lazy) with recharts, only by the plan vs actual
 * page; the table beside it holds the same numbers for screen readers.
 */
export default function PlanVsActualChart({ data }: { data: PlanVsActual }) {
  const { t } = useTranslation();
  const monthLabel = useMonthLabel('short');
  const now = new Date();
  const rows = data.months.map((m) => ({
    month: monthLabel(m.month),
    planned: m.planned,
    delivered: isFutureMonth(m.month, now) ? null : m.delivered,
    partial: isPartialMonth(m.month, now),
  }));
  const partialMonths = new Set(rows.filter((r) => r.partial).map((r) => r.month));
  const delivered = SERIES_COLORS.actual;
  return (
    <figure className="cr-chart" data-testid="plan-vs-actual-chart" aria-label={t('supplyPlans.actual.chart')}>
      <figcaption className="visually-hidden">{t('supplyPlans.actual.chart')}</figcaption>
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <PartialPatterns colors={[delivered]} />
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="month"
            interval="preserveStartEnd"
            minTickGap={8}
            height={44}
            tick={<PeriodTick partial={(v) => partialMonths.has(v)} partialLabel={t('charts.partial')} />}
          />
          <YAxis allowDecimals={false} domain={[0, 'auto']} width={48} />
          <Tooltip />
          <Legend itemSorter={null} formatter={legendText} />
          <Bar dataKey="planned" name={t('supplyPlans.actual.planned')} fill={SERIES_COLORS.target} />
          <Bar dataKey="delivered" name={t('supplyPlans.actual.delivered')} fill={delivered}>
            {rows.map((r) => (
              <Cell
                key={r.month}
                fill={r.partial ? `url(#${partialPatternId(delivered)})` : delivered}
                stroke={delivered}
              />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
