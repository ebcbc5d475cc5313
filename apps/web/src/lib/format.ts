import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const INTL_LOCALE: Record<string, string> = { uk: 'uk-UA', en: 'en-GB' };

export function intlLocale(language: string): string {
  return INTL_LOCALE[language] ?? language;
}

/** Dates and numbers in the user's locale, via Intl. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => {
    const number = new Intl.NumberFormat(locale);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const parse = (value: string) => {
      // A plain ISO date (YYYY-MM-DD) is a calendar date: read it as local midnight, not UTC.
      const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
      return Number.isNaN(d.getTime()) ? null : d;
    };
    return {
      locale,
      number: (value: number | null | undefined) =>
        value === null || value === undefined ? '—' : number.format(value),
      date: (value: string | null | undefined) => {
        const d = value ? parse(value) : null;
        return d ? date.format(d) : '—';
      },
      dateTime: (value: string | null | undefined) => {
        const d = value ? parse(value) : null;
        return d ? dateTime.format(d) : '—';
      },
    };
  }, [locale]);
}
