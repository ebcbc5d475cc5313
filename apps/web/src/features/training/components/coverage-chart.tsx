import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { CrewCoverage } from '@jv/contracts';
import { SERIES_COLORS } from '../../../components/chart-palette';
import { legendText } from '../../../components/chart-table';

/**
 * Crews required vs covered per model as grouped bars from 0, the legend in the bars' order. Loaded lazily
 * (React.lazy) with recharts, only by the coverage page; the table beside it holds the same numbers for
 * screen readers.
 */
export default function CoverageChart({ data }: { data: CrewCoverage }) {
  const { t } = useTranslation();
  const rows = data.models.map((m) => ({
    // the designation's first word ("TH-155/52"); the table beside names the model in full
    model: m.modelDesignation.split(' ')[0] ?? m.modelDesignation,
    required: m.crewsRequired,
    covered: m.crewsCovered,
  }));
  return (
    <figure className="tr-chart" data-testid="coverage-chart" aria-label={t('training.coverage.chartTitle')}>
      <figcaption className="visually-hidden">{t('training.coverage.chartTitle')}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="model" fontSize={12} />
          <YAxis allowDecimals={false} domain={[0, 'auto']} width={40} />
          <Tooltip />
          <Legend itemSorter={null} formatter={legendText} />
          <Bar dataKey="required" name={t('training.coverage.crewsRequired')} fill={SERIES_COLORS.target} />
          <Bar dataKey="covered" name={t('training.coverage.crewsCovered')} fill={SERIES_COLORS.actual} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
