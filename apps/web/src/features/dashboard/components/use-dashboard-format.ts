import { useMemo } from 'react';
import { useFormatters } from '../../../lib/format';

/** Numbers, percentages (the API's 0–100 rates), days and month names of the dashboard, in the UI's language. */
export function useDashboardFormat() {
  const fmt = useFormatters();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 });
    const oneDecimal = new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1 });
    const monthShort = new Intl.DateTimeFormat(fmt.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
    const monthLong = new Intl.DateTimeFormat(fmt.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const monthDate = (month: string) => {
      const [year, m] = month.split('-').map(Number);
      return year && m ? new Date(Date.UTC(year, m - 1, 1)) : null;
    };
    const capital = (text: string) => text.charAt(0).toLocaleUpperCase(fmt.locale) + text.slice(1);
    return {
      ...fmt,
      /** 82.3 (a 0–100 rate) → "82,3 %" / "82.3%"; null → "—" */
      rate: (value: number | null | undefined) =>
        value === null || value === undefined ? '—' : percent.format(value / 100),
      /** 12.5 → "12,5" / "12.5" */
      decimal: (value: number | null | undefined) =>
        value === null || value === undefined ? '—' : oneDecimal.format(value),
      /** "2026-11" → "Лист. 26 р." / "Nov 26" (axis) */
      monthShort: (month: string) => {
        const d = monthDate(month);
        return d ? capital(monthShort.format(d)) : month;
      },
      /** "2026-11" → "Листопад 2026 р." / "November 2026" */
      monthLong: (month: string) => {
        const d = monthDate(month);
        return d ? capital(monthLong.format(d)) : month;
      },
    };
  }, [fmt]);
}
