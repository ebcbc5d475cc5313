import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';

/** Numbers, percentages, months (`2026-07` → "липень 2026 р.") and people with a time, in the UI language. */
export function useReportFormat() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return useMemo(() => {
    const monthFormat = new Intl.DateTimeFormat(fmt.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      ...fmt,
      percent: (value: number | null | undefined) =>
        value === null || value === undefined
          ? t('common.none')
          : t('partnerReports.figures.percent', { value: fmt.number(value) }),
      month: (value: string) => {
        const [year, month] = value.split('-').map(Number);
        return year && month ? monthFormat.format(new Date(Date.UTC(year, month - 1, 1))) : value;
      },
      whoWhen: (person: { displayName: string } | null, at: string | null) =>
        at
          ? t('partnerReports.fields.whoWhen', {
              name: person?.displayName ?? t('partnerReports.detail.system'),
              at: fmt.dateTime(at),
            })
          : t('common.none'),
    };
  }, [fmt, t]);
}
