import { useTranslation } from 'react-i18next';
import type { UsageWeek } from '@jv/contracts';
import { isPartialWeek } from '../../../components/chart-periods';
import { ChartTable } from '../../../components/chart-table';
import { useFormatters } from '../../../lib/format';

/**
 * The weeks of the usage chart as a table for screen readers, beside the chart (outside its picture; no
 * recharts here, so it is not loaded with the page).
 */
export function UsageTable({ weeks }: { weeks: UsageWeek[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const now = new Date();
  return (
    <ChartTable
      caption={t('systems.usage.chartLabel')}
      columns={[t('charts.weekStarting'), t('systems.usage.efc'), t('systems.usageForm.rounds')]}
      rows={weeks.map((w) => ({
        key: w.weekStart,
        header: fmt.date(w.weekStart.slice(0, 10)),
        partial: isPartialWeek(w.weekStart, now),
        cells: [fmt.number(w.efc), fmt.number(w.rounds)],
      }))}
      testId="usage-table"
    />
  );
}
