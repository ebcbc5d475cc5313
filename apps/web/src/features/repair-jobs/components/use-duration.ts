import { useCallback, useMemo } from 'react';
import { numberFormat, useFormatters } from '../../../lib/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of time in the user's locale, in its two largest units ("3 days 4 hr", "3 дн. 4 год"). */
export function useDuration() {
  const { locale } = useFormatters();
  const units = useMemo(() => {
    const unit = (u: 'day' | 'hour' | 'minute') =>
      numberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 });
    return { day: unit('day'), hour: unit('hour'), minute: unit('minute') };
  }, [locale]);

  return useCallback(
    (ms: number | null | undefined): string => {
      if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
      const total = Math.max(0, ms);
      if (total < HOUR) return units.minute.format(Math.round(total / MINUTE));
      if (total < DAY) return units.hour.format(Math.floor(total / HOUR));
      const days = Math.floor(total / DAY);
      const hours = Math.floor((total % DAY) / HOUR);
      return hours > 0 && days < 10 ? `${units.day.format(days)} ${units.hour.format(hours)}` : units.day.format(days);
    },
    [units],
  );
}

/** Milliseconds from an ISO timestamp until now. */
export function ageOf(iso: string, now = Date.now()): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : now - at;
}

export const hoursToMs = (hours: number | null | undefined) =>
  hours === null || hours === undefined ? null : hours * HOUR;
