import { can, type ReadinessClass, type Role } from '@jv/domain';

/**
 * Where each figure of the dashboard leads: the list it summarises, with that list's URL filters
 * (the same keys its page reads with useSearchFilters). A link the role may not open is `null`, and
 * the figure is then shown without one.
 */
export function dashboardLinks(role: Role) {
  const systems = can(role, 'systems', 'read');
  const jobs = can(role, 'repairJobs', 'read');
  const metrics = can(role, 'repairMetrics', 'read');
  const requests = can(role, 'componentRequests', 'read');
  const training = can(role, 'training', 'read');
  const coverage = can(role, 'crewCoverage', 'read') && training;
  const when = <T>(allowed: boolean, value: T): T | null => (allowed ? value : null);
  const jobsOf = (facilityId: string, extra: string) =>
    when(jobs, `/repair-jobs?open=true&facilityId=${encodeURIComponent(facilityId)}${extra}`);
  return {
    systems: when(systems, '/systems'),
    readiness: (cls: ReadinessClass) => when(systems, `/systems?readiness=${encodeURIComponent(cls)}`),
    inTransit: when(systems, '/systems?status=in_transit'),
    readinessSummary: when(systems, '/systems/readiness'),
    backlogOpen: (facilityId: string) => jobsOf(facilityId, ''),
    backlogOverdue: (facilityId: string) => jobsOf(facilityId, '&overdue=true'),
    backlogAwaitingParts: (facilityId: string) => jobsOf(facilityId, '&status=awaiting_parts'),
    /** the workshop metrics where the role may read them, else the completed jobs themselves */
    turnaround: metrics ? '/repair-jobs/dashboard' : when(jobs, '/repair-jobs?status=completed'),
    turnaroundIsMetrics: metrics,
    overdueRequests: when(requests, '/component-requests?overdue=true'),
    cohort: (cohortId: string) => when(training, `/training/cohorts/${encodeURIComponent(cohortId)}`),
    /** the cohorts starting between `from` and `to` (YYYY-MM-DD) */
    cohorts: (from: string, to: string) => when(training, `/training?from=${from}&to=${to}`),
    crewCoverage: when(coverage, '/training/coverage'),
  };
}

export type DashboardLinks = ReturnType<typeof dashboardLinks>;

/** `day` (YYYY-MM-DD) plus `days` days, as YYYY-MM-DD (calendar arithmetic in UTC). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
