import type { Dashboard } from '@jv/contracts';
import { crewCoverage, readinessClasses, summarizeReadiness, type SystemStatus } from '@jv/domain';

/** How many months the availability trend shows (the current one included, as partial). */
export const TREND_MONTHS = 12;
/** Jobs completed this many days back make the turnaround. */
export const TURNAROUND_DAYS = 90;
/** Cohorts starting within this many days are listed. */
export const UPCOMING_COHORT_DAYS = 30;
/** At most this many crew-coverage gaps are listed. */
export const MAX_COVERAGE_GAPS = 10;
/** The day and month boundaries of the dashboard: where the workshops are. */
export const DASHBOARD_TZ = 'Europe/Kyiv';

/** A share (0..1) as a percentage with one decimal; null stays null. */
export const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

/** available / inService as a percentage with one decimal; null when nothing is in service. */
export const availabilityPercent = (available: number, inService: number): number | null =>
  inService > 0 ? percent(available / inService) : null;

/** Days with one decimal (a median from SQL may come as text). */
export const roundDays = (d: number | string | null): number | null =>
  d === null ? null : Math.round(Number(d) * 10) / 10;

/** The fleet now, from the count of systems per status. */
export function fleetNow(rows: ReadonlyArray<{ status: SystemStatus; n: number }>) {
  const counts = summarizeReadiness(Object.fromEntries(rows.map((r) => [r.status, r.n])));
  return {
    inService: counts.total - counts.writtenOff,
    byReadiness: readinessClasses.map((readiness) => ({ readiness, systems: counts[readiness] })),
    inTransit: counts.inTransit,
    availabilityRate: percent(counts.availabilityRate),
  };
}

export interface TrendRow {
  month: string;
  partial: boolean;
  available: number;
  in_service: number;
}

export const toTrend = (rows: readonly TrendRow[]): Dashboard['fleet']['trend'] =>
  rows.map((r) => ({
    month: r.month,
    availabilityRate: availabilityPercent(r.available, r.in_service),
    available: r.available,
    inService: r.in_service,
    partial: r.partial,
  }));

export interface CoverageInput {
  system_model_id: string;
  model_designation: string;
  crew_size: number | null;
  systems_in_service: number;
  operator: number;
  maintainer: number;
  commander: number;
}

/** The models whose qualified crews fall short (gap > 0), largest gap first (then by designation), at most `max`. */
export function coverageGaps(rows: readonly CoverageInput[], max = MAX_COVERAGE_GAPS): Dashboard['crewCoverageGaps'] {
  return rows
    .map((r) => {
      const c = crewCoverage({
        systemsInService: r.systems_in_service,
        crewSize: r.crew_size,
        qualified: { operator: r.operator, maintainer: r.maintainer, commander: r.commander },
      });
      return {
        modelId: r.system_model_id,
        designation: r.model_designation,
        systemsInService: r.systems_in_service,
        crewsRequired: c.crewsRequired,
        crewsCovered: c.crewsCovered,
        gap: c.gap,
      };
    })
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.gap - a.gap || a.designation.localeCompare(b.designation) || a.modelId.localeCompare(b.modelId))
    .slice(0, max);
}
