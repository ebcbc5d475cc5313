import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { UsageWeek } from '@jv/contracts';
import { useFormatters } from '../../../lib/format';

/** EFC per week (bars), rounds in the tooltip. Loaded lazily with recharts, only on the detail page. */
export function UsageChart({ weeks }: { weeks: UsageWeek[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const short = new Intl.DateTimeFormat(fmt.locale, { day: '2-digit', month: '2-digit' });
  const label = (value: string) => {
    const d = new Date(`${value.slice(0, 10)}T00:00:00`);
    return Number.isNaN(d.getTime()) ? value : short.format(d);
  };
  const data = weeks.map((w) => ({ week: w.weekStart, efc: w.efc, rounds: w.rounds }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="week" tickFormatter={label} minTickGap={12} fontSize={12} />
        <YAxis allowDecimals={false} width={48} fontSize={12} tickFormatter={(v: number) => fmt.number(v)} />
        <Tooltip
          labelFormatter={(value) => t('systems.usage.weekOf', { date: fmt.date(String(value).slice(0, 10)) })}
          formatter={(value, _name, item) => {
            const rounds = (item.payload as { rounds: number }).rounds;
            const efc = fmt.number(Number(value));
            const roundsCount = t('systems.usage.roundsCount', { count: rounds, formatted: fmt.number(rounds) });
            return [`${efc} (${roundsCount})`, t('systems.usage.efc')];
          }}
        />
        <Bar dataKey="efc" name={t('systems.usage.efc')} fill="#2d6cdf" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
