import { useCallback } from 'react';
import { formatUnit, useFormatters } from '../../../lib/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of time in the user's locale, in its two largest units ("3 days 4 hrs", "3 дн. 4 год"). */
export function useDuration() {
  const { locale } = useFormatters();

  return useCallback(
    (ms: number | null | undefined): string => {
      if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
      const total = Math.max(0, ms);
      if (total < HOUR) return formatUnit(locale, Math.round(total / MINUTE), 'minute');
      if (total < DAY) return formatUnit(locale, Math.floor(total / HOUR), 'hour');
      const days = Math.floor(total / DAY);
      const hours = Math.floor((total % DAY) / HOUR);
      const daysText = formatUnit(locale, days, 'day');
      return hours > 0 && days < 10 ? `${daysText} ${formatUnit(locale, hours, 'hour')}` : daysText;
    },
    [locale],
  );
}

/** Milliseconds from an ISO timestamp until now. */
export function ageOf(iso: string, now = Date.now()): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : now - at;
}

export const hoursToMs = (hours: number | null | undefined) =>
  hours === null || hours === undefined ? null : hours * HOUR;
