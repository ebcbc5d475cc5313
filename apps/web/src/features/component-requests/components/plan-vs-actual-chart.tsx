import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { PlanVsActual } from '@jv/contracts';
import { useMonthLabel } from './use-month-label';

/**
 * Planned vs delivered per month as grouped bars. Loaded lazily (React.lazy) with recharts, only by
 * the plan vs actual page; the table beside it holds the same numbers for screen readers.
 */
export default function PlanVsActualChart({ data }: { data: PlanVsActual }) {
  const { t } = useTranslation();
  const monthLabel = useMonthLabel('short');
  const rows = data.months.map((m) => ({ month: monthLabel(m.month), planned: m.planned, delivered: m.delivered }));
  return (
    <figure className="cr-chart" data-testid="plan-vs-actual-chart" aria-label={t('supplyPlans.actual.chart')}>
      <figcaption className="visually-hidden">{t('supplyPlans.actual.chart')}</figcaption>
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="planned" name={t('supplyPlans.actual.planned')} fill="#6b7a90" />
          <Bar dataKey="delivered" name={t('supplyPlans.actual.delivered')} fill="#2d6cdf" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
