import type { ReactElement } from 'react';
import { act, screen } from '@testing-library/react';
import type { Locale } from '@jv/contracts';
import { i18n } from '../i18n/i18n';
import { renderWithProviders } from '../test/render';
import { formatPercent, formatUnit, formattersFor, useFormatters } from './format';

/** Shows what useFormatters makes of a few values, one per line. */
function Formatted({
  number,
  date,
  dateTime,
}: {
  number?: number | null;
  date?: string | null;
  dateTime?: string | null;
}) {
  const fmt = useFormatters();
  return (
    <dl>
      <dt>locale</dt>
      <dd data-testid="locale">{fmt.locale}</dd>
      <dt>number</dt>
      <dd data-testid="number">{fmt.number(number)}</dd>
      <dt>date</dt>
      <dd data-testid="date">{fmt.date(date)}</dd>
      <dt>dateTime</dt>
      <dd data-testid="dateTime">{fmt.dateTime(dateTime)}</dd>
    </dl>
  );
}

const shown = (testId: string) => screen.getByTestId(testId).textContent;

describe('useFormatters (numbers and dates in the UI language)', () => {
  /** Renders `ui` in each language and returns what the element `testId` shows. */
  const inBoth = (ui: ReactElement, testId: string) =>
    (['uk', 'en'] as const).map((locale: Locale) => {
      const { unmount } = renderWithProviders(ui, { locale });
      const text = shown(testId);
      unmount();
      return text;
    });

  it('formats numbers with the locale\'s separators: uk "1 234 567,5", en "1,234,567.5"', () => {
    expect(inBoth(<Formatted number={1234567.5} />, 'number')).toEqual(['1\u00a0234\u00a0567,5', '1,234,567.5']);
  });

  it("formats a calendar date (YYYY-MM-DD) with the locale's month names", () => {
    expect(inBoth(<Formatted date="2026-03-05" />, 'date')).toEqual(['5 бер. 2026 р.', '5 Mar 2026']);
  });

  it('formats a timestamp with date and 24-hour time (TZ=UTC)', () => {
    expect(inBoth(<Formatted dateTime="2026-03-05T14:30:00.000Z" />, 'dateTime')).toEqual([
      '5 бер. 2026 р., 14:30',
      '5 Mar 2026, 14:30',
    ]);
  });

  it('shows a dash for a missing or unreadable value instead of "Invalid Date" or "NaN"', () => {
    renderWithProviders(<Formatted number={null} date="" dateTime="not-a-date" />, { locale: 'en' });
    expect(shown('number')).toBe('—');
    expect(shown('date')).toBe('—');
    expect(shown('dateTime')).toBe('—');
  });

  it('re-formats what is on screen when the language changes', async () => {
    renderWithProviders(<Formatted number={0.5} date="2026-12-01" />, { locale: 'uk' });
    expect(shown('locale')).toBe('uk-UA');
    expect(shown('number')).toBe('0,5');
    expect(shown('date')).toBe('1 груд. 2026 р.');

    await act(() => i18n.changeLanguage('en'));

    expect(shown('locale')).toBe('en-GB');
    expect(shown('number')).toBe('0.5');
    expect(shown('date')).toBe('1 Dec 2026');
  });
});

describe('formatting without Intl gives exactly what Intl gives', () => {
  // a small seeded generator: the same values on every run
  let seed = 20261130;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const numbers = [
    0,
    -0,
    5,
    0.5,
    0.0005,
    0.00049,
    1.0005,
    1.23456,
    12.5,
    999.9995,
    1234,
    -1234.5,
    12345,
    1234567.891,
    0.1 + 0.2,
    1e15,
    123456789012.345,
    -0.0001,
    1e-7,
    1e21,
    NaN,
    Infinity,
    ...Array.from({ length: 3000 }, () => (random() - 0.3) * 10 ** Math.floor(random() * 12 - 4)),
    ...Array.from({ length: 500 }, () => Math.round(random() * 10 ** Math.floor(random() * 10))),
  ];

  it.each(['uk-UA', 'en-GB'])('%s: numbers and percents', (locale) => {
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const fmt = formattersFor(locale);
    for (const value of numbers) {
      expect([value, fmt.number(value)]).toEqual([value, number.format(value)]);
      expect([value, formatPercent(locale, value / 1000)]).toEqual([value, percent.format(value / 1000)]);
    }
  });

  it.each(['uk-UA', 'en-GB'])('%s: whole days, hours and minutes', (locale) => {
    for (const unit of ['day', 'hour', 'minute'] as const) {
      const intl = new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: 0,
      });
      for (const value of [...Array.from({ length: 2100 }, (_, i) => i), 12_345, 1_234_567]) {
        expect([value, formatUnit(locale, value, unit)]).toEqual([value, intl.format(value)]);
      }
    }
  });

  it.each(['uk-UA', 'en-GB'])('%s: dates and times of every month, hour and minute', (locale) => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const fmt = formattersFor(locale);
    for (let i = 0; i < 2000; i++) {
      const d = new Date(2020 + Math.floor(random() * 10), Math.floor(random() * 12), 1 + Math.floor(random() * 28));
      d.setHours(Math.floor(random() * 24), Math.floor(random() * 60));
      const iso = d.toISOString();
      const pad = (n: number) => String(n).padStart(2, '0');
      const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      expect(fmt.dateTime(iso)).toBe(dateTime.format(d));
      expect(fmt.date(day)).toBe(date.format(d));
    }
  });
});
