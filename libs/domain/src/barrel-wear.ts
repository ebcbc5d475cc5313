/**
 * Barrel wear and the forecast of the next barrel change.
 *   wear = barrel EFC / barrel life (EFC)
 *   rate = EFC fired in the last 90 days / days observed (90, or fewer when the first usage report
 *          of the system is younger than that; at least 1 day)
 *   forecast = today + (barrel life − barrel EFC) / rate, or null when there is no usage (rate 0).
 * A barrel already at or past its life is forecast for today.
 */
export const WEAR_FLAG_THRESHOLD = 0.8;
export const FORECAST_WINDOW_DAYS = 90;

export function barrelWear(barrelEfc: number, barrelLifeEfc: number): number {
  if (barrelLifeEfc <= 0) return 0;
  return Math.max(0, barrelEfc) / barrelLifeEfc;
}

export function isWearFlagged(wear: number): boolean {
  return wear > WEAR_FLAG_THRESHOLD;
}

export interface UsageWindow {
  /** EFC fired in the window (the last FORECAST_WINDOW_DAYS days up to and including today) */
  efcInWindow: number;
  /** date (YYYY-MM-DD) of the system's first usage report ever, or null when it has none */
  firstReportDate: string | null;
}

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const fromDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** EFC per day over the observed part of the window; 0 without usage. */
export function firingRate(window: UsageWindow, today: string): number {
  if (!window.firstReportDate || window.efcInWindow <= 0) return 0;
  const sinceFirst = Math.floor((toDay(today) - toDay(window.firstReportDate)) / DAY_MS) + 1;
  const days = Math.max(1, Math.min(FORECAST_WINDOW_DAYS, sinceFirst));
  return window.efcInWindow / days;
}

export interface WearForecast {
  wear: number;
  flagged: boolean;
  /** EFC per day used for the forecast */
  ratePerDay: number;
  /** YYYY-MM-DD when wear reaches 100 %, or null without usage */
  forecastDate: string | null;
}

export function forecastBarrel(
  input: { barrelEfc: number; barrelLifeEfc: number } & UsageWindow,
  today: string,
): WearForecast {
  const wear = barrelWear(input.barrelEfc, input.barrelLifeEfc);
  const ratePerDay = firingRate(input, today);
  let forecastDate: string | null = null;
  if (ratePerDay > 0) {
    const remaining = Math.max(0, input.barrelLifeEfc - input.barrelEfc);
    forecastDate = fromDay(toDay(today) + Math.ceil(remaining / ratePerDay) * DAY_MS);
  }
  return { wear, flagged: isWearFlagged(wear), ratePerDay, forecastDate };
}
