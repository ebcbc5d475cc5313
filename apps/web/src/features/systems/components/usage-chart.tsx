import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { UsageWeek } from '@jv/contracts';
import { SERIES_COLORS } from '../../../components/chart-palette';
import { isPartialWeek } from '../../../components/chart-periods';
import { PartialPatterns, partialPatternId, PeriodTick } from '../../../components/chart-table';
import { useFormatters } from '../../../lib/format';

/**
 * EFC per week (bars from 0), rounds in the tooltip. The current week is not over: its bar is hatched and
 * labelled partial. Loaded lazily with recharts, only on the detail page (its numbers: UsageTable).
 */
export function UsageChart({ weeks }: { weeks: UsageWeek[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const short = new Intl.DateTimeFormat(fmt.locale, { day: '2-digit', month: '2-digit' });
  const label = (value: string) => {
    const d = new Date(`${value.slice(0, 10)}T00:00:00`);
    return Number.isNaN(d.getTime()) ? value : short.format(d);
  };
  const now = new Date();
  const data = weeks.map((w) => ({
    week: w.weekStart,
    efc: w.efc,
    rounds: w.rounds,
    partial: isPartialWeek(w.weekStart, now),
  }));
  const color = SERIES_COLORS.actual;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <PartialPatterns colors={[color]} />
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="week"
          minTickGap={12}
          height={44}
          tick={
            <PeriodTick
              format={label}
              partial={(v) => data.some((d) => d.week === v && d.partial)}
              partialLabel={t('charts.partial')}
            />
          }
        />
        <YAxis
          allowDecimals={false}
          domain={[0, 'auto']}
          width={48}
          fontSize={12}
          tickFormatter={(v: number) => fmt.number(v)}
        />
        <Tooltip
          labelFormatter={(value) => t('systems.usage.weekOf', { date: fmt.date(String(value).slice(0, 10)) })}
          formatter={(value, _name, item) => {
            const rounds = (item.payload as { rounds: number }).rounds;
            const efc = fmt.number(Number(value));
            const roundsCount = t('systems.usage.roundsCount', { count: rounds, formatted: fmt.number(rounds) });
            return [`${efc} (${roundsCount})`, t('systems.usage.efc')];
          }}
        />
        <Bar dataKey="efc" name={t('systems.usage.efc')} fill={color} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.week} fill={d.partial ? `url(#${partialPatternId(color)})` : color} stroke={color} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
