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
    const plain = PLAIN[locale];
    const number = lazily(() => numberFormat(locale));
    const date = lazily(() => dateTimeFormat(locale, { dateStyle: 'medium' }));
    const dateTime = lazily(() => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
    formatters = {
      locale,
      number: (value) => {
        if (value === null || value === undefined) return '—';
        return (plain && plainDecimal(plain, value, 3, false)) ?? number().format(value);
      },
      date: (value) => {
        const d = value ? parse(value) : null;
        if (!d) return '—';
        return plain ? plainDate(plain, d) : date().format(d);
      },
      dateTime: (value) => {
        const d = value ? parse(value) : null;
        if (!d) return '—';
        return plain ? `${plainDate(plain, d)}, ${pad2(d.getHours())}:${pad2(d.getMinutes())}` : dateTime().format(d);
      },
    };
    byLocale.set(locale, formatters);
  }
  return formatters;
}

/** `ratio` as a percent with at most `maxFractionDigits` (0.823 → "82,3%" in uk, "82.3%" in en). */
export function formatPercent(locale: string, ratio: number, maxFractionDigits = 1): string {
  const plain = PLAIN[locale];
  return (
    (plain && plainDecimal(plain, ratio, maxFractionDigits, true)) ??
    numberFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(ratio)
  );
}

export type DurationUnit = 'day' | 'hour' | 'minute';

/** A whole number of days, hours or minutes, short ("3 days", "1 hr"; "3 дн.", "4 год"), as Intl's unit style. */
export function formatUnit(locale: string, value: number, unit: DurationUnit): string {
  const plain = PLAIN[locale];
  const number = plain && plainDecimal(plain, value, 0, false);
  if (plain && number !== undefined) return `${number} ${plain.units[unit][number === '1' ? 0 : 1]}`;
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

/*
 * The app's own two locales, formatted without Intl. The first Intl.NumberFormat or Intl.DateTimeFormat of a page
 * loads the browser's locale data: 50 ms on a laptop, 230 ms measured in Lighthouse's Chromium, which its mobile
 * profile counts four times, all inside the first render of a list or a job. These few patterns give exactly what
 * Intl gives (format.test.tsx compares them over thousands of values); anything else still goes through Intl.
 */
interface PlainLocale {
  group: string;
  decimal: string;
  months: readonly string[];
  /** the medium date: day, month (abbreviated) and year */
  date: (day: number, month: string, year: number) => string;
  /** the short unit after a whole number: [for exactly 1, for any other] */
  units: Record<DurationUnit, readonly [string, string]>;
}

const PLAIN: Record<string, PlainLocale | undefined> = {
  'uk-UA': {
    group: '\u00a0',
    decimal: ',',
    // prettier-ignore
    months: ['січ.', 'лют.', 'бер.', 'квіт.', 'трав.', 'черв.', 'лип.', 'серп.', 'вер.', 'жовт.', 'лист.', 'груд.'],
    date: (day, month, year) => `${day} ${month} ${year} р.`,
    units: { day: ['дн.', 'дн.'], hour: ['год', 'год'], minute: ['хв', 'хв'] },
  },
  'en-GB': {
    group: ',',
    decimal: '.',
    // prettier-ignore
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
    date: (day, month, year) => `${day} ${month} ${year}`,
    units: { day: ['day', 'days'], hour: ['hr', 'hrs'], minute: ['min', 'mins'] },
  },
};

const pad2 = (n: number) => String(n).padStart(2, '0');

function plainDate(plain: PlainLocale, d: Date): string {
  return plain.date(d.getDate(), plain.months[d.getMonth()], d.getFullYear());
}

/**
 * `value` with at most `maxFraction` decimals, rounded half away from zero on its shortest decimal form (as ICU
 * does), grouped by thousands; `percent` scales it by 100 first. Undefined for what these rules do not cover
 * (not finite, or written with an exponent): Intl formats those.
 */
function plainDecimal(plain: PlainLocale, value: number, maxFraction: number, percent: boolean): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = Math.abs(value).toString();
  if (text.includes('e')) return undefined;
  const dot = text.indexOf('.');
  let digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
  let point = dot < 0 ? text.length : dot;
  if (percent) {
    point += 2;
    digits = digits.padEnd(point, '0');
  }
  // round half away from zero at `maxFraction` decimals, on the decimal digits themselves
  const keep = point + maxFraction;
  if (digits.length > keep) {
    const up = digits.charCodeAt(keep) >= 53; // '5'
    digits = digits.slice(0, keep);
    if (up) {
      const carried = (BigInt(digits || '0') + 1n).toString().padStart(keep, '0');
      if (carried.length > keep) point += 1;
      digits = carried;
    }
  }
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, plain.group);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${fraction ? plain.decimal + fraction : ''}${percent ? '%' : ''}`;
}

/** Dates and numbers in the user's locale (Intl's patterns; see PLAIN). */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(intlLocale(i18n.resolvedLanguage ?? i18n.language));
}
