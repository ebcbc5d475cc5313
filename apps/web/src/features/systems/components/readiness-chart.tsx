import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReadinessSummaryResponse } from '@jv/contracts';
import { readinessClasses } from '@jv/domain';
import { useFormatters } from '../../../lib/format';
import { useSystemLabels } from './system-labels';

export const READINESS_COLORS: Record<(typeof readinessClasses)[number], string> = {
  FMC: '#1d7a46',
  PMC: '#d08a00',
  'NMC-M': '#c0392b',
  'NMC-S': '#7f1d1d',
};

/** FMC / PMC / NMC-M / NMC-S per group as stacked horizontal bars (long group names stay readable). */
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
        <XAxis type="number" allowDecimals={false} fontSize={12} tickFormatter={(v: number) => fmt.number(v)} />
        <YAxis type="category" dataKey="label" width={210} fontSize={12} interval={0} tickFormatter={tick} />
        <Tooltip formatter={(value) => fmt.number(Number(value))} />
        <Legend itemSorter={null} />
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
