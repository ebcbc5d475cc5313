import { useTranslation } from 'react-i18next';

const INTL_LOCALE: Record<string, string> = { uk: 'uk-UA', en: 'en-GB' };

export function intlLocale(language: string): string {
  return INTL_LOCALE[language] ?? language;
}

// A plain ISO date (YYYY-MM-DD) is a calendar date: read it as local midnight, not UTC.
function parse(value: string): Date | null {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface Formatters {
  locale: string;
  number: (value: number | null | undefined) => string;
  date: (value: string | null | undefined) => string;
  dateTime: (value: string | null | undefined) => string;
}

const intlCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** A shared `Intl.NumberFormat` for these options: made once per locale and options, not once per render. */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options ?? {})}`;
  let format = intlCache.get(key) as Intl.NumberFormat | undefined;
  if (!format) intlCache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** A shared `Intl.DateTimeFormat` for these options (see `numberFormat`). */
export function dateTimeFormat(locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options ?? {})}`;
  let format = intlCache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) intlCache.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/**
 * One set per locale for the whole app, each Intl object made on its first use: constructing them is costly (the
 * first one loads the locale's data), and a list of fifty rows used to make three per row on every mount.
 */
const byLocale = new Map<string, Formatters>();

function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function formattersFor(locale: string): Formatters {
  let formatters = byLocale.get(locale);
  if (!formatters) {
    const number = lazily(() => numberFormat(locale));
    const date = lazily(() => dateTimeFormat(locale, { dateStyle: 'medium' }));
    const dateTime = lazily(() => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
    formatters = {
      locale,
      number: (value) => (value === null || value === undefined ? '—' : number().format(value)),
      date: (value) => {
        const d = value ? parse(value) : null;
        return d ? date().format(d) : '—';
      },
      dateTime: (value) => {
        const d = value ? parse(value) : null;
        return d ? dateTime().format(d) : '—';
      },
    };
    byLocale.set(locale, formatters);
  }
  return formatters;
}

/** Dates and numbers in the user's locale, via Intl. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(intlLocale(i18n.resolvedLanguage ?? i18n.language));
}
