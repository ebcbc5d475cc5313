import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReadinessSummaryResponse } from '@jv/contracts';
import { readinessClasses } from '@jv/domain';
import { READINESS_COLORS } from '../../../components/chart-palette';
import { legendText } from '../../../components/chart-table';
import { useFormatters } from '../../../lib/format';
import { useSystemLabels } from './system-labels';

/**
 * FMC / PMC / NMC-M / NMC-S per group as stacked horizontal bars from 0 (long group names stay readable), in
 * the app's colour-blind-safe palette; the legend in the order of the segments, left to right.
 */
export function ReadinessChart({ groups }: { groups: ReadinessSummaryResponse['groups'] }) {
  const labels = useSystemLabels();
  const fmt = useFormatters();
  const data = groups.map((g) => ({
    label: g.label,
    FMC: g.FMC,
    PMC: g.PMC,
    'NMC-M': g['NMC-M'],
    'NMC-S': g['NMC-S'],
  }));
  // long designations would wrap into each other: shortened on the axis, whole in the tooltip
  const tick = (value: string) => (value.length > 30 ? `${value.slice(0, 29)}…` : value);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          allowDecimals={false}
          domain={[0, 'auto']}
          fontSize={12}
          tickFormatter={(v: number) => fmt.number(v)}
        />
        <YAxis type="category" dataKey="label" width={210} fontSize={12} interval={0} tickFormatter={tick} />
        <Tooltip formatter={(value) => fmt.number(Number(value))} />
        <Legend itemSorter={null} formatter={legendText} />
        {readinessClasses.map((cls) => (
          <Bar
            key={cls}
            dataKey={cls}
            name={`${labels.readiness(cls)} — ${labels.readinessLong(cls)}`}
            stackId="readiness"
            fill={READINESS_COLORS[cls]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
