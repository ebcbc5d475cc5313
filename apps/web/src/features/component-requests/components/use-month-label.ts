import { useCallback } from 'react';
import { useFormatters } from '../../../lib/format';

/** "Березень 2026 р." / "March 2026" for YYYY-MM in the user's language (`short`: "Бер. 26 р.", for chart axes). */
export function useMonthLabel(style: 'long' | 'short' = 'long') {
  const { locale } = useFormatters();
  return useCallback(
    (month: string) => {
      const [year, m] = month.split('-').map(Number);
      if (!year || !m) return month;
      const options: Intl.DateTimeFormatOptions =
        style === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short', year: '2-digit' };
      const label = new Intl.DateTimeFormat(locale, options).format(new Date(year, m - 1, 1));
      return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
    },
    [locale, style],
  );
}
