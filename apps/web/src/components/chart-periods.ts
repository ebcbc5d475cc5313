/**
 * Whether a chart's period is still running: its figures are "so far", and the chart draws it hatched
 * and labelled partial instead of as a drop.
 */
const DAY_MS = 86_400_000;

/** The start of `day` (YYYY-MM-DD or an ISO timestamp) in UTC, or NaN. */
function startOf(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
}

/**
 * A week starting `weekStart` has not ended by `now`, or runs past `until` (the last day a chart's
 * period covers, YYYY-MM-DD) when the period was cut there.
 */
export function isPartialWeek(weekStart: string, now: Date = new Date(), until?: string): boolean {
  const end = startOf(weekStart) + 7 * DAY_MS;
  if (Number.isNaN(end)) return false;
  const cut = until ? startOf(until) + DAY_MS : Number.NaN;
  return end > now.getTime() || (!Number.isNaN(cut) && end > cut);
}

/** The month `month` (YYYY-MM) has not ended by `now` (in UTC). */
export function isPartialMonth(month: string, now: Date = new Date()): boolean {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return false;
  return Date.UTC(year, m, 1) > now.getTime() && Date.UTC(year, m - 1, 1) <= now.getTime();
}

/** The month `month` (YYYY-MM) has not started by `now`: it has nothing delivered yet, not zero. */
export function isFutureMonth(month: string, now: Date = new Date()): boolean {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return false;
  return Date.UTC(year, m - 1, 1) > now.getTime();
}
